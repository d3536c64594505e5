import { describe, expect, it } from 'vitest';
import { crdInfo, defaultCustomResourceDefinition, validateCustomResource, validateCustomResourceDefinition } from '../../../crd';
import { applyDefaults } from '../../../crd/defaulting';
import { VM_SERVICE_CRDS } from '.';
import { virtualMachineCrd } from './virtualmachine';

describe('VM Service CRDs', () => {
  it.each(VM_SERVICE_CRDS.map((c) => [c.metadata.name, c] as const))('%s is a valid structural CRD', (_name, crd) => {
    const causes = validateCustomResourceDefinition(defaultCustomResourceDefinition(structuredClone(crd)));
    expect(causes).toEqual([]);
  });

  it('serves v1alpha5 as the storage version with upstream names and columns', () => {
    const info = crdInfo(virtualMachineCrd);
    expect(info.storageVersion).toBe('v1alpha5');
    expect(info.names.shortNames).toEqual(['vm']);
    expect(info.versions[0]!.printerColumns.map((c) => c.name)).toEqual(['Power-State', 'Class', 'Image', 'Primary-IP4', 'Age']);
    expect(info.versions[0]!.statusSubresource).toBe(true);
  });

  it('accepts a real-shaped VirtualMachine and defaults the power modes', () => {
    const schema = virtualMachineCrd.spec.versions![0]!.schema!.openAPIV3Schema!;
    const vm = {
      apiVersion: 'vmoperator.vmware.com/v1alpha5',
      kind: 'VirtualMachine',
      metadata: { name: 'web-01', namespace: 'team-a' },
      spec: {
        className: 'best-effort-small',
        imageName: 'vmi-0a0044d7c690bcbea',
        storageClass: 'vsan-default-storage-policy',
        powerState: 'PoweredOn',
        bootstrap: { cloudInit: { cloudConfig: { users: [{ name: 'vmware', sudo: 'ALL=(ALL) NOPASSWD:ALL' }], runcmd: ['echo hello'] } } },
        network: { interfaces: [{ name: 'eth0', network: { kind: 'SubnetSet', apiVersion: 'crd.nsx.vmware.com/v1alpha1' } }] },
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-01-data' } }],
      },
    };
    const defaulted = applyDefaults(structuredClone(vm), schema) as typeof vm & { spec: Record<string, unknown> };
    expect(validateCustomResource(defaulted, schema)).toEqual([]);
    expect(defaulted.spec.powerOffMode).toBe('TrySoft');
    expect((defaulted.spec.volumes as { persistentVolumeClaim: Record<string, unknown> }[])[0]!.persistentVolumeClaim.controllerType).toBe('SCSI');
  });

  it('rejects an unknown power state', () => {
    const schema = virtualMachineCrd.spec.versions![0]!.schema!.openAPIV3Schema!;
    const causes = validateCustomResource({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'x' }, spec: { powerState: 'On' } }, schema);
    expect(causes.map((c) => c.field)).toEqual(['spec.powerState']);
  });
});

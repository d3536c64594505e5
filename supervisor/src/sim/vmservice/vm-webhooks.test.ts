import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { resolveImageName } from './image-resolution';
import { clusterImageObject, vmClassObject, CLASS_SIZES } from './seed-catalog';
import { CLUSTER_IMAGES } from './seed-images';
import { mutateVmOnCreate, mutateVmOnUpdate, rfc3339Nano } from './vm-mutation';
import { validateVmCreate, validateVmUpdate, type VmLookups } from './vm-validation';

const NOW = '2026-06-03T10:00:00Z';
const ubuntu = clusterImageObject(CLUSTER_IMAGES[0]!, NOW);
const photon = clusterImageObject(CLUSTER_IMAGES[2]!, NOW);
const nsImage: KubeObject = { ...clusterImageObject({ ...CLUSTER_IMAGES[2]!, itemUuid: '11111111-2222-3333-4444-555555555555' }, NOW), kind: 'VirtualMachineImage', metadata: { name: 'vmi-ns0000000000001', namespace: 'team-a' } };

function lookups(extra: Partial<VmLookups> = {}): VmLookups {
  return {
    namespaceImage: (ns, name) => (ns === 'team-a' && name === nsImage.metadata.name ? nsImage : undefined),
    clusterImage: (name) => [ubuntu, photon].find((i) => i.metadata.name === name),
    namespaceImages: (ns) => (ns === 'team-a' ? [nsImage] : []),
    clusterImages: () => [ubuntu, photon],
    vmClass: (ns, name) => (ns === 'team-a' && name === 'best-effort-small' ? vmClassObject('team-a', false, CLASS_SIZES[1]!) : undefined),
    storageClass: (name) => (name === 'vsan-default-storage-policy' ? { metadata: { name } } : undefined),
    quotas: () => [],
    ...extra,
  };
}

const vm = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'web-01', namespace: 'team-a' }, spec });
let n = 0;
const uuid = (): string => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

describe('VirtualMachine mutating webhook', () => {
  it('defaults power state, UUIDs, the default NIC and cloud-init instance ID, and resolves a display name', () => {
    const v = vm({ className: 'best-effort-small', imageName: 'ubuntu-22.04-server-cloudimg-amd64', bootstrap: { cloudInit: {} } });
    expect(mutateVmOnCreate(v, lookups(), false, uuid)).toBeUndefined();
    const s = v.spec as Record<string, unknown>;
    expect(s.powerState).toBe('PoweredOn');
    expect(s.image).toEqual({ kind: 'ClusterVirtualMachineImage', name: 'vmi-0a0044d7c690bcbea' });
    expect(s.imageName).toBe('vmi-0a0044d7c690bcbea');
    expect((s.bootstrap as { cloudInit: { instanceID: string } }).cloudInit.instanceID).toBe(s.biosUUID);
    expect(s.network).toEqual({ interfaces: [{ name: 'eth0', network: { apiVersion: 'vmware.com/v1alpha1', kind: 'VirtualNetwork' } }] });
    expect(v.metadata.annotations).toMatchObject({ 'vmoperator.vmware.com/created-at-schema-version': 'v1alpha5' });
  });

  it('denies unknown and ambiguous image names, and UUIDs set by DevOps users', () => {
    expect(mutateVmOnCreate(vm({ imageName: 'centos' }), lookups(), false, uuid)).toBe('no VM image exists for "centos" in namespace or cluster scope');
    const twice = lookups({ clusterImages: () => [ubuntu, { ...ubuntu, metadata: { name: 'vmi-other' } }] });
    expect(resolveImageName(twice, 'team-a', 'ubuntu-22.04-server-cloudimg-amd64')).toEqual({ ok: false, message: 'multiple VM images exist for "ubuntu-22.04-server-cloudimg-amd64" in cluster scope' });
    expect(resolveImageName(lookups(), 'team-a', 'photon-ova_uefi-5.0-dde71ec57')).toEqual({
      ok: false,
      message: 'multiple VM images exist for "photon-ova_uefi-5.0-dde71ec57" in namespace and cluster scope',
    });
    expect(mutateVmOnCreate(vm({ biosUUID: '5d3a0f4e-0000-4000-8000-000000000001' }), lookups(), false, uuid)).toBe('spec.biosUUID: Forbidden: only privileged users may set this field');
  });

  it('turns nextRestartTime "now" into a timestamp, only for powered-on VMs', () => {
    const old = vm({ powerState: 'PoweredOn' });
    const next = vm({ powerState: 'PoweredOn', nextRestartTime: 'Now' });
    expect(mutateVmOnUpdate(next, old, lookups(), new Date('2026-06-03T10:00:01.250Z'))).toBeUndefined();
    expect((next.spec as { nextRestartTime: string }).nextRestartTime).toBe('2026-06-03T10:00:01.25Z');
    expect(mutateVmOnUpdate(vm({ powerState: 'PoweredOff', nextRestartTime: 'now' }), vm({ powerState: 'PoweredOff' }), lookups(), new Date())).toBe(
      'spec.nextRestartTime: Invalid value: "now": can only restart powered on vm',
    );
    expect(mutateVmOnUpdate(vm({ nextRestartTime: 'tomorrow' }), old, lookups(), new Date())).toBe('spec.nextRestartTime: Invalid value: "tomorrow": may only be set to "now"');
    expect(rfc3339Nano(new Date('2026-06-03T10:00:00.000Z'))).toBe('2026-06-03T10:00:00Z');
  });
});

describe('VirtualMachine validating webhook', () => {
  const ok = { className: 'best-effort-small', image: { kind: 'ClusterVirtualMachineImage', name: 'vmi-0a0044d7c690bcbea' }, storageClass: 'vsan-default-storage-policy', powerState: 'PoweredOn' };

  it('admits a complete VM', () => {
    expect(validateVmCreate(vm(ok), lookups(), false)).toEqual([]);
  });

  it('checks class, image, storage class, power state and restart on create', () => {
    expect(validateVmCreate(vm({ ...ok, className: 'huge', storageClass: 'gold', powerState: 'Suspended', nextRestartTime: 'now' }), lookups(), false)).toEqual([
      'spec.className: Invalid value: "huge": virtualmachineclasses.vmoperator.vmware.com "huge" not found',
      'spec.storageClass: Invalid value: "gold": Storage policy gold does not exist',
      'spec.powerState: Invalid value: "Suspended": cannot set a new VM\'s power state to Suspended',
      'spec.nextRestartTime: Invalid value: "now": cannot restart VM on create',
    ]);
    expect(validateVmCreate(vm({ ...ok, image: { kind: 'Image', name: 'x' } }), lookups(), false)).toEqual([
      'spec.image.kind: Invalid value: "Image": supported: VirtualMachineImage; ClusterVirtualMachineImage',
    ]);
  });

  it('requires the storage class to be assigned to the namespace when its quotas name storage classes', () => {
    const quotas = (): KubeObject[] => [{ metadata: { name: 'q' }, spec: { hard: { 'wcpglobal-storage-profile.storageclass.storage.k8s.io/requests.storage': '1Ti' } } }];
    expect(validateVmCreate(vm(ok), lookups({ quotas }), false)).toEqual(['spec.storageClass: Invalid value: "vsan-default-storage-policy": Storage policy is not associated with the namespace team-a']);
  });

  it('keeps image and storage class immutable and checks power state transitions', () => {
    const old = vm(ok);
    expect(validateVmUpdate(vm({ ...ok, storageClass: 'other' }), old, lookups(), false)).toEqual(['spec.storageClass: Invalid value: "other": field is immutable']);
    const off = vm({ ...ok, powerState: 'PoweredOff' });
    expect(validateVmUpdate(vm({ ...ok, powerState: 'Suspended' }), off, lookups(), false)).toEqual(['spec.powerState: Invalid value: "Suspended": cannot suspend a VM that is powered off']);
    expect(validateVmUpdate(vm({ ...ok, bootstrap: { cloudInit: {} } }), old, lookups(), false)).toEqual(['spec.bootstrap: Forbidden: updates to this field is not allowed when VM power is on']);
    expect(validateVmUpdate(vm({ ...ok, className: 'best-effort-small' }), old, lookups(), false)).toEqual([]);
  });
});

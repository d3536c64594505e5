import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { applyDefaults, defaultCustomResourceDefinition, validateCustomResource, validateCustomResourceDefinition, type CustomResourceDefinition } from '../../crd';
import { packageInstall, packageMetadata, packageVersion } from './carvel/catalog-objects';
import { carvelCrds } from './carvel/crds';
import { operatorDeployment, operatorNamespace } from './carvel/operator-objects';
import { isDeploymentAvailable, packageInstallStatus, resolveVersion } from './carvel/package-install-controller';
import { SUPERVISOR_SERVICES } from './index';
import { seedDatacenter, seedPostgres, seedTenant, seedTfJobs } from './seed-objects';
import { pickStorageClass } from './seed';

/**
 * The Supervisor Service catalog and every CRD it installs, checked with the supervisor's own
 * CRD and custom-resource validation, so a schema mistake fails here rather than at start-up.
 */
const allCrds = (): CustomResourceDefinition[] => [...carvelCrds(), ...SUPERVISOR_SERVICES.flatMap((s) => s.crds())];

function schemaOf(apiVersion: string, kind: string) {
  const crd = allCrds().find((c) => `${c.spec.group}/${c.spec.versions?.[0]?.name}` === apiVersion && c.spec.names?.kind === kind);
  if (!crd) throw new Error(`no CRD for ${apiVersion} ${kind}`);
  return crd.spec.versions![0]!.schema!.openAPIV3Schema!;
}

function valid(obj: KubeObject): string[] {
  const schema = schemaOf(obj.apiVersion ?? '', obj.kind ?? '');
  return validateCustomResource(applyDefaults(obj, schema), schema).map((c) => `${c.field}: ${c.message}`);
}

describe('Supervisor Service CRDs', () => {
  it('are valid, structural CustomResourceDefinitions', () => {
    for (const crd of allCrds()) expect([crd.metadata.name, validateCustomResourceDefinition(defaultCustomResourceDefinition(crd))]).toEqual([crd.metadata.name, []]);
  });

  it('declare the upstream names, subresources and printer columns', () => {
    const byName = new Map(allCrds().map((c) => [c.metadata.name, c]));
    const cluster = byName.get('clusters.postgresql.cnpg.io')!.spec.versions![0]!;
    expect(cluster.subresources).toEqual({ status: {}, scale: { specReplicasPath: '.spec.instances', statusReplicasPath: '.status.instances' } });
    expect(cluster.additionalPrinterColumns!.map((c) => c.name)).toEqual(['Age', 'Instances', 'Ready', 'Status', 'Primary']);
    expect(byName.get('cassandradatacenters.cassandra.datastax.com')!.spec.names!.shortNames).toEqual(['cassdc', 'cassdcs']);
    expect(byName.get('tfjobs.kubeflow.org')!.spec.versions![0]!.additionalPrinterColumns![0]).toEqual({ name: 'State', type: 'string', jsonPath: '.status.conditions[-1:].type' });
    expect(byName.get('tenants.minio.min.io')!.spec.versions![0]!.additionalPrinterColumns!.map((c) => c.name)).toEqual(['State', 'Health', 'Age']);
    expect(byName.get('packageinstalls.packaging.carvel.dev')!.spec.names).toMatchObject({ shortNames: ['pkgi'], categories: ['carvel'] });
  });
});

describe('the catalog', () => {
  it('publishes valid PackageMetadata, Package and PackageInstall objects per service', () => {
    for (const def of SUPERVISOR_SERVICES) {
      expect(valid(packageMetadata(def))).toEqual([]);
      expect(valid(packageVersion(def))).toEqual([]);
      expect(valid(packageInstall(def))).toEqual([]);
    }
  });

  it('names packages and namespaces the way vSphere does', () => {
    const cnpg = SUPERVISOR_SERVICES[0]!;
    expect(packageVersion(cnpg).metadata).toMatchObject({ name: 'cnpg.fling.vsphere.vmware.com.1.24.1', namespace: 'vmware-system-supervisor-services' });
    expect(packageInstall(cnpg).metadata.name).toBe('svc-cnpg.fling.vsphere.vmware.com');
    expect(operatorNamespace(cnpg).metadata.name).toBe('svc-cnpg-domain-c8');
    const d = operatorDeployment(cnpg);
    expect(d.metadata).toMatchObject({ name: 'cnpg-controller-manager', namespace: 'svc-cnpg-domain-c8' });
    expect((d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image).toBe('ghcr.io/cloudnative-pg/cloudnative-pg:1.24.1');
  });

  it('gives every service a display name, an SVG icon and a values schema with described fields', () => {
    for (const def of SUPERVISOR_SERVICES) {
      const spec = packageMetadata(def).spec as { displayName: string; iconSVGBase64: string };
      expect(spec.displayName).not.toBe('');
      expect(Buffer.from(spec.iconSVGBase64, 'base64').toString('utf8')).toMatch(/^<svg /);
      const props = (def.valuesSchema.properties ?? {}) as Record<string, { description?: string }>;
      expect(Object.values(props).every((p) => !!p.description)).toBe(true);
    }
  });

  it('resolves package versions and reports kapp-controller style status', () => {
    const pkgs = [packageVersion(SUPERVISOR_SERVICES[0]!)];
    expect(resolveVersion(pkgs, 'cnpg.fling.vsphere.vmware.com', '1.24.1')).toBe('1.24.1');
    expect(resolveVersion(pkgs, 'cnpg.fling.vsphere.vmware.com', '>=1.0.0')).toBe('1.24.1');
    expect(resolveVersion(pkgs, 'cnpg.fling.vsphere.vmware.com', '2.0.0')).toBeUndefined();
    expect(isDeploymentAvailable({ metadata: {}, status: { conditions: [{ type: 'Available', status: 'True' }] } })).toBe(true);
    expect(packageInstallStatus(1, '1.24.1', true)).toEqual({ observedGeneration: 1, conditions: [{ type: 'ReconcileSucceeded', status: 'True' }], friendlyDescription: 'Reconcile succeeded', version: '1.24.1', lastAttemptedVersion: '1.24.1' });
    expect(packageInstallStatus(1, '1.24.1', false)).toMatchObject({ conditions: [{ type: 'Reconciling', status: 'True' }], friendlyDescription: 'Reconciling' });
  });
});

describe('the seed instances', () => {
  it('are valid for their CRDs', () => {
    for (const obj of [seedPostgres('team-a', 'vsan'), seedDatacenter('platform', 'vsan'), seedTenant('platform', 'vsan'), ...seedTfJobs('team-b')]) expect([obj.metadata.name, valid(obj)]).toEqual([obj.metadata.name, []]);
    const pg = seedPostgres('team-a');
    expect(valid({ ...pg, spec: { ...(pg.spec as object), instances: 0, logLevel: 'loud' } })).toEqual([
      'spec.instances: Invalid value: 0: spec.instances in body should be greater than or equal to 1',
      'spec.logLevel: Unsupported value: "loud": supported values: "error", "warning", "info", "debug", "trace"',
    ]);
  });

  it('prefer the default storage class, then vSAN default, then any vSphere CSI class', () => {
    const sc = (name: string, provisioner: string, def = false): KubeObject => ({ metadata: { name, ...(def ? { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } : {}) }, provisioner });
    expect(pickStorageClass([sc('gold', 'csi.vsphere.vmware.com'), sc('vsan-default-storage-policy', 'csi.vsphere.vmware.com')])).toBe('vsan-default-storage-policy');
    expect(pickStorageClass([sc('gold', 'csi.vsphere.vmware.com'), sc('silver', 'csi.vsphere.vmware.com', true)])).toBe('silver');
    expect(pickStorageClass([])).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../k8s/types';
import { planCreate } from '../create-plan';
import { newNamespaceDocs, renameNamespace, storageKey } from './namespace';
import { serviceCatalog } from './services';
import { containerPath, convertWorkload, newWorkload, probeFields, probeValue, renameWorkload, workloadService } from './workload';
import { valueAt } from '../value-diff';

describe('container workload wizard documents', () => {
  it('switches between a Deployment and a single pod, keeping the container', () => {
    const dep = newWorkload('Deployment', 'team-a', 'web', 'nginx:1.27');
    (valueAt(dep, containerPath('Deployment')) as Record<string, unknown>).env = [{ name: 'MODE', value: 'fast' }];
    const pod = convertWorkload(dep, 'Pod');
    expect(pod).toMatchObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } } });
    expect(valueAt(pod, containerPath('Pod'))).toMatchObject({ image: 'nginx:1.27', env: [{ name: 'MODE', value: 'fast' }] });
    const back = convertWorkload(pod, 'Deployment');
    expect(back.spec).toMatchObject({ replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } });
  });

  it('renames the workload, its labels, selectors and Service together', () => {
    const docs = [newWorkload('Deployment', 'team-a', ''), workloadService('', 'team-a', 'ClusterIP', [{ port: 80, targetPort: 80 }])];
    const out = renameWorkload(docs, '', 'api') as KubeObject[];
    expect(out[0]!.metadata.name).toBe('api');
    expect(valueAt(out[0], ['spec', 'selector', 'matchLabels', 'app'])).toBe('api');
    expect(valueAt(out[0], ['spec', 'template', 'metadata', 'labels', 'app'])).toBe('api');
    expect(valueAt(out[0], [...containerPath('Deployment'), 'name'])).toBe('api');
    expect(out[1]).toMatchObject({ metadata: { name: 'api' }, spec: { selector: { app: 'api' } } });
  });

  it('reads and writes probes', () => {
    expect(probeFields(probeValue({ kind: 'http', port: 8080, path: '/healthz' }))).toEqual({ kind: 'http', port: 8080, path: '/healthz' });
    expect(probeFields({ tcpSocket: { port: 5432 } })).toEqual({ kind: 'tcp', port: 5432, path: '/' });
    expect(probeValue({ kind: 'none', port: 80, path: '/' })).toBeUndefined();
  });
});

describe('namespace wizard documents', () => {
  it('names the quota and limits after the namespace and moves them with it', () => {
    const docs = renameNamespace(newNamespaceDocs(''), '', 'team-c') as KubeObject[];
    expect(docs.map((d) => [d.kind, d.metadata.name, d.metadata.namespace])).toEqual([
      ['Namespace', 'team-c', undefined],
      ['ResourceQuota', 'team-c-quota', 'team-c'],
      ['LimitRange', 'team-c-limits', 'team-c'],
    ]);
    expect(storageKey('vsan-default-storage-policy')).toBe('vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage');
  });

  it('creates the namespace first and cannot dry-run what goes in it before it exists', () => {
    const plan = planCreate(renameNamespace(newNamespaceDocs(''), '', 'team-c').reverse(), undefined, (_g, _v, kind) => ({ resource: kind.toLowerCase() + 's', namespaced: kind !== 'Namespace' }));
    expect(plan.items.map((i) => [i.kind, i.dryRunnable])).toEqual([
      ['Namespace', true],
      // Same rank: in document order (the input was reversed).
      ['LimitRange', false],
      ['ResourceQuota', false],
    ]);
  });
});

describe('create plans', () => {
  const resolve = (g: string, _v: string, kind: string) => (kind === 'Nope' ? undefined : { resource: `${kind.toLowerCase()}s`, namespaced: true });
  it('orders dependencies first and fills the page namespace', () => {
    const plan = planCreate(
      [
        { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineService', metadata: { name: 'a' } },
        { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'a' } },
        { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a-cloud-init', namespace: 'team-b' } },
      ],
      'team-a',
      resolve,
    );
    expect(plan.items.map((i) => `${i.kind}/${i.namespace}`)).toEqual(['Secret/team-b', 'VirtualMachine/team-a', 'VirtualMachineService/team-a']);
    expect(plan.items[1]!.obj.metadata.namespace).toBe('team-a');
  });

  it('says what cannot be sent', () => {
    const plan = planCreate([{ apiVersion: 'v1', kind: 'Nope', metadata: { name: 'x' } }, { kind: 'ConfigMap' }, { apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, 'text'], 'team-a', resolve);
    expect(plan.problems).toEqual([
      'Document 1: the cluster does not serve Nope in v1.',
      'Document 2 needs apiVersion and kind.',
      'Document 3 (ConfigMap) needs a name.',
      'Document 4 is not an object.',
    ]);
  });
});

describe('service catalogue', () => {
  const pkg = (name: string, displayName: string, text: string): KubeObject => ({ apiVersion: 'data.packaging.carvel.dev/v1alpha1', kind: 'PackageMetadata', metadata: { name, namespace: 'vmware-system-supervisor-services' }, spec: { displayName, shortDescription: text, longDescription: text, categories: ['Database'] } });
  it('describes each served service kind by the Supervisor Service that installed it', () => {
    const kinds = [
      { descriptorId: 'clusters.postgresql.cnpg.io', group: 'postgresql.cnpg.io', kind: 'Cluster', label: 'PostgreSQL cluster' },
      { descriptorId: 'widgets.example.com', group: 'example.com', kind: 'Widget', label: 'Widget' },
      { descriptorId: 'things.acme.io', group: 'acme.io', kind: 'Thing', label: 'Thing' },
    ];
    const out = serviceCatalog(kinds, [pkg('cnpg.fling.vsphere.vmware.com', 'CloudNativePG', 'PostgreSQL clusters'), pkg('acme.vsphere.vmware.com', 'Acme', 'Creates Things (acme.io/v1)')]);
    expect(out.map((e) => [e.label, e.service ?? null])).toEqual([
      ['PostgreSQL cluster', 'CloudNativePG'],
      ['Thing', 'Acme'],
      ['Widget', null],
    ]);
  });
});

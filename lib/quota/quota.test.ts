import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { formatAmount } from './amounts';
import { classFits, suggestClass } from './class-fit';
import { countKey, objectCost, objectsCost, type CostContext } from './object-cost';
import { containerDefaults } from './pod-cost';
import { lineText, previewQuota } from './preview';
import { previewObjects } from './preview-objects';

/** team-a's quota as the seeded supervisor reports it. */
const quota: KubeObject = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'team-a-quota', namespace: 'team-a' },
  spec: { hard: { 'count/virtualmachines.vmoperator.vmware.com': '10', 'limits.cpu': '32', 'limits.memory': '128Gi', pods: '30', 'requests.cpu': '16', 'requests.memory': '64Gi', 'requests.storage': '500Gi', 'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': '500Gi' } },
  status: {
    hard: { 'count/virtualmachines.vmoperator.vmware.com': '10', 'limits.cpu': '32', 'limits.memory': '128Gi', pods: '30', 'requests.cpu': '16', 'requests.memory': '64Gi', 'requests.storage': '500Gi', 'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': '500Gi' },
    used: { 'count/virtualmachines.vmoperator.vmware.com': '5', 'limits.cpu': '13300m', 'limits.memory': '35264Mi', pods: '9', 'requests.cpu': '14', 'requests.memory': '34144Mi', 'requests.storage': '10Gi', 'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': '10Gi' },
  },
};

const limitRange: KubeObject = { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'team-a-limits', namespace: 'team-a' }, spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' } }] } };

const vmClass = (name: string, cpus: number, memory: string): KubeObject => ({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineClass', metadata: { name, namespace: 'team-a' }, spec: { hardware: { cpus, memory } } });
const classes = [vmClass('best-effort-xsmall', 2, '2Gi'), vmClass('best-effort-small', 2, '4Gi'), vmClass('best-effort-medium', 2, '8Gi'), vmClass('best-effort-large', 4, '16Gi'), vmClass('best-effort-xlarge', 4, '32Gi'), vmClass('guaranteed-small', 2, '4Gi')];

const ctx: CostContext = { defaults: containerDefaults([limitRange]), classes: new Map(classes.map((c) => [c.metadata.name!, c])), defaultStorageClass: 'vsan-default-storage-policy' };

const vm = (className: string, powerState?: string): KubeObject => ({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'web-9', namespace: 'team-a' }, spec: { className, ...(powerState ? { powerState } : {}) } });

describe('what a create costs', () => {
  it('a powered-on VM costs its class in full, plus one VM', () => {
    expect(objectCost(vm('best-effort-large'), ctx).usage).toEqual({
      'count/virtualmachines.vmoperator.vmware.com': 1,
      'requests.cpu': 4,
      'limits.cpu': 4,
      cpu: 4,
      'requests.memory': 16 * 2 ** 30,
      'limits.memory': 16 * 2 ** 30,
      memory: 16 * 2 ** 30,
    });
  });

  it('a powered-off VM only counts as a VM; an unknown class is reported', () => {
    expect(objectCost(vm('best-effort-large', 'PoweredOff'), ctx).usage).toEqual({ 'count/virtualmachines.vmoperator.vmware.com': 1 });
    expect(objectCost(vm('nope'), ctx).unknown).toEqual(['VM class nope']);
  });

  it('a Deployment costs its pods’ requests times replicas, with LimitRange defaults for containers without any', () => {
    const dep: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu: '250m' }, limits: { memory: '1Gi' } } }, { name: 'sidecar', image: 'envoy' }] } } },
    };
    const { usage, unset } = objectCost(dep, ctx);
    expect(usage['count/deployments.apps']).toBe(1);
    expect(usage.pods).toBe(3);
    expect(usage['requests.cpu']).toBeCloseTo(3 * (0.25 + 0.1));
    // app: memory request = its limit (1Gi); sidecar: default request 128Mi.
    expect(usage['requests.memory']).toBe(3 * (2 ** 30 + 128 * 2 ** 20));
    expect(usage['limits.cpu']).toBeCloseTo(3 * (0.5 + 0.5));
    expect(unset).toEqual([]);
  });

  it('without a LimitRange, containers that set nothing are reported', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox' }] } };
    const c = objectCost(pod, { ...ctx, defaults: containerDefaults([]) });
    expect(c.usage).toEqual({ pods: 1, 'count/pods': 1 });
    expect(c.unset).toEqual(expect.arrayContaining(['requests.cpu', 'limits.cpu', 'requests.memory', 'limits.memory']));
  });

  it('claims count storage in total and per storage class', () => {
    const pvc: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' }, spec: { resources: { requests: { storage: '20Gi' } } } };
    expect(objectCost(pvc, ctx).usage).toEqual({
      'requests.storage': 20 * 2 ** 30,
      persistentvolumeclaims: 1,
      'count/persistentvolumeclaims': 1,
      'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': 20 * 2 ** 30,
      'vsan-default-storage-policy.storageclass.storage.k8s.io/persistentvolumeclaims': 1,
    });
  });

  it('a CloudNativePG cluster costs its instances’ pods and volumes', () => {
    const pg: KubeObject = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'orders' }, spec: { instances: 2, storage: { size: '1Gi' } } };
    const { usage } = objectCost(pg, ctx);
    expect(usage['count/clusters.postgresql.cnpg.io']).toBe(1);
    expect(usage.pods).toBe(2);
    expect(usage['requests.cpu']).toBeCloseTo(0.2);
    expect(usage['requests.storage']).toBe(2 * 2 ** 30);
  });

  it('several objects add up', () => {
    const svc: KubeObject = { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineService', metadata: { name: 'web' }, spec: { type: 'LoadBalancer' } };
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-cloud-init' } };
    const c = objectsCost([vm('best-effort-small'), svc, secret], ctx);
    expect(c.usage['count/virtualmachineservices.vmoperator.vmware.com']).toBe(1);
    // …realised as a core Service, which team-a's quota counts.
    expect(c.usage['count/services']).toBe(1);
    expect(c.usage['services.loadbalancers']).toBe(1);
    expect(c.usage.secrets).toBe(1);
    expect(c.usage['count/secrets']).toBe(1);
  });

  it('count keys follow the plural rule', () => {
    expect(countKey('VirtualMachine', 'vmoperator.vmware.com')).toBe('count/virtualmachines.vmoperator.vmware.com');
    expect(countKey('Ingress', 'networking.k8s.io')).toBe('count/ingresses.networking.k8s.io');
    expect(countKey('NetworkPolicy', 'networking.k8s.io')).toBe('count/networkpolicies.networking.k8s.io');
  });
});

describe('quota preview', () => {
  it('shows used → after of hard for what the request touches', () => {
    const p = previewQuota([quota], objectCost(vm('best-effort-small'), ctx).usage);
    expect(p.fits).toBe(true);
    expect(p.lines.map(lineText)).toEqual([
      'count/virtualmachines.vmoperator.vmware.com 5 → 6 of 10',
      'limits.cpu 13.3 → 15.3 of 32',
      'limits.memory 34.4Gi → 38.4Gi of 128Gi',
      'requests.cpu 14 → 16 of 16',
      'requests.memory 33.3Gi → 37.3Gi of 64Gi',
    ]);
  });

  it('refuses what goes over, naming the limit and by how much', () => {
    const p = previewQuota([quota], objectCost(vm('best-effort-large'), ctx).usage);
    expect(p.fits).toBe(false);
    expect(p.refusals).toEqual([{ quota: 'team-a-quota', resource: 'requests.cpu', message: 'requests.cpu would be 18, 2 over the quota of 16' }]);
  });

  it('refuses containers without limits where the quota limits them', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', image: 'busybox', resources: { requests: { cpu: '1', memory: '1Gi' } } }] } };
    const c = objectCost(pod, { ...ctx, defaults: containerDefaults([]) });
    const p = previewQuota([quota], c.usage, c.unset);
    expect(p.refusals.map((r) => r.resource)).toEqual(['limits.cpu', 'limits.memory']);
  });

  it('suggests the largest smaller class of the same family that fits', () => {
    const fits = classFits(classes, [quota], {});
    expect(fits.filter((f) => f.fits).map((f) => f.name)).toEqual(['best-effort-xsmall', 'best-effort-small', 'guaranteed-small', 'best-effort-medium']);
    expect(suggestClass(fits, 'best-effort-xlarge')?.name).toBe('best-effort-medium');
  });

  it('formats amounts as a quota would', () => {
    expect(formatAmount('requests.cpu', 0.25)).toBe('250m');
    expect(formatAmount('requests.memory', 64 * 2 ** 30)).toBe('64Gi');
    expect(formatAmount('count/virtualmachines.vmoperator.vmware.com', 10)).toBe('10');
    expect(formatAmount('vsan.storageclass.storage.k8s.io/requests.storage', 1.5 * 2 ** 40)).toBe('1.5Ti');
  });
});

describe('a create screen’s quota check', () => {
  it('refuses a VM whose class does not fit and suggests one that does, counting the other objects too', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-9-cloud-init' } };
    const r = previewObjects([vm('best-effort-xlarge'), secret], [quota], ctx);
    expect(r.preview.fits).toBe(false);
    expect(r.preview.refusals.map((x) => x.message)).toEqual(['requests.cpu would be 18, 2 over the quota of 16', 'requests.memory would be 65.3Gi, 1.3Gi over the quota of 64Gi']);
    expect(r.vmClass).toBe('best-effort-xlarge');
    expect(r.suggestion?.name).toBe('best-effort-medium');
  });

  it('has nothing to suggest when the VM fits or is powered off', () => {
    expect(previewObjects([vm('best-effort-small')], [quota], ctx).suggestion).toBeUndefined();
    expect(previewObjects([vm('best-effort-xlarge', 'PoweredOff')], [quota], ctx).preview.fits).toBe(true);
  });
});

import { createHash } from 'node:crypto';
import type { KubeObject, OwnerReference } from '../../api/types';
import { isObject } from '../../api/types';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { splitKey, WorkQueue } from '../../controllers/work-queue';
import { stableStringify } from '../../util/stable-json';
import { conditionsOf, getCondition } from './conditions';
import { API_VERSION, COND, MANAGER_NAME, VM_SERVICES, VMS, table } from './constants';
import { allocateVip } from './identity';

/**
 * VirtualMachineService: a selector-less core Service of the same name (owned by the
 * VirtualMachineService), Endpoints listing the selected VMs' primary addresses (ready once the
 * guest is up and, with a readiness probe, Ready) and the EndpointSlice the mirroring controller
 * derives from them. A LoadBalancer gets a VIP from the ingress pool, shown on both objects.
 */
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});

export interface EndpointAddress {
  ip: string;
  ready: boolean;
  vm: KubeObject;
}

/** The selected VMs' endpoint addresses; a VM needs an IP to be listed at all. */
export function endpointAddresses(vmService: KubeObject, vms: KubeObject[]): EndpointAddress[] {
  const selector = obj(obj(vmService.spec).selector) as Record<string, string>;
  if (Object.keys(selector).length === 0) return [];
  const out: EndpointAddress[] = [];
  for (const vm of vms) {
    const labels = vm.metadata.labels ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) continue;
    if (vm.metadata.deletionTimestamp) continue;
    const status = obj(vm.status);
    const ip = obj(status.network).primaryIP4;
    if (status.powerState !== 'PoweredOn' || typeof ip !== 'string' || !ip) continue;
    const probe = isObject(obj(vm.spec).readinessProbe);
    const ready = !probe || getCondition(conditionsOf(vm.status), COND.ready)?.status === 'True';
    out.push({ ip, ready, vm });
  }
  return out.sort((a, b) => (a.ip < b.ip ? -1 : 1));
}

export function serviceSpecFor(vmService: KubeObject): Json {
  const s = obj(vmService.spec);
  const ports = (Array.isArray(s.ports) ? s.ports : []).filter(isObject).map((p) => ({ name: p.name, protocol: p.protocol ?? 'TCP', port: p.port, targetPort: p.targetPort }));
  if (s.type === 'ExternalName') return { type: 'ExternalName', externalName: s.externalName, ports };
  return {
    type: s.type === 'LoadBalancer' ? 'LoadBalancer' : 'ClusterIP',
    ports,
    ...(s.clusterIp === 'None' ? { clusterIP: 'None' } : typeof s.clusterIp === 'string' && s.clusterIp ? { clusterIP: s.clusterIp } : {}),
    ...(s.loadBalancerIP ? { loadBalancerIP: s.loadBalancerIP } : {}),
    ...(Array.isArray(s.loadBalancerSourceRanges) ? { loadBalancerSourceRanges: s.loadBalancerSourceRanges } : {}),
  };
}

function ownerRef(vmService: KubeObject): OwnerReference {
  return { apiVersion: API_VERSION, kind: 'VirtualMachineService', name: vmService.metadata.name ?? '', uid: vmService.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

function targetRef(vm: KubeObject): Json {
  return { apiVersion: API_VERSION, kind: 'VirtualMachine', namespace: vm.metadata.namespace, name: vm.metadata.name, uid: vm.metadata.uid };
}

export function startVmServiceController(ctx: ControllerContext): void {
  const { store } = ctx.core;
  const client = clientFor(ctx, MANAGER_NAME);

  const upsert = (apiVersion: string, plural: string, want: KubeObject, same: (have: KubeObject) => boolean): KubeObject => {
    const ns = want.metadata.namespace ?? '';
    const have = client.get(apiVersion, plural, ns, want.metadata.name ?? '');
    if (!have) return client.create(apiVersion, plural, want);
    if (same(have)) return have;
    return client.update(apiVersion, plural, { ...have, ...want, metadata: { ...have.metadata, labels: want.metadata.labels, ownerReferences: want.metadata.ownerReferences } });
  };

  const process = (key: string): void => {
    const { namespace: ns, name } = splitKey(key);
    const vms_ = client.get(API_VERSION, VM_SERVICES, ns, name);
    if (!vms_ || vms_.metadata.deletionTimestamp) return;
    const labels = { ...(vms_.metadata.labels ?? {}) };
    const meta = { name, namespace: ns, labels, ownerReferences: [ownerRef(vms_)] };
    const spec = serviceSpecFor(vms_);
    const svc = upsert('v1', 'services', { metadata: { ...meta, annotations: { 'vmoperator.vmware.com/created-by': 'virtualmachineservice' } }, spec }, (have) => {
      const h = obj(have.spec);
      return stableStringify([h.type, h.ports, h.externalName, h.loadBalancerSourceRanges]) === stableStringify([spec.type, obj(spec).ports, spec.externalName, spec.loadBalancerSourceRanges]);
    });
    let lb = obj(obj(svc.status).loadBalancer);
    if (spec.type === 'LoadBalancer' && !(Array.isArray(lb.ingress) && lb.ingress.length)) {
      const taken = new Set<string>();
      for (const s of store.list('core/services')) for (const i of (obj(obj(s.obj.status).loadBalancer).ingress as Json[] | undefined) ?? []) if (typeof i.ip === 'string') taken.add(i.ip);
      const ip = typeof spec.loadBalancerIP === 'string' ? spec.loadBalancerIP : allocateVip(`${ns}/${name}`, taken);
      lb = { ingress: [{ ip }] };
      client.updateStatus('v1', 'services', { ...svc, status: { ...obj(svc.status), loadBalancer: lb } });
    }
    const wantStatus = spec.type === 'LoadBalancer' ? { loadBalancer: lb } : {};
    if (stableStringify(vms_.status ?? {}) !== stableStringify(wantStatus)) client.updateStatus(API_VERSION, VM_SERVICES, { ...vms_, status: wantStatus });
    if (spec.type === 'ExternalName') return;

    const addrs = endpointAddresses(vms_, client.list(API_VERSION, VMS, ns));
    const ports = ((spec.ports as Json[]) ?? []).map((p) => ({ name: p.name, port: p.targetPort, protocol: p.protocol }));
    const ready = addrs.filter((a) => a.ready).map((a) => ({ ip: a.ip, targetRef: targetRef(a.vm) }));
    const notReady = addrs.filter((a) => !a.ready).map((a) => ({ ip: a.ip, targetRef: targetRef(a.vm) }));
    const subsets = addrs.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : [];
    upsert('v1', 'endpoints', { metadata: meta, subsets }, (have) => stableStringify(have.subsets ?? []) === stableStringify(subsets));
    const suffix = createHash('sha1').update(`${ns}/${name}`).digest('hex').slice(0, 5);
    const sliceLabels = { ...labels, 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' };
    const endpoints = addrs.map((a) => ({ addresses: [a.ip], conditions: { ready: a.ready, serving: a.ready, terminating: false }, targetRef: targetRef(a.vm), ...(isObject(a.vm.status) && a.vm.status.nodeName ? { nodeName: a.vm.status.nodeName } : {}) }));
    const slice: KubeObject = { metadata: { name: `${name}-${suffix}`, namespace: ns, labels: sliceLabels, ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name, uid: client.get('v1', 'endpoints', ns, name)?.metadata.uid ?? '', controller: true, blockOwnerDeletion: true }] }, addressType: 'IPv4', endpoints, ports };
    upsert('discovery.k8s.io/v1', 'endpointslices', slice, (have) => stableStringify([have.endpoints ?? [], have.ports ?? []]) === stableStringify([endpoints, ports]));
  };

  const queue = new WorkQueue('virtualmachineservice-controller', process);
  const all = (ns: string): void => store.list(table(VM_SERVICES), ns).forEach((s) => queue.add(`${ns}/${s.obj.metadata.name}`));
  const owned = (e: { namespace: string; cur: { obj: KubeObject } }): void => {
    const owner = (e.cur.obj.metadata.ownerReferences ?? []).find((o) => o.kind === 'VirtualMachineService');
    if (owner) queue.add(`${e.namespace}/${owner.name}`);
  };
  const unsubscribes = [
    store.subscribe(table(VM_SERVICES), (e) => e.type !== 'DELETED' && queue.add(`${e.namespace}/${e.name}`)),
    store.subscribe(table(VMS), (e) => all(e.namespace)),
    store.subscribe('core/services', owned),
    store.subscribe('core/endpoints', owned),
  ];
  for (const s of store.list(table(VM_SERVICES))) queue.add(`${s.obj.metadata.namespace}/${s.obj.metadata.name}`);
  ctx.onStop(() => {
    unsubscribes.forEach((u) => u());
    queue.stop();
  });
}

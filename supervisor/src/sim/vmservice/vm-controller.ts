import { ApiError } from '../../api/errors';
import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../controllers/controller-context';
import { splitKey, WorkQueue } from '../../controllers/work-queue';
import type { StoreEvent } from '../../storage/store';
import { stableStringify } from '../../util/stable-json';
import { parseQuantity } from '../../util/quantity';
import type { CapacityConsumer } from '../contracts';
import type { Hosts } from '../hosts';
import { getCondition, conditionsOf } from './conditions';
import { API_VERSION, CLASSES, CLUSTER_IMAGES, COMPONENT, FINALIZER_VM, IMAGES, MANAGER_NAME, SNAPSHOTS, VMS, table } from './constants';
import { allocateIp } from './identity';
import { appliedSize, quotaFit, quotaView } from './resources';
import { forget, newDraft, finalStatus, type Draft, type VmRuntime } from './vm-draft';
import { quotaRefused } from './vm-power';
import { reconcileVm, type VmEnv } from './vm-reconcile';
import { lookupsFrom } from './vm-admission';
import { VmIndex } from './vm-index';

/**
 * The VirtualMachine controller: a work queue of VM keys fed by the store (VMs and everything a
 * VM depends on), timers for in-flight operations, and the application of each reconcile's
 * Draft through the API (status subresource, merge patch, events). Powered-on VMs are reported
 * to the hosts module as capacity consumers.
 */
const VM_TABLE = table(VMS);

export function startVmController(ctx: ControllerContext, hosts: Hosts, rt: VmRuntime): void {
  const { store } = ctx.core;
  const client = clientFor(ctx, MANAGER_NAME);
  const recorder = recorderFor(ctx, COMPONENT.vm);
  const haRecorder = recorderFor(ctx, COMPONENT.ha);
  const lookups = lookupsFrom(store);
  const index = new VmIndex();
  const timers = new Map<string, { at: number; cancel: () => void }>();

  const env: VmEnv = {
    lookups,
    rt,
    place: (req) => hosts.placement.place(req),
    isReady: (node) => hosts.placement.isReady(node),
    quotaFit: (ns, prev, next) => {
      const quotas = store.list('core/resourcequotas', ns).map((s) => quotaView(s.obj));
      if (quotas.length === 0) return { ok: true };
      const keys = new Set(quotas.flatMap((q) => Object.keys(q.hard)));
      return quotaFit(quotas, ctx.quotas.namespaceUsage(store, ctx.core.registry.tables(), ns, keys), prev, next);
    },
    pvcSize: (ns, claim) => {
      const pvc = store.get('core/persistentvolumeclaims', ns, claim)?.obj;
      if (!pvc) return undefined;
      const spec = isObject(pvc.spec) ? pvc.spec : {};
      const req = isObject(spec.resources) && isObject(spec.resources.requests) ? spec.resources.requests.storage : undefined;
      return parseQuantity(req) ?? 0;
    },
    secretExists: (ns, name) => !!store.get('core/secrets', ns, name),
    snapshot: (ns, name) => store.get(table(SNAPSHOTS), ns, name)?.obj,
    snapshotBytes: (vm) =>
      store
        .list(table(SNAPSHOTS), vm.metadata.namespace)
        .filter((s) => isObject(s.obj.spec) && s.obj.spec.vmName === vm.metadata.name)
        .reduce((n, s) => n + (parseQuantity(isObject(s.obj.status) && isObject(s.obj.status.storage) ? s.obj.status.storage.used : 0) ?? 0), 0),
    allocateIp: (vm, iface) => allocateIp(vm.metadata.namespace ?? '', `${vm.metadata.name}/${iface}`, index.ipsIn(vm.metadata.namespace ?? '', vm.metadata.uid ?? '')),
  };

  const schedule = (key: string, ms: number): void => {
    if (ms <= 0) return queue.add(key);
    const at = Date.now() + ctx.clock.real(ms);
    const existing = timers.get(key);
    if (existing && existing.at <= at && existing.at > Date.now()) return;
    existing?.cancel();
    const cancel = ctx.clock.after(ms, () => {
      timers.delete(key);
      queue.add(key);
    });
    timers.set(key, { at, cancel });
  };

  const apply = (d: Draft, finalizer: 'add' | 'remove' | undefined): void => {
    const { namespace, name } = splitKey(d.key);
    const vm = d.vm;
    if (finalizer) {
      const list = vm.metadata.finalizers ?? [];
      const next = finalizer === 'add' ? [...list, FINALIZER_VM] : list.filter((f) => f !== FINALIZER_VM);
      client.patch(API_VERSION, VMS, namespace, name, { metadata: { finalizers: next, resourceVersion: vm.metadata.resourceVersion } });
    }
    const status = finalStatus(d);
    if (finalizer !== 'remove' && stableStringify(status) !== stableStringify(vm.status ?? {})) {
      try {
        client.updateStatus(API_VERSION, VMS, { ...vm, status });
      } catch (e) {
        const quota = e instanceof ApiError && e.code === 403 ? /exceeded quota: .*/.exec(e.message)?.[0] : undefined;
        if (!quota) throw e;
        // Another power-on took the room between the check and this write: stay as we were.
        const retry = newDraft(vm, d.now, d.scale);
        rt.opStart.delete(d.uid);
        rt.bootStart.delete(d.uid);
        quotaRefused(retry, quota);
        client.updateStatus(API_VERSION, VMS, { ...vm, status: finalStatus(retry) });
        d.events = retry.events;
        d.patch = undefined;
      }
    }
    if (d.patch && finalizer !== 'remove') client.patch(API_VERSION, VMS, namespace, name, d.patch);
    const current = client.get(API_VERSION, VMS, namespace, name) ?? vm;
    for (const e of d.events) (e.ha ? haRecorder : recorder).record(current, e.type, e.reason, e.message);
    if (d.wakeInMs !== undefined) schedule(d.key, d.wakeInMs);
  };

  const queue = new WorkQueue('virtualmachine-controller', (key) => {
    const { namespace, name } = splitKey(key);
    const stored = store.get(VM_TABLE, namespace, name);
    if (!stored) return;
    const vm = structuredClone(stored.obj) as KubeObject;
    const { draft, finalizer } = reconcileVm(env, vm, new Date(), ctx.clock.scale);
    apply(draft, finalizer);
  });

  const onVm = (e: StoreEvent): void => {
    const key = `${e.namespace}/${e.name}`;
    if (e.type === 'DELETED') {
      index.remove(key);
      forget(rt, e.cur.obj.metadata.uid ?? '');
      timers.get(key)?.cancel();
      timers.delete(key);
      for (const k of index.quotaBlockedIn(e.namespace)) queue.add(k);
      return;
    }
    const before = e.prev ? appliedSize(e.prev.obj) : undefined;
    index.update(key, e.cur.obj);
    queue.add(key);
    // A VM powering off frees quota for the ones refused: let them try again.
    const running = e.cur.obj.status && isObject(e.cur.obj.status) && e.cur.obj.status.powerState === 'PoweredOn';
    if (!running && before && before.cpu > 0) for (const k of index.quotaBlockedIn(e.namespace)) queue.add(k);
  };
  const byRef = (field: 'className' | 'storageClass' | 'image') => (e: StoreEvent) => {
    for (const [key, vm] of index.entries(e.namespace || undefined)) {
      const spec = isObject(vm.spec) ? vm.spec : {};
      const ref = field === 'image' ? (isObject(spec.image) ? spec.image.name : undefined) : spec[field];
      if (ref === e.name) queue.add(key);
    }
  };
  const unsubscribes = [
    store.subscribe(VM_TABLE, onVm),
    store.subscribe(table(CLASSES), byRef('className')),
    store.subscribe(table(IMAGES), byRef('image')),
    store.subscribe(table(CLUSTER_IMAGES), byRef('image')),
    store.subscribe('storage.k8s.io/storageclasses', byRef('storageClass')),
    store.subscribe(table(SNAPSHOTS), (e) => {
      const vmName = isObject(e.cur.obj.spec) ? e.cur.obj.spec.vmName : undefined;
      if (typeof vmName === 'string') queue.add(`${e.namespace}/${vmName}`);
    }),
    store.subscribe('core/resourcequotas', (e) => index.quotaBlockedIn(e.namespace).forEach((k) => queue.add(k))),
    store.subscribe('core/pods', (e) => {
      if (e.type === 'DELETED' || e.prev?.obj.spec !== e.cur.obj.spec) index.quotaBlockedIn(e.namespace).forEach((k) => queue.add(k));
    }),
    store.subscribe('core/persistentvolumeclaims', (e) => index.namespaceKeys(e.namespace).forEach((k) => queue.add(k))),
    store.subscribe('core/nodes', (e) => {
      // Heartbeats rewrite node status often: only a change of readiness or schedulability matters here.
      if (e.prev && nodeState(e.prev.obj) === nodeState(e.cur.obj)) return;
      [...index.onNode(e.name), ...index.placementBlocked()].forEach((k) => queue.add(k));
    }),
  ];
  hosts.placement.addConsumers((): CapacityConsumer[] => index.consumers());
  const offHostState = hosts.onHostStateChange?.((node) => index.onNode(node).forEach((k) => queue.add(k))) ?? (() => {});
  // Hosts fail silently (no VM event): look for VMs whose host stopped being Ready.
  const stopScan = ctx.clock.every(10_000, () => {
    for (const node of index.nodes()) if (!hosts.placement.isReady(node)) for (const key of index.onNode(node)) queue.add(key);
  });
  for (const s of store.list(VM_TABLE)) onVm({ type: 'ADDED', rv: s.rv, table: VM_TABLE, namespace: s.obj.metadata.namespace ?? '', name: s.obj.metadata.name ?? '', cur: s });
  ctx.onStop(() => {
    unsubscribes.forEach((u) => u());
    offHostState();
    stopScan();
    queue.stop();
    for (const t of timers.values()) t.cancel();
  });
}

/** What about a Node matters to VM placement: Ready, cordoned, failed on demand. */
function nodeState(node: KubeObject): string {
  const ready = getCondition(conditionsOf(node.status), 'Ready')?.status;
  const spec = isObject(node.spec) ? node.spec : {};
  return `${ready}|${String(spec.unschedulable ?? false)}|${node.metadata.annotations?.['supervisor.glasspane.io/simulate'] ?? ''}`;
}

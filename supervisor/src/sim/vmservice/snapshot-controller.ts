import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../controllers/controller-context';
import { splitKey, WorkQueue } from '../../controllers/work-queue';
import { formatQuantity, parseQuantity } from '../../util/quantity';
import { conditionsOf, getCondition, isTrue, markFalse, markTrue, sinceMs, type Condition } from './conditions';
import { API_VERSION, COMPONENT, COND, FINALIZER_SNAPSHOT, LABEL_SNAPSHOT_VM, MANAGER_NAME, SNAPSHOTS, VMS, table } from './constants';
import { moid } from './identity';
import { SNAPSHOT_READY } from './vm-revert';

/**
 * VirtualMachineSnapshot: takes the snapshot of spec.vmName (longer with memory, or when
 * quiescing the guest), then reports Created, CSISynced and Ready, the power state captured and
 * the storage used; the snapshot becomes the VM's status.currentSnapshot, a child of the
 * previous current snapshot (or a root). Deleting a snapshot re-parents its children.
 */
const CREATED = 'VirtualMachineSnapshotCreated';
const CSI_SYNCED = 'VirtualMachineSnapshotCSISynced';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});
type Ref = { type: string; name: string };

export function snapshotDurationMs(snap: KubeObject, vm: KubeObject): number {
  const memory = obj(snap.spec).memory === true && obj(vm.status).powerState === 'PoweredOn';
  const memBytes = parseQuantity(obj(obj(obj(vm.status).hardware).memory).total) ?? 0;
  return 3_000 + (memory ? Math.min(30_000, (memBytes / 2 ** 30) * 1_000) : 0) + (isObject(obj(snap.spec).quiesce) ? 2_000 : 0);
}

export function startSnapshotController(ctx: ControllerContext): void {
  const { store } = ctx.core;
  const client = clientFor(ctx, MANAGER_NAME);
  const recorder = recorderFor(ctx, COMPONENT.snapshot);
  const started = new Map<string, number>();

  const vmStatusPatch = (ns: string, vmName: string, patch: Json): void => {
    if (client.get(API_VERSION, VMS, ns, vmName)) client.patch(API_VERSION, VMS, ns, vmName, { status: patch }, 'status');
  };
  const setStatus = (snap: KubeObject, status: Json): void => {
    client.updateStatus(API_VERSION, SNAPSHOTS, { ...snap, status });
  };
  const siblings = (ns: string, vmName: string): KubeObject[] => client.list(API_VERSION, SNAPSHOTS, ns).filter((s) => obj(s.spec).vmName === vmName);

  const finalize = (snap: KubeObject, ns: string, name: string): void => {
    const vmName = String(obj(snap.spec).vmName ?? '');
    const children = (obj(snap.status).children as Ref[] | undefined) ?? [];
    const parent = siblings(ns, vmName).find((s) => ((obj(s.status).children as Ref[] | undefined) ?? []).some((c) => c.name === name));
    if (parent) {
      const kids = ((obj(parent.status).children as Ref[]) ?? []).filter((c) => c.name !== name).concat(children);
      setStatus(parent, { ...obj(parent.status), children: kids });
    }
    const vm = client.get(API_VERSION, VMS, ns, vmName);
    if (vm) {
      const roots = ((obj(vm.status).rootSnapshots as Ref[] | undefined) ?? []).filter((r) => r.name !== name);
      const nextRoots = parent ? roots : roots.concat(children);
      const current = obj(obj(vm.status).currentSnapshot).name === name ? (parent ? { type: 'Managed', name: parent.metadata.name } : null) : undefined;
      vmStatusPatch(ns, vmName, { rootSnapshots: nextRoots.length ? nextRoots : null, ...(current !== undefined ? { currentSnapshot: current } : {}) });
    }
    client.patch(API_VERSION, SNAPSHOTS, ns, name, { metadata: { finalizers: (snap.metadata.finalizers ?? []).filter((f) => f !== FINALIZER_SNAPSHOT), resourceVersion: snap.metadata.resourceVersion } });
  };

  const process = (key: string): void => {
    const { namespace: ns, name } = splitKey(key);
    const snap = client.get(API_VERSION, SNAPSHOTS, ns, name);
    if (!snap) return void started.delete(key);
    if (snap.metadata.deletionTimestamp) {
      if ((snap.metadata.finalizers ?? []).includes(FINALIZER_SNAPSHOT)) finalize(snap, ns, name);
      return;
    }
    const vmName = String(obj(snap.spec).vmName ?? '');
    const vm = client.get(API_VERSION, VMS, ns, vmName);
    const now = new Date();
    let conds: Condition[] = conditionsOf(snap.status);
    if (isTrue(conds, SNAPSHOT_READY)) return;
    if (!vm || !isTrue(conditionsOf(vm.status), COND.created)) {
      conds = markFalse(conds, SNAPSHOT_READY, 'VirtualMachineSnapshotWaitingForCreation', vm ? `VirtualMachine ${vmName} is not created yet` : `virtualmachines.vmoperator.vmware.com "${vmName}" not found`, now);
      return setStatus(snap, { ...obj(snap.status), conditions: conds });
    }
    if (!(snap.metadata.finalizers ?? []).includes(FINALIZER_SNAPSHOT) || snap.metadata.labels?.[LABEL_SNAPSHOT_VM] !== vmName) {
      client.patch(API_VERSION, SNAPSHOTS, ns, name, {
        metadata: {
          finalizers: [...new Set([...(snap.metadata.finalizers ?? []), FINALIZER_SNAPSHOT])],
          labels: { [LABEL_SNAPSHOT_VM]: vmName },
          ownerReferences: [{ apiVersion: API_VERSION, kind: 'VirtualMachine', name: vmName, uid: vm.metadata.uid }],
        },
      });
      return;
    }
    const duration = snapshotDurationMs(snap, vm);
    if (getCondition(conds, CREATED)?.reason !== 'VirtualMachineSnapshotCreationInProgress') {
      started.set(key, Date.now());
      conds = markFalse(conds, CREATED, 'VirtualMachineSnapshotCreationInProgress', '', now);
      conds = markFalse(conds, SNAPSHOT_READY, 'VirtualMachineSnapshotWaitingForCreation', '', now);
      setStatus(snap, { ...obj(snap.status), conditions: conds });
      ctx.clock.after(duration, () => queue.add(key));
      return;
    }
    const elapsed = ctx.clock.scale * (Date.now() - (started.get(key) ?? sinceMs(conds, CREATED)));
    if (elapsed < duration) {
      ctx.clock.after(duration - elapsed, () => queue.add(key));
      return;
    }
    complete(snap, vm, conds, now);
    started.delete(key);
  };

  const complete = (snap: KubeObject, vm: KubeObject, conds0: Condition[], now: Date): void => {
    const ns = snap.metadata.namespace ?? '';
    const name = snap.metadata.name ?? '';
    const vmStatus = obj(vm.status);
    const power = String(vmStatus.powerState ?? 'PoweredOff');
    const withMemory = obj(snap.spec).memory === true && power !== 'PoweredOff';
    const toolsUp = isTrue(conditionsOf(vm.status), COND.tools);
    const diskUsed = parseQuantity(obj(obj(vmStatus.storage).usage).disks) ?? 2 ** 30;
    const mem = withMemory ? (parseQuantity(obj(obj(vmStatus.hardware).memory).total) ?? 0) : 0;
    let conds = markTrue(conds0, CREATED, now);
    conds = markTrue(conds, CSI_SYNCED, now);
    conds = markTrue(conds, SNAPSHOT_READY, now);
    setStatus(snap, {
      powerState: withMemory ? power : 'PoweredOff',
      quiesced: isObject(obj(snap.spec).quiesce) && power === 'PoweredOn' && toolsUp,
      uniqueID: moid('snapshot', snap.metadata.uid ?? '', 900),
      conditions: conds,
      storage: {
        used: formatQuantity(Math.round(diskUsed * 0.12) + mem, 'bytes'),
        requested: [{ storageClass: String(obj(vm.spec).storageClass ?? ''), total: String(obj(vmStatus.storage).total ?? '0') }],
      },
    });
    const current = obj(vmStatus.currentSnapshot).name;
    const parent = typeof current === 'string' ? client.get(API_VERSION, SNAPSHOTS, ns, current) : undefined;
    if (parent && parent.metadata.name !== name) {
      const kids = ((obj(parent.status).children as Ref[] | undefined) ?? []).filter((c) => c.name !== name);
      setStatus(parent, { ...obj(parent.status), children: [...kids, { type: 'Managed', name }] });
      vmStatusPatch(ns, vm.metadata.name ?? '', { currentSnapshot: { type: 'Managed', name } });
    } else {
      const roots = ((vmStatus.rootSnapshots as Ref[] | undefined) ?? []).filter((r) => r.name !== name);
      vmStatusPatch(ns, vm.metadata.name ?? '', { currentSnapshot: { type: 'Managed', name }, rootSnapshots: [...roots, { type: 'Managed', name }] });
    }
    recorder.record(snap, 'Normal', 'CreateSuccess', 'Create success');
  };

  const queue = new WorkQueue('virtualmachinesnapshot-controller', process);
  const unsubscribes = [
    store.subscribe(table(SNAPSHOTS), (e) => e.type !== 'DELETED' && queue.add(`${e.namespace}/${e.name}`)),
    store.subscribe(table(VMS), (e) => {
      for (const s of store.list(table(SNAPSHOTS), e.namespace)) if (obj(s.obj.spec).vmName === e.name && !isTrue(conditionsOf(s.obj.status), SNAPSHOT_READY)) queue.add(`${e.namespace}/${s.obj.metadata.name}`);
    }),
  ];
  for (const s of store.list(table(SNAPSHOTS))) queue.add(`${s.obj.metadata.namespace}/${s.obj.metadata.name}`);
  ctx.onStop(() => {
    unsubscribes.forEach((u) => u());
    queue.stop();
  });
}

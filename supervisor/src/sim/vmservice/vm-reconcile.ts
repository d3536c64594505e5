import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { Usage } from '../../core/quota-usage';
import type { PlacementRequest, PlacementResult } from '../contracts';
import { markFalse, removeCondition } from './conditions';
import { ANNOTATION_PAUSED, COND, FINALIZER_VM, REASON } from './constants';
import { profileForImage } from './guest-os';
import { imageByRef } from './image-resolution';
import { classSize } from './resources';
import type { QuotaFit } from './resources';
import { reconcileCreate } from './vm-create';
import { newDraft, specOf, type Draft, type Json, type VmRuntime } from './vm-draft';
import { reconcileRunning, reportNotRunning } from './vm-guest';
import { observedPower, reconcilePower } from './vm-power';
import { reconcileDelete, reconcileRevert } from './vm-revert';
import { controllersStatus, storageStatus, volumesStatus } from './vm-status';
import type { VmLookups } from './vm-validation';

/**
 * One reconcile of a VirtualMachine, in vm-operator's order: finalizer, pause, deploy (with
 * the prerequisite conditions), snapshot revert, power, then what the running guest reports.
 * Everything the VM needs from outside comes through VmEnv, so this runs against fakes in tests.
 */
export interface VmEnv {
  lookups: VmLookups;
  rt: VmRuntime;
  place: (req: PlacementRequest) => PlacementResult;
  isReady: (node: string) => boolean;
  quotaFit: (namespace: string, prev: Usage, next: Usage) => QuotaFit;
  pvcSize: (namespace: string, claim: string) => number | undefined;
  secretExists: (namespace: string, name: string) => boolean;
  snapshot: (namespace: string, name: string) => KubeObject | undefined;
  /** Bytes used by the VM's snapshots. */
  snapshotBytes: (vm: KubeObject) => number;
  /** Allocates an address for one of the VM's interfaces in its namespace segment. */
  allocateIp: (vm: KubeObject, iface: string) => string;
}

export type FinalizerChange = 'add' | 'remove' | undefined;

export interface Outcome {
  draft: Draft;
  finalizer: FinalizerChange;
}

const obj = (v: unknown): Json => (isObject(v) ? v : {});

function rawCloudConfigSecret(vm: KubeObject): string | undefined {
  const b = obj(specOf(vm).bootstrap);
  const name = obj(obj(b.cloudInit).rawCloudConfig).name ?? obj(obj(b.sysprep).rawSysprep).name;
  return typeof name === 'string' ? name : undefined;
}

export function reconcileVm(env: VmEnv, vm: KubeObject, now: Date, scale = 1): Outcome {
  const d = newDraft(vm, now, scale);
  const ns = vm.metadata.namespace ?? '';
  const finalizers = vm.metadata.finalizers ?? [];
  if (vm.metadata.deletionTimestamp) {
    if (!finalizers.includes(FINALIZER_VM)) return { draft: d, finalizer: undefined };
    return { draft: d, finalizer: reconcileDelete(d, env.rt) ? 'remove' : undefined };
  }
  if (!finalizers.includes(FINALIZER_VM)) return { draft: d, finalizer: 'add' };
  if (vm.metadata.annotations?.[ANNOTATION_PAUSED] !== undefined) {
    d.conds = markFalse(d.conds, COND.reconcileReady, REASON.reconcilePaused, 'Reconciliation is paused by the vmoperator.vmware.com/paused annotation', now);
    return { draft: d, finalizer: undefined };
  }
  d.conds = removeCondition(d.conds, COND.reconcileReady);
  const spec = specOf(vm);
  const cls = typeof spec.className === 'string' ? env.lookups.vmClass(ns, spec.className) : undefined;
  const image = imageByRef(env.lookups, ns, spec.image);
  const profile = profileForImage(image);
  const secret = rawCloudConfigSecret(vm);
  const created = reconcileCreate(
    d,
    {
      cls,
      image,
      profile,
      storageClassOk: !spec.storageClass || !!env.lookups.storageClass(String(spec.storageClass)),
      bootstrapSecretOk: !secret || env.secretExists(ns, secret),
      allocateIp: (iface) => env.allocateIp(vm, iface),
      pvcSize: (claim) => env.pvcSize(ns, claim),
    },
    env.rt,
  );
  if (!created) return { draft: d, finalizer: undefined };
  const quotaFit = (prev: Usage, next: Usage): QuotaFit => env.quotaFit(ns, prev, next);
  refreshDevices(d, env, image);
  const reverting = reconcileRevert(d, { snapshot: (name) => env.snapshot(ns, name), profile, quotaFit }, env.rt);
  if (!reverting) reconcilePower(d, { cls, profile, quotaFit, place: env.place, isReady: env.isReady }, env.rt);
  if (observedPower(d) === 'PoweredOn') reconcileRunning(d, { profile, place: env.place, isReady: env.isReady }, env.rt);
  else reportNotRunning(d);
  return { draft: d, finalizer: undefined };
}

/** Volumes follow their PVCs; storage follows the applied size and the VM's snapshots. */
function refreshDevices(d: Draft, env: VmEnv, image: KubeObject | undefined): void {
  const ns = d.vm.metadata.namespace ?? '';
  const volumes = volumesStatus(d.vm, image, (claim) => env.pvcSize(ns, claim));
  d.status.volumes = volumes;
  const hw = obj(d.status.hardware);
  d.status.hardware = { ...hw, controllers: controllersStatus(volumes) };
  const memory = classSize({ metadata: {}, spec: { hardware: { memory: obj(hw.memory).total } } }).memory;
  d.status.storage = storageStatus(d.vm, image, memory, env.snapshotBytes(d.vm));
}

import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { Usage } from '../../core/quota-usage';
import { getCondition, isTrue, markFalse, markTrue, removeCondition, sinceMs, conditionsOf } from './conditions';
import { CHECK_DELETE_PREFIX, COND } from './constants';
import type { GuestProfile } from './guest-os';
import { DESTROY_MS, HARD_POWER_OFF_MS } from './guest-os';
import { appliedSize, sizeUsage, type QuotaFit } from './resources';
import { backdate, emit, mergePatch, since, specOf, wake, type Draft, type VmRuntime } from './vm-draft';
import { inFlight, observedPower } from './vm-power';

/**
 * Reverting to a VirtualMachineSnapshot (spec.currentSnapshotName) and deleting a VM. A revert
 * restores the snapshot's power state (a memory snapshot resumes running; one without memory
 * leaves the VM powered off), points status.currentSnapshot at it and clears the spec field;
 * while it is not possible, VirtualMachineSnapshotRevertSucceeded says why.
 */
export const REVERT_MS = 5_000;
export const SNAPSHOT_READY = 'VirtualMachineSnapshotReady';

export interface RevertFacts {
  snapshot: (name: string) => KubeObject | undefined;
  profile: GuestProfile;
  quotaFit: (prev: Usage, next: Usage) => QuotaFit;
}

/** Returns true while a revert occupies the VM (power operations wait). */
export function reconcileRevert(d: Draft, f: RevertFacts, rt: VmRuntime): boolean {
  const name = specOf(d.vm).currentSnapshotName;
  if (typeof name !== 'string' || !name) {
    if (getCondition(d.conds, COND.snapshotRevert)?.reason === 'VirtualMachineSnapshotRevertInProgress') d.conds = removeCondition(d.conds, COND.snapshotRevert);
    return false;
  }
  if (inFlight(d)) return false;
  const snap = f.snapshot(name);
  const vmName = snap && isObject(snap.spec) ? snap.spec.vmName : undefined;
  if (!snap || vmName !== d.vm.metadata.name) {
    d.conds = markFalse(d.conds, COND.snapshotRevert, 'VirtualMachineSnapshotNotFound', `virtualmachinesnapshots.vmoperator.vmware.com "${name}" not found for VirtualMachine ${d.vm.metadata.name}`, d.now);
    return false;
  }
  if (!isTrue(conditionsOf(snap.status), SNAPSHOT_READY)) {
    d.conds = markFalse(d.conds, COND.snapshotRevert, 'VirtualMachineSnapshotNotReady', `VirtualMachineSnapshot ${name} is not ready`, d.now);
    return false;
  }
  const target = isObject(snap.status) && snap.status.powerState === 'PoweredOn' ? 'PoweredOn' : 'PoweredOff';
  const cond = getCondition(d.conds, COND.snapshotRevert);
  if (cond?.reason !== 'VirtualMachineSnapshotRevertInProgress') {
    if (target === 'PoweredOn' && observedPower(d) !== 'PoweredOn') {
      const fit = f.quotaFit({}, sizeUsage(appliedSize({ metadata: {}, status: d.status })));
      if (!fit.ok) {
        d.conds = markFalse(d.conds, COND.snapshotRevert, 'ExceededQuota', fit.message, d.now);
        return false;
      }
    }
    d.conds = markFalse(d.conds, COND.snapshotRevert, 'VirtualMachineSnapshotRevertInProgress', `Reverting to snapshot ${name}`, d.now);
    rt.revertStart.set(d.uid, d.nowMs);
    wake(d, REVERT_MS);
    return true;
  }
  const elapsed = since(d, rt.revertStart.get(d.uid) ?? sinceMs(d.conds, COND.snapshotRevert));
  if (elapsed < REVERT_MS) {
    wake(d, REVERT_MS - elapsed);
    return true;
  }
  rt.revertStart.delete(d.uid);
  d.status.powerState = target;
  if (target === 'PoweredOn') rt.bootStart.set(d.uid, backdate(d, f.profile.bootstrapMs));
  else rt.bootStart.delete(d.uid);
  d.status.currentSnapshot = { type: 'Managed', name };
  d.conds = removeCondition(d.conds, COND.snapshotRevert);
  d.conds = markTrue(d.conds, COND.powerStateSynced, d.now);
  mergePatch(d, { spec: { currentSnapshotName: null, powerState: target } });
  emit(d, 'Normal', 'UpdateSuccess', 'Update success');
  wake(d, 0);
  return true;
}

/** Deleting: waits for delete-check annotations, powers off and destroys. True when done. */
export function reconcileDelete(d: Draft, rt: VmRuntime): boolean {
  if (Object.keys(d.vm.metadata.annotations ?? {}).some((k) => k.startsWith(CHECK_DELETE_PREFIX))) return false;
  const start = rt.deleteStart.get(d.uid) ?? d.nowMs;
  rt.deleteStart.set(d.uid, start);
  const duration = (observedPower(d) === 'PoweredOn' ? HARD_POWER_OFF_MS : 0) + DESTROY_MS;
  const elapsed = since(d, start);
  if (elapsed < duration) {
    wake(d, duration - elapsed);
    return false;
  }
  emit(d, 'Normal', 'DeleteSuccess', 'Delete success');
  return true;
}

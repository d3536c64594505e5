import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { timestamp } from '../../core/metadata';
import type { Usage } from '../../core/quota-usage';
import type { PlacementRequest, PlacementResult } from '../contracts';
import { getCondition, markFalse, markTrue, sinceMs } from './conditions';
import { ANNOTATION_FIRST_BOOT_DONE, API_VERSION, CHECK_POWER_ON_PREFIX, COND, LABEL_ZONE } from './constants';
import type { GuestProfile } from './guest-os';
import { HARD_POWER_OFF_MS, POWER_ON_MS, RESET_MS, RESUME_MS, SUSPEND_HARD_MS, SUSPEND_SOFT_MS } from './guest-os';
import { decidePower, isPowerOp, needsAdmission, opMessage, opResult, type PowerMode, type PowerOp, type PowerState } from './power-plan';
import { appliedSize, classSize, hardwareStatus, sizeUsage, type QuotaFit } from './resources';
import { backdate, emit, mergePatch, since, specOf, wake, type Draft, type Json, type VmRuntime } from './vm-draft';

/**
 * Power operations of a created VM: starting one (after the power-on checks: check
 * annotations, namespace quota and host placement), timing it, and applying its result. Resize
 * is applied here too, because a new class takes effect while the VM is off or powering on.
 */
export interface PowerFacts {
  cls?: KubeObject;
  profile: GuestProfile;
  quotaFit: (prev: Usage, next: Usage) => QuotaFit;
  place: (req: PlacementRequest) => PlacementResult;
  isReady: (node: string) => boolean;
}

const obj = (v: unknown): Json => (isObject(v) ? v : {});

export function observedPower(d: Draft): PowerState {
  const p = d.status.powerState;
  return p === 'PoweredOn' || p === 'Suspended' ? p : 'PoweredOff';
}

export function opDuration(op: PowerOp, mode: 'Hard' | 'Soft', profile: GuestProfile): number {
  switch (op) {
    case 'PoweringOn':
      return POWER_ON_MS;
    case 'Resuming':
      return RESUME_MS;
    case 'PoweringOff':
      return mode === 'Soft' ? profile.shutdownMs : HARD_POWER_OFF_MS;
    case 'Suspending':
      return mode === 'Soft' ? SUSPEND_SOFT_MS : SUSPEND_HARD_MS;
    case 'Restarting':
      return mode === 'Soft' ? profile.shutdownMs : RESET_MS;
  }
}

/** The operation in flight, read back from the PowerStateSynced condition. */
export function inFlight(d: Draft): { op: PowerOp; mode: 'Hard' | 'Soft' } | undefined {
  const c = getCondition(d.conds, COND.powerStateSynced);
  if (!c || c.status !== 'False' || !isPowerOp(c.reason)) return undefined;
  const mode = c.message === opMessage(c.reason, 'Soft') && opMessage(c.reason, 'Soft') !== opMessage(c.reason, 'Hard') ? 'Soft' : 'Hard';
  return { op: c.reason, mode };
}

function mode(v: unknown): PowerMode {
  return v === 'Hard' || v === 'Soft' ? v : 'TrySoft';
}

function restartRequested(d: Draft): boolean {
  const next = Date.parse(String(specOf(d.vm).nextRestartTime ?? ''));
  if (Number.isNaN(next)) return false;
  const last = Date.parse(String(d.status.lastRestartTime ?? ''));
  return Number.isNaN(last) || next > last;
}

/** Applies a pending class change (the VM is off or about to power on). */
export function applyResize(d: Draft, cls: KubeObject | undefined, now: boolean): void {
  const applied = obj(d.status.class).name;
  if (!cls || !applied) return;
  const size = classSize(cls);
  const want = hardwareStatus(size);
  const hw = obj(d.status.hardware);
  const sameSize = JSON.stringify([hw.cpu, hw.memory]) === JSON.stringify([want.cpu, want.memory]);
  if (applied === cls.metadata.name && sameSize) {
    d.conds = markTrue(d.conds, COND.classConfigSynced, d.now);
    return;
  }
  const reason = applied === cls.metadata.name ? 'SameClassResize' : 'ClassNameChanged';
  if (!now) {
    d.conds = markFalse(d.conds, COND.classConfigSynced, reason, `Resize to VirtualMachineClass ${String(cls.metadata.name)} is pending until the VM is powered off or powered on`, d.now);
    return;
  }
  d.status.class = { apiVersion: API_VERSION, kind: 'VirtualMachineClass', name: cls.metadata.name };
  d.status.hardware = { ...hw, ...want };
  d.conds = markTrue(d.conds, COND.classConfigSynced, d.now);
  emit(d, 'Normal', 'UpdateSuccess', 'Update success');
}

/** Power-on checks; on success the VM has a host and its new size applied. */
function admitPowerOn(d: Draft, f: PowerFacts, op: PowerOp): boolean {
  const checks = Object.entries(d.vm.metadata.annotations ?? {}).filter(([k]) => k.startsWith(CHECK_POWER_ON_PREFIX));
  if (checks.length) {
    d.conds = markFalse(d.conds, COND.powerStateSynced, 'PowerOnCheck', `power on blocked by ${checks.map(([k, v]) => `${k}=${v}`).join(', ')}`, d.now);
    return false;
  }
  if (op === 'PoweringOn') applyResize(d, f.cls, true);
  const requests = appliedSize({ metadata: {}, status: d.status });
  const fit = f.quotaFit({}, sizeUsage(requests));
  if (!fit.ok) {
    quotaRefused(d, fit.message);
    return false;
  }
  const node = String(d.status.nodeName ?? '');
  if (!(op === 'Resuming' && node && f.isReady(node))) {
    const zone = d.vm.metadata.labels?.[LABEL_ZONE];
    const placed = f.place({ requests, ...(zone ? { zone } : {}), consumerKey: d.key });
    if (!placed.ok) {
      const before = getCondition(d.conds, COND.placementReady);
      d.conds = markFalse(d.conds, COND.placementReady, 'PlacementFailed', placed.message, d.now);
      if (before?.message !== placed.message) emit(d, 'Warning', 'UpdateFailure', `failed to place VirtualMachine: ${placed.message}`);
      wake(d, 30_000);
      return false;
    }
    d.status.nodeName = placed.node;
    if (placed.zone) {
      d.status.zone = placed.zone;
      if (!zone) mergePatch(d, { metadata: { labels: { [LABEL_ZONE]: placed.zone } } });
    }
  }
  d.conds = markTrue(d.conds, COND.placementReady, d.now);
  return true;
}

/** Records a quota refusal: the VM stays as it is, with a condition and an event naming the limit. */
export function quotaRefused(d: Draft, message: string): void {
  const before = getCondition(d.conds, COND.powerStateSynced);
  d.conds = markFalse(d.conds, COND.powerStateSynced, 'ExceededQuota', message, d.now);
  if (before?.reason !== 'ExceededQuota' || before.message !== message) emit(d, 'Warning', 'UpdateFailure', `failed to power on VirtualMachine: ${message}`);
}

export function reconcilePower(d: Draft, f: PowerFacts, rt: VmRuntime): void {
  const flight = inFlight(d);
  if (flight) {
    const dur = opDuration(flight.op, flight.mode, f.profile);
    const elapsed = since(d, rt.opStart.get(d.uid) ?? sinceMs(d.conds, COND.powerStateSynced));
    if (elapsed < dur) return wake(d, dur - elapsed);
    return completeOp(d, flight.op, f.profile, rt);
  }
  const spec = specOf(d.vm);
  const observed = observedPower(d);
  const desired = (spec.powerState as PowerState | undefined) ?? 'PoweredOn';
  const tools = getCondition(d.conds, COND.tools)?.status === 'True';
  const decision = decidePower({
    desired,
    observed,
    toolsRunning: tools,
    restartRequested: restartRequested(d),
    powerOffMode: mode(spec.powerOffMode),
    suspendMode: mode(spec.suspendMode),
    restartMode: mode(spec.restartMode),
    profile: f.profile,
  });
  if (decision.kind === 'none') {
    if (observed === 'PoweredOff') applyResize(d, f.cls, true);
    else applyResize(d, f.cls, false);
    d.conds = markTrue(d.conds, COND.powerStateSynced, d.now);
    return;
  }
  if (decision.kind === 'blocked') {
    d.conds = markFalse(d.conds, COND.powerStateSynced, 'PowerStateSyncFailed', decision.message, d.now);
    emit(d, 'Warning', 'UpdateFailure', decision.message);
    return wake(d, 10_000);
  }
  if (needsAdmission(decision.op) && !admitPowerOn(d, f, decision.op)) return;
  d.conds = markFalse(d.conds, COND.powerStateSynced, decision.op, opMessage(decision.op, decision.mode), d.now);
  rt.opStart.set(d.uid, d.nowMs);
  wake(d, decision.durationMs);
}

function completeOp(d: Draft, op: PowerOp, profile: GuestProfile, rt: VmRuntime): void {
  const result = opResult(op);
  d.status.powerState = result.state;
  rt.opStart.delete(d.uid);
  // metav1.Time has whole seconds: round up so a restart requested earlier in this second counts as done.
  if (op === 'Restarting' || (op === 'PoweringOn' && restartRequested(d))) d.status.lastRestartTime = timestamp(new Date(Math.ceil(d.nowMs / 1000) * 1000));
  if (result.boots) rt.bootStart.set(d.uid, d.nowMs);
  if (op === 'Resuming') rt.bootStart.set(d.uid, backdate(d, profile.bootstrapMs));
  if (result.state !== 'PoweredOn') {
    rt.bootStart.delete(d.uid);
    d.conds = markFalse(d.conds, COND.tools, 'VirtualMachineToolsNotRunning', '', d.now);
  } else if (result.boots) {
    d.conds = markFalse(d.conds, COND.tools, 'VirtualMachineToolsNotRunning', '', d.now);
  }
  if (result.state === 'PoweredOn' && !d.vm.metadata.annotations?.[ANNOTATION_FIRST_BOOT_DONE]) {
    mergePatch(d, { metadata: { annotations: { [ANNOTATION_FIRST_BOOT_DONE]: 'true' } } });
  }
  d.conds = markTrue(d.conds, COND.powerStateSynced, d.now);
  emit(d, 'Normal', 'UpdateSuccess', 'Update success');
  wake(d, 0);
}

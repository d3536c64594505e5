import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { PlacementRequest, PlacementResult } from '../contracts';
import { getCondition, markFalse, markTrue, removeCondition, setCondition, sinceMs } from './conditions';
import { CLUSTER_MOID, COND, LABEL_ZONE, REASON } from './constants';
import type { GuestProfile } from './guest-os';
import { HA_DELAY_MS } from './guest-os';
import { guestPhase } from './power-plan';
import { appliedSize } from './resources';
import { emit, since, specOf, wake, type Draft, type Json, type VmRuntime } from './vm-draft';
import { configuredNetwork, guestNetwork, guestStatus, plannedFromStatus } from './vm-status';

/**
 * What a running guest reports as it boots (VM Tools, its addresses, cloud-init or guest
 * customization, the readiness probe), and vSphere HA: a VM whose host stops responding is
 * restarted on another Ready host in its zone after HA_DELAY_MS, with an event.
 */
export interface GuestFacts {
  profile: GuestProfile;
  place: (req: PlacementRequest) => PlacementResult;
  isReady: (node: string) => boolean;
}

const obj = (v: unknown): Json => (isObject(v) ? v : {});

function bootstrapKind(d: Draft): 'cloudInit' | 'customization' | undefined {
  const b = obj(specOf(d.vm).bootstrap);
  if (isObject(b.cloudInit)) return 'cloudInit';
  if (isObject(b.linuxPrep) || isObject(b.sysprep)) return 'customization';
  return undefined;
}

/** The VM as this reconcile has it so far (its new status). */
function current(d: Draft): KubeObject {
  return { ...d.vm, status: d.status };
}

/** Status of a VM that is not running: addresses as configured, no VM Tools. */
export function reportNotRunning(d: Draft): void {
  d.status.network = configuredNetwork(d.vm, plannedFromStatus(current(d)));
  d.conds = markFalse(d.conds, COND.tools, REASON.toolsNotRunning, '', d.now);
  if (isObject(specOf(d.vm).readinessProbe)) d.conds = markFalse(d.conds, COND.ready, 'NotReady', 'The virtual machine is not running', d.now);
  else d.conds = removeCondition(d.conds, COND.ready);
}

function reportBooting(d: Draft, f: GuestFacts, elapsed: number): void {
  const phase = guestPhase(f.profile, elapsed);
  const plans = plannedFromStatus(current(d));
  d.conds = phase.toolsRunning ? setCondition(d.conds, COND.tools, 'True', REASON.toolsRunning, '', d.now) : markFalse(d.conds, COND.tools, REASON.toolsNotRunning, '', d.now);
  d.status.network = phase.hasIp ? guestNetwork(d.vm, plans) : configuredNetwork(d.vm, plans);
  if (phase.toolsRunning) d.status.guest = guestStatus(f.profile);
  const kind = bootstrapKind(d);
  if (kind === 'cloudInit') {
    d.conds = phase.bootstrapDone ? markTrue(d.conds, COND.guestBootstrap, d.now) : markFalse(d.conds, COND.guestBootstrap, 'Running', 'cloud-init is running in the guest', d.now);
  } else if (kind === 'customization') {
    const reason = phase.bootstrapDone ? REASON.customizationSucceeded : phase.toolsRunning ? REASON.customizationRunning : REASON.customizationPending;
    d.conds = phase.bootstrapDone ? setCondition(d.conds, COND.guestCustomization, 'True', reason, '', d.now) : markFalse(d.conds, COND.guestCustomization, reason, '', d.now);
  }
  if (isObject(specOf(d.vm).readinessProbe)) {
    d.conds = phase.hasIp ? markTrue(d.conds, COND.ready, d.now) : markFalse(d.conds, COND.ready, 'NotReady', 'Waiting for the guest to report ready', d.now);
  }
  if (phase.nextAtMs !== undefined) wake(d, phase.nextAtMs - elapsed);
}

/** When the current boot began: in memory, or (after a restart) when power was last synced. */
function bootStartOf(d: Draft, rt: VmRuntime): number {
  const known = rt.bootStart.get(d.uid);
  if (known !== undefined) return known;
  if (getCondition(d.conds, COND.tools)?.status === 'True') return 0;
  return sinceMs(d.conds, COND.powerStateSynced);
}

/** A powered-on VM: HA failover if its host is down, else the guest's boot progress. */
export function reconcileRunning(d: Draft, f: GuestFacts, rt: VmRuntime): void {
  const node = String(d.status.nodeName ?? '');
  if (node && !f.isReady(node)) return hostDown(d, f, rt, node);
  const downSince = rt.hostDownSince.get(d.uid);
  if (downSince !== undefined) {
    // The host came back before HA acted: its VMs went down with it and boot again there.
    rt.hostDownSince.delete(d.uid);
    rt.bootStart.set(d.uid, d.nowMs);
    emit(d, 'Warning', 'RestartedByHA', `vSphere HA restarted virtual machine ${d.vm.metadata.name} on host ${node} in cluster ${CLUSTER_MOID}`, true);
  }
  reportBooting(d, f, since(d, bootStartOf(d, rt)));
}

function hostDown(d: Draft, f: GuestFacts, rt: VmRuntime, node: string): void {
  const downSince = rt.hostDownSince.get(d.uid) ?? d.nowMs;
  rt.hostDownSince.set(d.uid, downSince);
  reportNotRunning(d);
  d.conds = markFalse(d.conds, COND.tools, REASON.toolsNotRunning, `Host ${node} is not responding`, d.now);
  const waited = since(d, downSince);
  if (waited < HA_DELAY_MS) return wake(d, HA_DELAY_MS - waited);
  const zone = d.vm.metadata.labels?.[LABEL_ZONE];
  const placed = f.place({ requests: appliedSize({ metadata: {}, status: d.status }), avoid: [node], consumerKey: d.key, ...(zone ? { zone } : {}) });
  if (!placed.ok) {
    const before = getCondition(d.conds, COND.placementReady);
    d.conds = markFalse(d.conds, COND.placementReady, 'PlacementFailed', placed.message, d.now);
    if (before?.message !== placed.message) emit(d, 'Warning', 'FailoverFailed', `vSphere HA virtual machine failover failed for ${d.vm.metadata.name}: ${placed.message}`, true);
    return wake(d, 30_000);
  }
  rt.hostDownSince.delete(d.uid);
  rt.bootStart.set(d.uid, d.nowMs);
  d.status.nodeName = placed.node;
  if (placed.zone) d.status.zone = placed.zone;
  d.conds = markTrue(d.conds, COND.placementReady, d.now);
  emit(d, 'Warning', 'RestartedByHA', `vSphere HA restarted virtual machine ${d.vm.metadata.name} on host ${placed.node} in cluster ${CLUSTER_MOID}`, true);
  reportBooting(d, f, 0);
}

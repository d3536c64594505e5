import type { GuestProfile } from './guest-os';
import { HARD_POWER_OFF_MS, POWER_ON_MS, RESET_MS, RESUME_MS, SUSPEND_HARD_MS, SUSPEND_SOFT_MS } from './guest-os';

/**
 * The VM power state machine, as pure decisions: given the desired and observed power states
 * and what the guest can do, which power operation starts next, how it is performed (Hard or
 * Soft, TrySoft resolving to Soft when VM Tools runs and Hard otherwise), how long it takes and
 * where it ends. The controller times the operation and applies its result.
 */
export type PowerState = 'PoweredOn' | 'PoweredOff' | 'Suspended';
export type PowerMode = 'Hard' | 'Soft' | 'TrySoft';
export type PowerOp = 'PoweringOn' | 'Resuming' | 'PoweringOff' | 'Suspending' | 'Restarting';

export interface PowerFacts {
  desired: PowerState;
  observed: PowerState;
  toolsRunning: boolean;
  /** spec.nextRestartTime is later than status.lastRestartTime. */
  restartRequested: boolean;
  powerOffMode: PowerMode;
  suspendMode: PowerMode;
  restartMode: PowerMode;
  profile: GuestProfile;
}

export type PowerDecision =
  | { kind: 'none' }
  /** Powering on or resuming: the controller first checks quota and placement. */
  | { kind: 'start'; op: PowerOp; mode: 'Hard' | 'Soft'; durationMs: number }
  /** Soft requested but the guest cannot take part (VM Tools not running). */
  | { kind: 'blocked'; message: string };

function effective(mode: PowerMode, toolsRunning: boolean): 'Hard' | 'Soft' | undefined {
  if (mode === 'Hard') return 'Hard';
  if (toolsRunning) return 'Soft';
  return mode === 'TrySoft' ? 'Hard' : undefined;
}

const NO_TOOLS = 'Cannot complete operation because VMware Tools is not running in this virtual machine.';

export function decidePower(f: PowerFacts): PowerDecision {
  const { desired, observed } = f;
  if (desired === 'PoweredOn') {
    if (observed === 'PoweredOff') return { kind: 'start', op: 'PoweringOn', mode: 'Hard', durationMs: POWER_ON_MS };
    if (observed === 'Suspended') return { kind: 'start', op: 'Resuming', mode: 'Hard', durationMs: RESUME_MS };
    if (!f.restartRequested) return { kind: 'none' };
    const mode = effective(f.restartMode, f.toolsRunning);
    if (!mode) return { kind: 'blocked', message: NO_TOOLS };
    return { kind: 'start', op: 'Restarting', mode, durationMs: mode === 'Hard' ? RESET_MS : f.profile.shutdownMs };
  }
  if (desired === 'PoweredOff') {
    if (observed === 'PoweredOff') return { kind: 'none' };
    if (observed === 'Suspended') return { kind: 'start', op: 'PoweringOff', mode: 'Hard', durationMs: HARD_POWER_OFF_MS };
    const mode = effective(f.powerOffMode, f.toolsRunning);
    if (!mode) return { kind: 'blocked', message: NO_TOOLS };
    return { kind: 'start', op: 'PoweringOff', mode, durationMs: mode === 'Hard' ? HARD_POWER_OFF_MS : f.profile.shutdownMs };
  }
  if (observed !== 'PoweredOn') return { kind: 'none' };
  const mode = effective(f.suspendMode, f.toolsRunning);
  if (!mode) return { kind: 'blocked', message: NO_TOOLS };
  return { kind: 'start', op: 'Suspending', mode, durationMs: mode === 'Hard' ? SUSPEND_HARD_MS : SUSPEND_SOFT_MS };
}

/** Where an operation leaves the VM; `boots` when the guest starts from scratch. */
export function opResult(op: PowerOp): { state: PowerState; boots: boolean } {
  switch (op) {
    case 'PoweringOn':
      return { state: 'PoweredOn', boots: true };
    case 'Restarting':
      return { state: 'PoweredOn', boots: true };
    case 'Resuming':
      return { state: 'PoweredOn', boots: false };
    case 'PoweringOff':
      return { state: 'PoweredOff', boots: false };
    case 'Suspending':
      return { state: 'Suspended', boots: false };
  }
}

/** Operations that need the power-on checks (quota, placement, poweron.check annotations). */
export function needsAdmission(op: PowerOp): boolean {
  return op === 'PoweringOn' || op === 'Resuming';
}

/** The human text of an operation in progress, for the PowerStateSynced condition. */
export function opMessage(op: PowerOp, mode: 'Hard' | 'Soft'): string {
  switch (op) {
    case 'PoweringOn':
      return 'Powering on the virtual machine';
    case 'Resuming':
      return 'Resuming the suspended virtual machine';
    case 'PoweringOff':
      return mode === 'Soft' ? 'Shutting down the guest operating system' : 'Powering off the virtual machine';
    case 'Suspending':
      return mode === 'Soft' ? 'Putting the guest operating system into standby' : 'Suspending the virtual machine';
    case 'Restarting':
      return mode === 'Soft' ? 'Restarting the guest operating system' : 'Resetting the virtual machine';
  }
}

export function isPowerOp(reason: string | undefined): reason is PowerOp {
  return reason === 'PoweringOn' || reason === 'Resuming' || reason === 'PoweringOff' || reason === 'Suspending' || reason === 'Restarting';
}

/** The guest's progress since power-on: which milestones have passed, and when the next one is. */
export interface GuestPhase {
  toolsRunning: boolean;
  hasIp: boolean;
  bootstrapDone: boolean;
  /** Elapsed ms at which the next milestone is reached, if any. */
  nextAtMs?: number;
}

export function guestPhase(profile: GuestProfile, elapsedMs: number): GuestPhase {
  const milestones = [profile.toolsMs, profile.ipMs, profile.bootstrapMs];
  return {
    toolsRunning: elapsedMs >= profile.toolsMs,
    hasIp: elapsedMs >= profile.ipMs,
    bootstrapDone: elapsedMs >= profile.bootstrapMs,
    nextAtMs: milestones.find((m) => m > elapsedMs),
  };
}

import { condition, type KubeObject } from '../k8s/types';
import { str } from './format';

/**
 * VM power actions as vm-operator takes them: merge patches of `spec.powerState` (with
 * `spec.powerOffMode` / `spec.suspendMode`), and a restart as `spec.nextRestartTime: "now"`.
 * The VM is a custom resource, so these are JSON merge patches (never strategic merge). The
 * progress text comes from the PowerStateSynced condition until the observed state matches.
 */
export type PowerAction = 'on' | 'off' | 'suspend' | 'restart';
export type PowerMode = 'Soft' | 'Hard' | 'TrySoft';

export function powerPatch(action: PowerAction, mode?: PowerMode): { spec: Record<string, unknown> } {
  switch (action) {
    case 'on':
      return { spec: { powerState: 'PoweredOn' } };
    case 'off':
      return { spec: { powerState: 'PoweredOff', ...(mode ? { powerOffMode: mode } : {}) } };
    case 'suspend':
      return { spec: { powerState: 'Suspended', ...(mode ? { suspendMode: mode } : {}) } };
    case 'restart':
      return { spec: { nextRestartTime: 'now', ...(mode ? { restartMode: mode } : {}) } };
  }
}

export function observedPower(vm: KubeObject): string | undefined {
  return str(vm.status?.powerState);
}

export function desiredPower(vm: KubeObject): string {
  return str(vm.spec?.powerState) ?? 'PoweredOn';
}

/** Which power actions make sense now; the others are shown disabled with the reason. */
export function powerActionState(vm: KubeObject, action: PowerAction): { enabled: boolean; reason?: string } {
  if (vm.metadata.deletionTimestamp) return { enabled: false, reason: 'The VM is being deleted.' };
  const desired = desiredPower(vm);
  const observed = observedPower(vm);
  switch (action) {
    case 'on':
      return desired === 'PoweredOn' && observed === 'PoweredOn' ? { enabled: false, reason: 'The VM is already powered on.' } : { enabled: true };
    case 'off':
      return desired === 'PoweredOff' && observed === 'PoweredOff' ? { enabled: false, reason: 'The VM is already powered off.' } : { enabled: true };
    case 'suspend':
      if (desired === 'Suspended' && observed === 'Suspended') return { enabled: false, reason: 'The VM is already suspended.' };
      return observed === 'PoweredOn' ? { enabled: true } : { enabled: false, reason: 'Only a powered-on VM can be suspended.' };
    case 'restart':
      return observed === 'PoweredOn' && desired === 'PoweredOn' ? { enabled: true } : { enabled: false, reason: 'Only a powered-on VM can be restarted.' };
  }
}

/** A restart was asked for (spec.nextRestartTime) and has not happened yet (status.lastRestartTime). */
export function restartPending(vm: KubeObject): boolean {
  const next = Date.parse(str(vm.spec?.nextRestartTime) ?? '');
  if (Number.isNaN(next)) return false;
  const last = Date.parse(str(vm.status?.lastRestartTime) ?? '');
  return Number.isNaN(last) || next > last;
}

const OP_WORDS: Record<string, string> = {
  PoweringOn: 'Powering on',
  PoweringOff: 'Powering off',
  Suspending: 'Suspending',
  Resuming: 'Resuming',
  Restarting: 'Restarting',
};

const TARGET_WORDS: Record<string, string> = { PoweredOn: 'Powering on', PoweredOff: 'Powering off', Suspended: 'Suspending' };

export interface PowerProgress {
  busy: boolean;
  text: string;
  /** A power-state problem reported by vm-operator (quota, VM Tools not running, placement). */
  problem?: string;
}

/** "Powering off… (TrySoft)" while the VM moves to its desired state; idle text otherwise. */
export function powerProgress(vm: KubeObject): PowerProgress {
  const desired = desiredPower(vm);
  const observed = observedPower(vm);
  const synced = condition(vm, 'VirtualMachinePowerStateSynced');
  const op = synced?.status === 'False' ? synced.reason : undefined;
  const mode = desired === 'PoweredOff' ? str(vm.spec?.powerOffMode) ?? 'TrySoft' : desired === 'Suspended' ? str(vm.spec?.suspendMode) ?? 'TrySoft' : undefined;
  if (op && OP_WORDS[op]) {
    const opMode = op === 'Restarting' ? str(vm.spec?.restartMode) ?? 'TrySoft' : op === 'PoweringOff' || op === 'Suspending' ? mode : undefined;
    return { busy: true, text: `${OP_WORDS[op]}…${opMode ? ` (${opMode})` : ''}` };
  }
  const problem = synced?.status === 'False' && synced.message ? synced.message : undefined;
  if (restartPending(vm) && observed === 'PoweredOn' && !problem) return { busy: true, text: `Restarting…${vm.spec?.restartMode ? ` (${str(vm.spec.restartMode)})` : ''}` };
  if (observed !== desired) {
    return { busy: !problem, text: `${TARGET_WORDS[desired] ?? desired}…${mode ? ` (${mode})` : ''}`, problem };
  }
  return { busy: false, text: observed ?? 'Creating', problem };
}

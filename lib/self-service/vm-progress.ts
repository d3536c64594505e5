import { condition, conditionsOf, type KubeObject } from '../k8s/types';
import { get, str } from '../resources/format';
import { desiredPower, observedPower, restartPending } from '../resources/vm-power';
import { withWarning, type Progress } from './progress-events';
import { quotaRefusalWords } from './quota-words';

/**
 * A VirtualMachine's way from request to ready, in vm-operator's order: placing it on a host,
 * deploying it from its image, powering on, booting the guest until VMware Tools reports an IP,
 * cloud-init, then ready with its address. The step is read from the conditions vm-operator
 * sets (VirtualMachineCreated, VirtualMachinePowerStateSynced, VirtualMachineTools,
 * GuestBootstrap, Ready) and the observed power state; a setup condition that failed, or a
 * power-on the quota refused, stops the line there and says why.
 */
const OF = 6;
const SETUP = ['VirtualMachineClassReady', 'VirtualMachineImageReady', 'VirtualMachineStorageReady', 'VirtualMachineBootstrapReady', 'VirtualMachineNetworkReady'];
const SETUP_WORDS: Record<string, string> = {
  VirtualMachineClassReady: 'its VM class',
  VirtualMachineImageReady: 'its image',
  VirtualMachineStorageReady: 'its storage class',
  VirtualMachineBootstrapReady: 'its cloud-init data',
  VirtualMachineNetworkReady: 'its network',
};
const OPS: Record<string, string> = { PoweringOff: 'Powering off', Suspending: 'Suspending', Resuming: 'Resuming', Restarting: 'Restarting' };

export function vmIp(vm: KubeObject): string | undefined {
  return str(get(vm, 'status.network.primaryIP4')) ?? str(get(vm, 'status.network.primaryIP6'));
}

/** "ubuntu-22.04-server-cloudimg-amd64" from "Deploying virtual machine from … (display)". */
function imageOf(message: string | undefined): string | undefined {
  return message ? /\(([^)]+)\)\s*$/.exec(message)?.[1] : undefined;
}

function core(vm: KubeObject): Progress {
  const ip = vmIp(vm);
  if (vm.metadata.deletionTimestamp) return { health: 'progressing', step: 'Deleting' };
  const failed = conditionsOf(vm).find((c) => SETUP.includes(c.type) && c.status === 'False' && !/Pending|InProgress|NotReady$/.test(c.reason ?? ''));
  if (failed) return { health: 'error', step: `Cannot be created: a problem with ${SETUP_WORDS[failed.type] ?? failed.type}`, warning: failed.message || failed.reason };
  const created = condition(vm, 'VirtualMachineCreated');
  const placement = condition(vm, 'VirtualMachineConditionPlacementReady');
  const synced = condition(vm, 'VirtualMachinePowerStateSynced');
  if (placement?.status === 'False') return { health: 'warning', step: 'Placing on a host', stage: { index: 1, of: OF }, warning: placement.message || placement.reason };
  if (created?.status !== 'True') {
    if (created?.reason === 'Creating') {
      const image = imageOf(created.message);
      return { health: 'progressing', step: image ? `Deploying from image ${image}` : 'Deploying from its image', stage: { index: 2, of: OF }, detail: created.message || undefined };
    }
    return { health: 'progressing', step: 'Placing on a host', stage: { index: 1, of: OF } };
  }
  if (synced?.status === 'False' && synced.reason === 'ExceededQuota') {
    return { health: 'error', step: 'Power-on refused by the namespace quota', warning: quotaRefusalWords(synced.message ?? '') ?? synced.message };
  }
  if (synced?.status === 'False' && synced.reason === 'PoweringOn') return { health: 'progressing', step: 'Powering on', stage: { index: 3, of: OF } };
  if (synced?.status === 'False' && synced.reason && OPS[synced.reason]) return { health: 'progressing', step: OPS[synced.reason]! };
  const desired = desiredPower(vm);
  const observed = observedPower(vm) ?? 'PoweredOff';
  if (synced?.status === 'False' && synced.message) return { health: 'warning', step: observed === desired ? observed : `Cannot reach ${desired}`, warning: synced.message };
  if (observed !== desired) {
    if (desired === 'PoweredOn') return { health: 'progressing', step: 'Powering on', stage: { index: 3, of: OF } };
    return { health: 'progressing', step: desired === 'PoweredOff' ? 'Powering off' : 'Suspending' };
  }
  if (observed === 'PoweredOff') return { health: 'healthy', step: 'Powered off' };
  if (observed === 'Suspended') return { health: 'healthy', step: 'Suspended' };
  if (restartPending(vm)) return { health: 'progressing', step: 'Restarting' };
  if (!ip) return { health: 'progressing', step: 'Booting the guest (no IP yet)', stage: { index: 4, of: OF } };
  const bootstrap = condition(vm, 'GuestBootstrap') ?? condition(vm, 'GuestCustomization');
  if (bootstrap?.status === 'False') return { health: 'progressing', step: `Running cloud-init — ${ip}`, stage: { index: 5, of: OF }, detail: bootstrap.message || undefined };
  const ready = condition(vm, 'Ready');
  if (ready?.status === 'False') return { health: 'progressing', step: `Waiting for the guest to report ready — ${ip}`, stage: { index: 5, of: OF }, detail: ready.message || undefined };
  return { health: 'healthy', step: `Ready — ${ip}`, stage: { index: OF, of: OF } };
}

export function vmProgress(vm: KubeObject, events: readonly KubeObject[]): Progress {
  return withWarning(core(vm), vm, events);
}

import { condition, conditionsOf, type KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';
import { get, str } from '../resources/format';
import { describeCondition } from './conditions';

/**
 * "Why is this VM not ready": a VirtualMachine's health from its power state versus the desired
 * one, the vm-operator conditions that failed, and whether the guest has an IP yet.
 */
const SETUP_CONDITIONS = ['VirtualMachineClassReady', 'VirtualMachineImageReady', 'VirtualMachineStorageReady', 'VirtualMachineBootstrapReady', 'VirtualMachineNetworkReady', 'VirtualMachineCreated', 'VirtualMachineConditionPlacementReady'];
/** Conditions about the running guest; false by nature while a VM is off or suspended. */
const GUEST_CONDITION = /Tools|Guest/;

export function vmStatus(vm: KubeObject): StatusSummary {
  const desired = str(vm.spec?.powerState) ?? 'PoweredOn';
  const actual = str(vm.status?.powerState);
  const failing = conditionsOf(vm).filter((c) => c.status === 'False');
  const reasons = failing.map(describeCondition);
  if (vm.metadata.deletionTimestamp) return { health: 'progressing', text: 'Deleting' };
  const blocking = failing.find((c) => SETUP_CONDITIONS.includes(c.type) && !/Pending|InProgress|NotReady$/.test(c.reason ?? ''));
  if (blocking) return { health: 'error', text: actual ?? 'Not created', reasons };
  if (!actual) return { health: 'progressing', text: 'Creating', reasons };
  if (actual !== desired) return { health: 'progressing', text: `${actual} → ${desired}`, reasons: reasons.length ? reasons : [`Changing power state from ${actual} to ${desired}.`] };
  if (actual === 'PoweredOn') {
    const ip = str(get(vm, 'status.network.primaryIP4'));
    if (!ip) return { health: 'progressing', text: 'PoweredOn', reasons: reasons.length ? reasons : ['The guest is booting; no IP address yet.'] };
    const ready = condition(vm, 'Ready');
    if (ready?.status === 'False') return { health: 'warning', text: 'PoweredOn', reasons };
    return reasons.length ? { health: 'warning', text: 'PoweredOn', reasons } : { health: 'healthy', text: 'PoweredOn' };
  }
  // Off or suspended as asked: only failures that are not about the (stopped) guest matter.
  const settled = failing.filter((c) => !GUEST_CONDITION.test(c.type)).map(describeCondition);
  return { health: settled.length ? 'warning' : 'healthy', text: actual, reasons: settled };
}

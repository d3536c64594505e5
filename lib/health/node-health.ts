import { condition, conditionsOf, type KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';
import { describeCondition } from './conditions';

/** An ESXi host (Node): Ready, pressure conditions, cordon and the simulated failure state. */
export function nodeStatus(node: KubeObject): StatusSummary {
  const ready = condition(node, 'Ready');
  const cordoned = node.spec?.unschedulable === true;
  const pressure = conditionsOf(node).filter((c) => c.type !== 'Ready' && c.status === 'True');
  if (!ready || ready.status !== 'True') {
    return { health: 'error', text: ready?.status === 'Unknown' ? 'NotReady (unreachable)' : 'NotReady', reasons: [ready ? describeCondition(ready) : 'The host has not reported status.'] };
  }
  if (pressure.length) return { health: 'warning', text: cordoned ? 'Ready, cordoned' : 'Ready', reasons: pressure.map(describeCondition) };
  if (cordoned) return { health: 'warning', text: 'Ready, cordoned', reasons: ['Cordoned: no new pods or VMs are placed here.'] };
  return { health: 'healthy', text: 'Ready' };
}

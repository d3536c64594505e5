import type { FilterResult } from './filters';

/**
 * kube-scheduler's FitError text (pkg/scheduler/framework/types.go): "0/N nodes are
 * available: <count reason>, ...." with the reasons counted over nodes and sorted as strings,
 * then the PostFilter (default preemption) message. No pod here has lower-priority victims to
 * preempt, so preemption reports "No preemption victims found for incoming pod" for nodes that
 * failed on resources and "Preemption is not helpful for scheduling" for the rest. Upstream
 * appends the preemption message, which ends in a period, with " %v." — hence its "..".
 */
export const NO_NODES_MESSAGE = 'no nodes available to schedule pods';

function histogram(reasons: string[]): string {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
}

export interface FitMessageOptions {
  /** Append the preemption PostFilter message (pods yes, VM placement no). */
  preemption: boolean;
  /** The pod's spec.preemptionPolicy. */
  preemptionPolicy?: string;
}

export function fitErrorMessage(totalNodes: number, failures: readonly FilterResult[], options: FitMessageOptions): string {
  if (totalNodes === 0) return NO_NODES_MESSAGE;
  let msg = `0/${totalNodes} nodes are available: ${histogram(failures.flatMap((f) => f.reasons))}.`;
  if (!options.preemption) return msg;
  if (options.preemptionPolicy === 'Never') return `${msg} not eligible due to preemptionPolicy=Never..`;
  const preemption = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  msg += ` preemption: 0/${totalNodes} nodes are available: ${histogram(preemption)}..`;
  return msg;
}

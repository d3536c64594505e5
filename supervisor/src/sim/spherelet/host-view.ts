import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { intOf } from './hash';

/**
 * Whether a host's spherelet runs, and the host's address. A spherelet only exists for a Node
 * that exists; it is down while the host is failed on demand (annotation
 * `supervisor.glasspane.io/simulate: fail`, or the hosts part's own check when it provides one)
 * and while the node lifecycle controller reports the host unreachable (Ready=Unknown: nobody
 * posts its status), so the spherelet never writes against the node controller's view.
 */
export const SIMULATE_ANNOTATION = 'supervisor.glasspane.io/simulate';

/** A failure check another part may provide (the hosts part's HostStates). */
export interface HostFailureCheck {
  isDown(node: string): boolean;
}

function readyStatus(node: KubeObject): string | undefined {
  const conditions = isObject(node.status) && Array.isArray(node.status.conditions) ? node.status.conditions : [];
  const ready = conditions.find((c) => isObject(c) && c.type === 'Ready');
  return isObject(ready) ? String(ready.status) : undefined;
}

export function hostUp(node: KubeObject | undefined, external?: HostFailureCheck): boolean {
  if (!node) return false;
  if (node.metadata.annotations?.[SIMULATE_ANNOTATION] === 'fail') return false;
  if (external?.isDown(node.metadata.name ?? '')) return false;
  return readyStatus(node) !== 'Unknown';
}

/** The node's InternalIP, or a stable address in the ESXi management network for a Node that reports none. */
export function hostIP(node: KubeObject): string {
  const addresses = isObject(node.status) && Array.isArray(node.status.addresses) ? node.status.addresses : [];
  for (const a of addresses) if (isObject(a) && a.type === 'InternalIP' && typeof a.address === 'string') return a.address;
  return `10.10.10.${intOf(100, 250, 'host-ip', node.metadata.name ?? '')}`;
}

/** What about a Node matters to its pods; a change re-syncs them. */
export function hostSignature(node: KubeObject | undefined, external?: HostFailureCheck): string {
  return node ? `${hostUp(node, external)}|${hostIP(node)}` : 'absent';
}

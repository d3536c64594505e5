import type { KubeObject } from '../../api/types';
import type { Store } from '../../storage/store';
import { NODES_TABLE, SIMULATE_ANNOTATION } from './constants';

/**
 * Which hosts are failed on demand. The state lives on the Node itself (annotation
 * `supervisor.glasspane.io/simulate: fail`), so it goes through RBAC (patch nodes), survives
 * restarts and shows in `kubectl describe node`. Any other value (`recover`) or no annotation
 * means the host runs. Listeners hear about transitions, e.g. the spherelet to resync its pods.
 */
export type HostStateListener = (node: string, down: boolean) => void;

export function annotatedDown(node: KubeObject | undefined): boolean {
  return node?.metadata.annotations?.[SIMULATE_ANNOTATION] === 'fail';
}

export class HostStates {
  private readonly down = new Set<string>();
  private readonly listeners = new Set<HostStateListener>();

  constructor(private readonly store: Store) {
    for (const s of store.list(NODES_TABLE)) if (annotatedDown(s.obj)) this.down.add(s.obj.metadata.name ?? '');
  }

  /** A failed host: no heartbeats, and its spherelet does nothing. Always read from the stored Node. */
  isDown(node: string): boolean {
    return annotatedDown(this.store.get(NODES_TABLE, '', node)?.obj);
  }

  onChange(listener: HostStateListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Re-reads one Node (or notes its deletion) and tells listeners if its state flipped; returns the transition. */
  refresh(name: string): 'failed' | 'recovered' | undefined {
    const nowDown = this.isDown(name);
    const wasDown = this.down.has(name);
    if (nowDown === wasDown) return undefined;
    if (nowDown) this.down.add(name);
    else this.down.delete(name);
    for (const l of this.listeners) {
      try {
        l(name, nowDown);
      } catch {
        // A listener's failure must not stop the others.
      }
    }
    return nowDown ? 'failed' : 'recovered';
  }
}

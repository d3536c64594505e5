import { SYSTEM_USER } from '../core/objects';
import { deleteObject } from '../core/deletion';
import type { ControllerContext } from './controller-context';

/** Events expire an hour after they were last seen, as with the API server's --event-ttl. */
const TTL_MS = 60 * 60 * 1000;
const SWEEP_MS = 60 * 1000;

export function startEventTtl({ core, onStop }: ControllerContext): void {
  const rt = core.registry.lookup('', 'v1', 'events')!;
  const sweep = (): void => {
    const cutoff = Date.now() - TTL_MS;
    for (const s of core.store.list('core/events')) {
      const e = s.obj as Record<string, unknown>;
      const last = Date.parse(String(e.lastTimestamp ?? e.eventTime ?? s.obj.metadata.creationTimestamp ?? ''));
      if (Number.isFinite(last) && last < cutoff) {
        try {
          deleteObject(core.objects, rt, s.obj.metadata.namespace ?? '', s.obj.metadata.name ?? '', {}, { user: SYSTEM_USER });
        } catch {
          // Deleted meanwhile.
        }
      }
    }
  };
  const timer = setInterval(sweep, SWEEP_MS);
  timer.unref();
  onStop(() => clearInterval(timer));
}

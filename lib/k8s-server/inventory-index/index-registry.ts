import 'server-only';
import { createHash } from 'node:crypto';
import { UpstreamUnavailable } from '../upstream';
import { createUserIndex, type UserIndex } from './user-index';

/**
 * The console server's inventory indexes, one per distinct token (keyed by its hash, so tokens
 * are not kept as map keys), shared by all of that user's tabs. An index nobody asked for in
 * IDLE_MS is stopped (its watches closed); at most MAX_INDEXES live at once, the least recently
 * used stopped first. Held on globalThis so a dev-server module reload does not leak watches.
 */
const IDLE_MS = 5 * 60_000;
const MAX_INDEXES = 16;

interface Registry {
  indexes: Map<string, UserIndex>;
  sweeper?: ReturnType<typeof setInterval>;
}

const g = globalThis as typeof globalThis & { __glasspaneInventoryIndexes?: Registry };
const registry: Registry = (g.__glasspaneInventoryIndexes ??= { indexes: new Map() });

function sweep(): void {
  const now = Date.now();
  for (const [k, ix] of registry.indexes) {
    if (now - ix.lastUsed > IDLE_MS) {
      ix.stop();
      registry.indexes.delete(k);
    }
  }
  if (registry.indexes.size === 0 && registry.sweeper) {
    clearInterval(registry.sweeper);
    registry.sweeper = undefined;
  }
}

const keyOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Stops a token's index (its watches) at sign-out; another session with the token starts afresh. */
export function dropIndex(token: string): void {
  const key = keyOf(token);
  registry.indexes.get(key)?.stop();
  registry.indexes.delete(key);
}

export function indexFor(token: string): UserIndex {
  const key = keyOf(token);
  let ix = registry.indexes.get(key);
  if (ix) {
    // Re-insert so the map's order is least recently used first.
    registry.indexes.delete(key);
  } else {
    ix = createUserIndex(token);
    ix.ready.catch(() => {
      // A failed start (API server down): forget it so the next request starts afresh.
      if (registry.indexes.get(key) === ix) registry.indexes.delete(key);
      ix?.stop();
    });
    while (registry.indexes.size >= MAX_INDEXES) {
      const [oldest, old] = registry.indexes.entries().next().value as [string, UserIndex];
      old.stop();
      registry.indexes.delete(oldest);
    }
  }
  ix.lastUsed = Date.now();
  registry.indexes.set(key, ix);
  registry.sweeper ??= setInterval(sweep, 60_000);
  registry.sweeper.unref?.();
  return ix;
}

/** The user's index once its kinds are decided, or why not while the API server is down. */
export async function readyIndexFor(token: string): Promise<{ index: UserIndex } | { unavailable: string }> {
  const index = indexFor(token);
  try {
    await index.ready;
    return { index };
  } catch (e) {
    if (e instanceof UpstreamUnavailable) return { unavailable: e.message };
    throw e;
  }
}

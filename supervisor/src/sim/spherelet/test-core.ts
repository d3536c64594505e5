import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_KINDS, BUILTIN_PREFERRED } from '../../api/builtin/kinds';
import { Registry } from '../../api/registry';
import { ensureBootstrapObjects } from '../../bootstrap';
import { loadConfig } from '../../config';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { Clock } from '../../controllers/kit/clock';
import type { SystemClient } from '../../controllers/kit/system-client';
import { Admission, namespaceLifecycle } from '../../core/admission';
import { Objects } from '../../core/objects';
import { QuotaEvaluators } from '../../core/quota-usage';
import type { Core } from '../../handlers/core';
import { Persistence } from '../../storage/persistence';
import { Store } from '../../storage/store';

/**
 * For the spherelet's in-process tests: a supervisor core without HTTP (real store on a temp
 * directory, registry, object API, admission) and a scaled clock, so controllers run exactly as
 * in the server. `reopen()` simulates a process restart on the same data.
 */
export interface TestCore {
  ctx: ControllerContext;
  store: Store;
  client: SystemClient;
  /** Stops what was started on this core (the controllers' onStop hooks). */
  stopControllers(): void;
  /** A fresh core on the same data directory, as after a restart; this one is closed. */
  reopen(): TestCore;
  dispose(): void;
}

export function createTestCore(scale: number, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spherelet-'))): TestCore {
  const store = new Store(new Persistence(dir));
  const registry = new Registry(BUILTIN_KINDS, BUILTIN_PREFERRED);
  const admission = new Admission().use(namespaceLifecycle(store));
  const objects = new Objects(store, admission);
  const env = { SUPERVISOR_DATA_DIR: dir, SUPERVISOR_TIME_SCALE: String(scale) } as unknown as NodeJS.ProcessEnv;
  const config = loadConfig(env, ['--seed', 'none']);
  const core = { config, registry, store, objects, extraRoutes: new Map() } as unknown as Core;
  const stops: (() => void)[] = [];
  const clock = new Clock(scale);
  const ctx: ControllerContext = { core, admission, quotas: new QuotaEvaluators(), clock, onStop: (fn) => stops.push(fn) };
  ensureBootstrapObjects(objects, registry);
  const stopControllers = (): void => {
    for (const s of stops.splice(0).reverse()) s();
    clock.stop();
  };
  return {
    ctx,
    store,
    client: clientFor(ctx, 'test'),
    stopControllers,
    reopen() {
      stopControllers();
      store.close();
      return createTestCore(scale, dir);
    },
    dispose() {
      stopControllers();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Re-checks `check` every 10 ms until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_KINDS, BUILTIN_PREFERRED } from '../../../api/builtin/kinds';
import { Registry } from '../../../api/registry';
import { ensureBootstrapObjects } from '../../../bootstrap';
import { loadConfig } from '../../../config';
import { clientFor, type ControllerContext } from '../../../controllers/controller-context';
import { Clock } from '../../../controllers/kit/clock';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { Admission, namespaceLifecycle } from '../../../core/admission';
import { Objects } from '../../../core/objects';
import { QuotaEvaluators } from '../../../core/quota-usage';
import type { Core } from '../../../handlers/core';
import { Persistence } from '../../../storage/persistence';
import { Store } from '../../../storage/store';

/**
 * An in-process supervisor core for the workloads' controller tests: the real store (on a temp
 * directory), registry, object API and admission, and a scaled clock, without HTTP. `reopen()`
 * is a process restart on the same data.
 */
export interface WorkloadsTestCore {
  ctx: ControllerContext;
  store: Store;
  client: SystemClient;
  reopen(): WorkloadsTestCore;
  dispose(): void;
}

export function createWorkloadsTestCore(scale: number, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workloads-'))): WorkloadsTestCore {
  const store = new Store(new Persistence(dir));
  const registry = new Registry(BUILTIN_KINDS, BUILTIN_PREFERRED);
  const admission = new Admission().use(namespaceLifecycle(store));
  const objects = new Objects(store, admission);
  const config = loadConfig({ SUPERVISOR_DATA_DIR: dir, SUPERVISOR_TIME_SCALE: String(scale) } as unknown as NodeJS.ProcessEnv, ['--seed', 'none']);
  const core = { config, registry, store, objects, extraRoutes: new Map() } as unknown as Core;
  const stops: (() => void)[] = [];
  const clock = new Clock(scale);
  const ctx: ControllerContext = { core, admission, quotas: new QuotaEvaluators(), clock, onStop: (fn) => stops.push(fn) };
  ensureBootstrapObjects(objects, registry);
  const stop = (): void => {
    for (const s of stops.splice(0).reverse()) s();
    clock.stop();
  };
  return {
    ctx,
    store,
    client: clientFor(ctx, 'test'),
    reopen() {
      stop();
      store.close();
      return createWorkloadsTestCore(scale, dir);
    },
    dispose() {
      stop();
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

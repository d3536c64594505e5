import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_KINDS, BUILTIN_PREFERRED } from '../api/builtin/kinds';
import { Registry } from '../api/registry';
import { ensureBootstrapObjects } from '../bootstrap';
import { loadConfig, type SeedMode } from '../config';
import { clientFor, type ControllerContext } from '../controllers/controller-context';
import { Clock } from '../controllers/kit/clock';
import type { SystemClient } from '../controllers/kit/system-client';
import { Objects } from '../core/objects';
import { QuotaEvaluators } from '../core/quota-usage';
import { serverAdmission } from '../core/server-admission';
import type { Core } from '../handlers/core';
import { Persistence } from '../storage/persistence';
import { Store } from '../storage/store';

/**
 * An in-process supervisor core for controller tests: the real store (on a temp directory),
 * registry, object API and the server's admission chain, a scaled clock and the bootstrap
 * objects, without HTTP. Controllers started on `ctx` run exactly as in the server; nothing is
 * seeded here (`seed` only sets what the controllers read from the config).
 */
export interface InProcessCoreOptions {
  /** SUPERVISOR_TIME_SCALE: simulated delays are divided by it. */
  timeScale: number;
  /** The `--seed` mode in the config (default `none`). */
  seed?: SeedMode;
  /**
   * Control-plane controllers started, in order, before the bootstrap objects are written, as
   * the server does: e.g. `startCrdController` when the part under test installs CRDs.
   */
  controllers?: readonly ((ctx: ControllerContext) => void)[];
  /** An existing data directory to open (a restart); default a new temp directory. */
  dataDir?: string;
}

export interface InProcessCore {
  ctx: ControllerContext;
  store: Store;
  registry: Registry;
  objects: Objects;
  /** Acts through the object API as field manager `test`. */
  client: SystemClient;
  /** The data directory. */
  dir: string;
  /** Runs the `onStop` hooks of everything started on `ctx` (last first) and stops the clock; idempotent. */
  stopControllers(): void;
  /** Stops and closes this core and opens a new one on the same data with the same options, as after a process restart. */
  reopen(): InProcessCore;
  /** Stops and closes this core and removes its data directory. */
  dispose(): void;
}

export function createInProcessCore(options: InProcessCoreOptions): InProcessCore {
  const dir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'supervisor-core-'));
  const store = new Store(new Persistence(dir));
  const fresh = store.resourceVersion === 0;
  const registry = new Registry(BUILTIN_KINDS, BUILTIN_PREFERRED);
  const quotas = new QuotaEvaluators();
  const admission = serverAdmission(store, registry, quotas);
  const objects = new Objects(store, admission);
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', SUPERVISOR_DATA_DIR: dir, SUPERVISOR_TIME_SCALE: String(options.timeScale), SUPERVISOR_LOG: 'quiet' };
  const config = loadConfig(env, ['--seed', options.seed ?? 'none']);
  // Authentication, authorization and routes belong to the HTTP layer, which is never called here.
  const core = { config, registry, store, objects, extraRoutes: new Map(), upgradeRoutes: new Map() } as unknown as Core;
  const stops: (() => void)[] = [];
  const clock = new Clock(options.timeScale);
  const ctx: ControllerContext = { core, admission, quotas, clock, fresh, onStop: (fn) => stops.push(fn) };
  for (const start of options.controllers ?? []) start(ctx);
  ensureBootstrapObjects(objects, registry);

  const stopControllers = (): void => {
    for (const stop of stops.splice(0).reverse()) stop();
    clock.stop();
  };
  return {
    ctx,
    store,
    registry,
    objects,
    client: clientFor(ctx, 'test'),
    dir,
    stopControllers,
    reopen() {
      stopControllers();
      store.close();
      return createInProcessCore({ ...options, dataDir: dir });
    },
    dispose() {
      stopControllers();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

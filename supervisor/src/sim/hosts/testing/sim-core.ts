import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_KINDS, BUILTIN_PREFERRED } from '../../../api/builtin/kinds';
import { Registry } from '../../../api/registry';
import { ensureBootstrapObjects } from '../../../bootstrap';
import type { SupervisorConfig } from '../../../config';
import type { ControllerContext } from '../../../controllers/controller-context';
import { Clock } from '../../../controllers/kit/clock';
import { Admission, namespaceLifecycle } from '../../../core/admission';
import { Objects } from '../../../core/objects';
import { QuotaEvaluators } from '../../../core/quota-usage';
import type { Core } from '../../../handlers/core';
import { Persistence } from '../../../storage/persistence';
import { Store } from '../../../storage/store';

/**
 * An in-process supervisor core (real store, registry, object API and admission, no HTTP) for
 * testing the hosts controllers quickly: a ControllerContext with a scaled clock and the
 * bootstrap namespaces, plus polling that never sleeps for a fixed time.
 */
export interface SimCore {
  ctx: ControllerContext;
  store: Store;
  stop(): void;
}

export function createSimCore(timeScale: number, seed: 'none' | 'default' = 'none'): SimCore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-hosts-'));
  const store = new Store(new Persistence(dir));
  const registry = new Registry(BUILTIN_KINDS, BUILTIN_PREFERRED);
  const admission = new Admission().use(namespaceLifecycle(store));
  const objects = new Objects(store, admission);
  const config: SupervisorConfig = { port: 0, host: '127.0.0.1', dataDir: dir, timeScale, log: 'quiet', seed, scale: { namespaces: 0, vms: 0, pods: 0, services: 0 } };
  const core = { config, registry, store, objects, extraRoutes: new Map() } as unknown as Core;
  const stops: (() => void)[] = [];
  const clock = new Clock(timeScale);
  const ctx: ControllerContext = { core, admission, quotas: new QuotaEvaluators(), clock, onStop: (fn) => stops.push(fn) };
  ensureBootstrapObjects(objects, registry);
  return {
    ctx,
    store,
    stop() {
      for (const s of stops.reverse()) s();
      clock.stop();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function eventually<T>(check: () => T | undefined | false, what: string, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * `npm run bench [-- --quick] [options]`: the console benchmark. Seeds a fresh supervisor at
 * scale (temporary data dir, free port), builds the console if stale, serves it with
 * the built console server (server.ts), drives Debian's Chromium as admin and measures, in one run: the first painted
 * inventory and interactive, the tree's expansion of the 1,000-VM namespace and its VM list
 * page, filter and search, live-update lag, proxy overhead, memory and transfer. Writes JSON and
 * Markdown to bench/results/ (see results.mjs) and prints the Markdown.
 *
 * Exit code: 0 when it ran (missed goals included), 1 when it could not run or a part could not
 * be measured (the other parts' figures are still reported), 2 on bad options, 130 on
 * SIGINT/SIGTERM. Both servers are stopped by pid and the data dir removed on every exit path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { resolveUserPath, ROOT } from '../../scripts/lib/repo.mjs';
import { heapAfterGc, launchSignedIn } from './browser.mjs';
import { findTargets, namespaceName, podsIn } from './inventory.mjs';
import { adminTarget, createKubeClient } from './kube-client.mjs';
import { measureFind } from './measure-find.mjs';
import { measureVmList } from './measure-list.mjs';
import { measureLive } from './measure-live.mjs';
import { loadInventory } from './measure-load.mjs';
import { measureProxy } from './measure-proxy.mjs';
import { measureTree } from './measure-tree.mjs';
import { startRssSampler } from './memory.mjs';
import { parseOptions, seedArgs, USAGE } from './options.mjs';
import { rows } from './report.mjs';
import { endLoadAverage, machine, markdown, readPrevious, writeResults } from './results.mjs';
import { startConsoleFor, startSeededSupervisor, stopAll, killAllNow, waitUntilIdle } from './servers.mjs';
import { ms, summarize } from './stats.mjs';

const log = (/** @type {string} */ message) => process.stderr.write(`bench: ${message}\n`);
const errorText = (/** @type {unknown} */ e) => (e instanceof Error ? e.message : String(e));

/** Per-repeat samples of each figure, summarised at the end. */
function collector() {
  /** @type {Record<string, (number | null)[]>} */
  const samples = {};
  return {
    add(/** @type {Record<string, unknown>} */ figures) {
      for (const [k, v] of Object.entries(figures)) if (k.endsWith('Ms')) (samples[k] ??= []).push(typeof v === 'number' ? v : null);
    },
    summary: () => Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarize(v)])),
  };
}

async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (error) {
    log(errorText(error));
    return errorText(error) === USAGE ? 0 : 2;
  }
  const outDir = process.argv.some((a) => a.startsWith('--out')) ? resolveUserPath(opts.out) : path.join(ROOT, opts.out);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'glasspane-console-bench-'));
  process.once('exit', () => {
    killAllNow();
    rmSync(dataDir, { recursive: true, force: true });
  });
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => (log(`${signal}: stopping`), process.exit(130)));
  const childLog = (/** @type {string} */ name) => (/** @type {string} */ line) => opts.verbose && process.stderr.write(`[${name}] ${line}\n`);
  const previous = readPrevious(outDir);
  /** @type {any} */
  const results = { startedAt: new Date().toISOString(), machine: machine(), options: { ...opts, parts: [...opts.parts] }, setup: {}, failures: [] };
  const has = (/** @type {string} */ part) => opts.parts.has(part);
  const namespace = namespaceName(0);
  /** @type {any} */
  let browser;
  /** @type {any} */
  let kube;
  let sampler;
  /** @type {Record<string, any>} */
  const heap = {};
  /** Runs one part; a failure is recorded and the run goes on. */
  const part = async (/** @type {string} */ name, /** @type {() => Promise<void>} */ run) => {
    try {
      await run();
    } catch (error) {
      log(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      results.failures.push(`${name}: ${errorText(error)}`);
    }
  };
  try {
    const built = await buildIfStale({ root: ROOT, log });
    log(`starting the supervisor: --seed scale ${seedArgs(opts).join(' ')} (data in ${dataDir})`);
    const supervisor = await startSeededSupervisor({ root: ROOT, dataDir, seedArgs: seedArgs(opts), onLine: childLog('supervisor') });
    log(`seeded in ${ms(supervisor.seedMs)}: ${supervisor.seedSummary}; waiting until the supervisor is idle`);
    const settle = await waitUntilIdle(supervisor.pid, { log });
    const consoleServer = await startConsoleFor({ root: ROOT, kubeconfig: supervisor.kubeconfig, onLine: childLog('console') });
    log(`console at ${consoleServer.url} (pid ${consoleServer.pid}), supervisor at ${supervisor.url} (pid ${supervisor.pid})`);
    sampler = startRssSampler({ console: consoleServer.pid, supervisor: supervisor.pid });
    const session = await launchSignedIn(consoleServer.url);
    browser = session.browser;
    const context = session.context;
    results.setup = { built, seedMs: supervisor.seedMs, seedSummary: supervisor.seedSummary, supervisorStartMs: supervisor.startMs, settle, consoleStartMs: consoleServer.startMs, signInMs: session.signInMs, chromium: session.version };
    const timeoutMs = opts.timeoutS * 1000;
    const targets = findTargets(opts);

    if (has('load') || has('tree') || has('find')) {
      const c = { load: collector(), tree: collector(), find: collector() };
      /** @type {any} */
      const last = {};
      for (let i = 0; i < opts.repeats; i++) {
        await part(`load/tree/find, repeat ${i + 1}`, async () => {
          const { page, figures } = await loadInventory(context, { namespace, timeoutMs });
          try {
            c.load.add(figures);
            last.load = figures;
            log(`load ${i + 1}/${opts.repeats}: namespace row ${ms(figures.namespaceRowMs)}, with counts ${ms(figures.inventoryPaintMs ?? NaN)}, interactive ${ms(figures.interactiveMs ?? NaN)}`);
            if (has('tree')) {
              last.tree = await measureTree(page, { namespace, timeoutMs });
              c.tree.add(last.tree);
              log(`tree ${i + 1}/${opts.repeats}: group ${ms(last.tree.groupRowMs ?? NaN)}, count ${ms(last.tree.groupCountMs ?? NaN)}, first VM ${ms(last.tree.firstVmMs ?? NaN)}, End ${ms(last.tree.endMs ?? NaN)}`);
              if (i === opts.repeats - 1) heap.treeTab = await heapAfterGc(page);
            }
            if (has('find') && targets.vm && targets.pod) {
              last.find = await measureFind(page, { namespace, vm: targets.vm, pod: targets.pod, timeoutMs });
              c.find.add(last.find);
              log(`find ${i + 1}/${opts.repeats}: tree filter ${ms(last.find.treeFilterMs ?? NaN)}, search ${ms(last.find.searchFirstMs ?? NaN)} then ${ms(last.find.searchMs ?? NaN)}, cold ${ms(last.find.searchColdMs ?? NaN)}`);
            }
          } finally {
            await page.close();
          }
        });
      }
      if (has('load') && last.load) results.load = { ...c.load.summary(), interactiveFrom: last.load.interactiveFrom, namespaceLabel: last.load.namespaceLabel, transfer: last.load.transfer };
      if (has('tree') && last.tree) results.tree = { ...c.tree.summary(), groupLabel: last.tree.groupLabel, dom: last.tree.dom };
      if (has('find') && last.find) results.find = { ...c.find.summary(), vm: last.find.vm, pod: last.find.pod };
    }
    if (has('list')) {
      await part('list', async () => {
        const c = collector();
        let last;
        for (let i = 0; i < opts.repeats; i++) {
          last = await measureVmList(context, { namespace, count: opts.bigNamespaceVms, timeoutMs });
          c.add(last);
          log(`list ${i + 1}/${opts.repeats}: first row ${ms(last.firstRowMs ?? NaN)}, all ${ms(last.allRowsMs ?? NaN)}, bottom ${ms(last.bottomMs ?? NaN)}`);
        }
        results.list = { ...c.summary(), dom: last?.dom };
      });
    }
    if (has('proxy')) {
      await part('proxy', async () => {
        results.proxy = await measureProxy({ consoleUrl: consoleServer.url, cookies: await context.cookies(consoleServer.url), target: adminTarget(supervisor.kubeconfig), namespace, samples: opts.proxySamples, log });
      });
    }
    if (has('live')) {
      kube = createKubeClient(adminTarget(supervisor.kubeconfig), { maxSockets: 32 });
      await part('live', async () => {
        const live = await measureLive(context, { kube, kubeconfig: supervisor.kubeconfig, namespace, vmCount: opts.bigNamespaceVms, podCount: podsIn(0, opts), rate: opts.liveRate, seconds: opts.liveSeconds, log });
        Object.assign(heap, live.heap);
        results.live = live;
      });
    }
    results.memory = { rss: sampler.stop(), heap };
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    kube?.close();
    await browser?.close().catch(() => {});
    await stopAll();
  }
  results.machine.loadAverageAtEnd = endLoadAverage();
  results.finishedAt = new Date().toISOString();
  const table = rows(results);
  const md = markdown(results, table, previous);
  results.rows = table;
  const file = writeResults(outDir, results, md);
  process.stdout.write(`\n${md}`);
  log(`results: ${file} (and latest.json, latest.md in ${outDir})`);
  return results.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`failed: ${String(error)}`);
    process.exit(1);
  },
);

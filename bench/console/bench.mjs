/**
 * `node bench/console/bench.mjs [options]`: a browser benchmark of the console over a large
 * inventory. Starts a fresh supervisor (`--seed scale`, temporary data dir, free port), builds
 * the console if stale, serves it with `next start` on a free port against that supervisor,
 * drives Debian's Chromium through Playwright as `admin`, and prints a Markdown table of the
 * figures with their goals plus a one-line goal summary. Exit code: 0 whenever it ran (missed
 * goals included), 1 when it could not run (or a part could not be measured; the other parts'
 * figures are still printed), 2 on bad options, 130 on SIGINT/SIGTERM. Both
 * servers are stopped by pid and the data dir removed on every exit path.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from '../../scripts/build-if-stale.mjs';
import { ROOT } from '../../scripts/lib/repo.mjs';
import { launchSignedIn } from './browser.mjs';
import { adminTarget, createKubeClient } from './kube-client.mjs';
import { measureList, measureLive } from './measure-list.mjs';
import { measureOverview } from './measure-overview.mjs';
import { measureTree } from './measure-tree.mjs';
import { BIG_NAMESPACE, parseOptions, USAGE } from './options.mjs';
import { formatMarkdown, goalLine, rows, writeJson } from './report.mjs';
import { killAllNow, startConsoleFor, startSeededSupervisor, stopAll, waitUntilIdle } from './servers.mjs';
import { ms } from './stats.mjs';

const log = (/** @type {string} */ message) => process.stderr.write(`bench: ${message}\n`);

async function main() {
  let opts;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(message);
    return message === USAGE ? 0 : 2;
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'glasspane-console-bench-'));
  const cleanUpSync = () => {
    killAllNow();
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', cleanUpSync);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      log(`${signal}: stopping`);
      process.exit(130);
    });
  }
  const childLog = (/** @type {string} */ name) => (/** @type {string} */ line) => {
    if (opts.verbose) process.stderr.write(`[${name}] ${line}\n`);
  };

  /** @type {any} */
  const results = { startedAt: new Date().toISOString(), machine: machine(), options: { ...opts, parts: [...opts.parts] }, namespace: BIG_NAMESPACE };
  let browser;
  let kube;
  /** @type {string[]} */
  const failures = [];
  try {
    const built = await buildIfStale({ root: ROOT, log });
    const seedArgs = ['--namespaces', String(opts.namespaces), '--pods', String(opts.pods), '--vms', String(opts.vms), '--services', String(opts.services)];
    log(`starting the supervisor: --seed scale ${seedArgs.join(' ')} (data in ${dataDir})`);
    const supervisor = await startSeededSupervisor({ root: ROOT, dataDir, seedArgs, onLine: childLog('supervisor') });
    log(`seeded in ${ms(supervisor.seedMs)}: ${supervisor.seedSummary}; waiting for the controllers to settle`);
    const settle = await waitUntilIdle(supervisor.pid, { log });
    log(settle.settled ? `settled after ${Math.round(settle.seconds)} s` : `still busy after ${Math.round(settle.seconds)} s; measuring anyway`);
    const consoleServer = await startConsoleFor({ root: ROOT, kubeconfig: supervisor.kubeconfig, onLine: childLog('console') });
    log(`console at ${consoleServer.url} (pid ${consoleServer.pid}), supervisor at ${supervisor.url} (pid ${supervisor.pid})`);
    results.setup = { built, seedMs: supervisor.seedMs, seedSummary: supervisor.seedSummary, supervisorStartMs: supervisor.startMs, settle, consoleStartMs: consoleServer.startMs };

    const session = await launchSignedIn(consoleServer.url);
    browser = session.browser;
    results.setup.signInMs = session.signInMs;
    const context = session.context;
    const shared = { repeats: opts.repeats, namespace: BIG_NAMESPACE, log };
    kube = createKubeClient(adminTarget(supervisor.kubeconfig));
    const client = kube;
    /** @type {Record<string, () => Promise<unknown>>} */
    const parts = {
      overview: () => measureOverview(context, shared),
      tree: () => measureTree(context, shared),
      list: () => measureList(context, shared),
      live: () => measureLive(context, { samples: opts.liveSamples, namespace: BIG_NAMESPACE, kube: client, log }),
    };
    // A part that fails is reported and the others still run; the exit code then says so.
    for (const [name, run] of Object.entries(parts)) {
      if (!opts.parts.has(name)) continue;
      try {
        results[name] = await run();
      } catch (error) {
        log(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
        failures.push(name);
      }
    }
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    kube?.close();
    await browser?.close().catch(() => {});
    await stopAll();
  }
  results.machine.loadAverageAtEnd = os.loadavg().map((v) => Number(v.toFixed(2)));
  print(results);
  if (opts.json) {
    writeJson(opts.json, results);
    log(`results written to ${opts.json}`);
  }
  if (failures.length) log(`could not measure: ${failures.join(', ')}`);
  return failures.length ? 1 : 0;
}

function machine() {
  const cpus = os.cpus();
  return { cpus: cpus.length, cpuModel: cpus[0]?.model.trim() ?? 'unknown', node: process.version, totalMemGiB: Math.round(os.totalmem() / 2 ** 30), loadAverageAtStart: os.loadavg().map((v) => Number(v.toFixed(2))) };
}

/** @param {any} results */
function print(results) {
  const m = results.machine;
  const table = rows(results);
  const lines = [
    '',
    `## Console benchmark: ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.totalMemGiB} GiB RAM`,
    '',
    `Load average at start ${m.loadAverageAtStart.join(' ')}, at end ${m.loadAverageAtEnd.join(' ')} (other processes on the machine count too).`,
    '',
    formatMarkdown(table),
    '',
    goalLine(table),
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    log(`failed: ${String(error)}`);
    process.exit(1);
  },
);

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchClient } from './http-client';
import { parseOptions, type BenchOptions } from './options';
import { runPhases } from './phases';
import { formatTable, machineFacts, rows, writeResults, type BenchResults } from './report';
import { startServer, type ServerProcess } from './server-process';
import { fsyncProbe } from './fsync-probe';

/**
 * `npm run bench:supervisor`: starts a fresh supervisor in a temporary data directory as its own
 * process, drives it over HTTPS as `admin`, and prints create throughput, 10k-pod list latency and
 * watch fan-out lag against their goals. Exits non-zero only on errors, never on a missed goal;
 * the server is killed and the data directory removed on every exit path.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const log = (msg: string): void => {
  process.stderr.write(`bench: ${msg}\n`);
};

function print(results: BenchResults, resultsPath: string, profDir: string | undefined): void {
  const m = results.machine;
  const out: string[] = [
    '',
    `Supervisor benchmark — ${m.cpus} CPUs (${m.cpuModel}), Node ${m.node}, ${m.platform}, ${m.totalMemGiB} GiB RAM`,
    `load average at start ${m.loadAverage.join(' ')}, at end ${os.loadavg().map((v) => v.toFixed(2)).join(' ')}; data-dir fsync p50 ${m.fsyncMs.p50.toFixed(2)} ms, p99 ${m.fsyncMs.p99.toFixed(2)} ms, max ${m.fsyncMs.max.toFixed(1)} ms`,
    '',
    formatTable(rows(results)),
    '',
  ];
  const contended = Object.entries(results.server).filter(([, p]) => (p.serverCpuWaitPercent ?? 0) > 10);
  if (contended.length) {
    out.push(`NOTE: the server sat runnable waiting for a CPU for >10% of ${contended.map(([n]) => n).join(', ')} (other load on this machine); those figures are pessimistic.`);
  }
  if (results.watch?.problems.length) out.push(`watch problems:\n  ${results.watch.problems.join('\n  ')}`);
  if (results.watch?.writeFailures.length) out.push(`write failures:\n  ${results.watch.writeFailures.join('\n  ')}`);
  out.push(`results: ${resultsPath}`);
  if (profDir) out.push(`server CPU profiles per phase: ${profDir}\n  summarise: node --import tsx supervisor/bench/profile-summary.ts ${profDir}/<phase>.cpuprofile`);
  process.stdout.write(`${out.join('\n')}\n`);
}

async function main(): Promise<number> {
  let opts: BenchOptions;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (e) {
    log((e as Error).message);
    return 2;
  }
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'glasspane-bench-run-'));
  const profDir = opts.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'glasspane-bench-prof-')) : undefined;
  let server: ServerProcess | undefined;
  let client: BenchClient | undefined;
  const cleanupSync = (): void => {
    server?.killNow();
    if (!opts.keep) fs.rmSync(runDir, { recursive: true, force: true });
  };
  process.once('exit', cleanupSync);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: stopping`);
      process.exit(130);
    });
  }

  const dataDir = path.join(runDir, 'data');
  fs.mkdirSync(dataDir);
  const results: BenchResults = { startedAt: new Date().toISOString(), machine: machineFacts(fsyncProbe(dataDir)), options: { ...opts, phases: [...opts.phases] }, server: {} };
  try {
    server = await startServer({ repoRoot: REPO_ROOT, dataDir });
    log(`supervisor pid ${server.pid} at ${server.url}, data in ${dataDir}`);
    client = new BenchClient(server, opts.concurrency);
    await runPhases({ opts, server, client, results, profDir, log });
  } catch (e) {
    log(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    client?.close();
    await server?.stop();
    cleanupSync();
  }
  print(results, writeResults(results), profDir);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`failed: ${String(e)}`);
    process.exit(1);
  },
);

/**
 * The system under test: a fresh supervisor (temporary data dir, free port, `--seed scale`)
 * and the built console (server.ts on a free 127.0.0.1 port) pointed at its kubeconfig,
 * started the way scripts/e2e-server.mjs starts them. Every child is tracked by pid and
 * stopped by pid only (SIGTERM, then SIGKILL); nothing else on the machine is touched.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { startConsole, waitForHttpOk } from '../../scripts/lib/console-server.mjs';
import { startSupervisor } from '../../scripts/lib/supervisor.mjs';

const HOST = '127.0.0.1';
const SEEDED = /^supervisor: seeded \(scale\) in (\d+) ms: (.*)$/;

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
/** How the supervisor ended, with its last output lines; set when it exits. */
let exitReason = 'the supervisor exited';

/** A port that was free a moment ago (the console cannot take port 0 and report it back). */
export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, HOST, () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * Starts the supervisor and resolves once it serves and has finished the scale seed.
 * @param {{ root: string, dataDir: string, seedArgs: string[], onLine: (line: string) => void }} options
 * @returns {Promise<{ url: string, kubeconfig: string, pid: number, seedMs: number, seedSummary: string, startMs: number }>}
 */
export async function startSeededSupervisor({ root, dataDir, seedArgs, onLine }) {
  const started = performance.now();
  /** @type {(value: { ms: number, summary: string }) => void} */
  let seeded = () => {};
  const seedDone = new Promise((resolve) => (seeded = resolve));
  const supervisor = startSupervisor({
    root,
    dataDir,
    port: 0,
    host: HOST,
    args: ['--seed', 'scale', ...seedArgs],
    onLine: (line) => {
      const m = SEEDED.exec(line);
      if (m) seeded({ ms: Number(m[1]), summary: /** @type {string} */ (m[2]) });
      onLine(line);
    },
  });
  children.add(supervisor.child);
  // Its last lines and how it ended, to explain a supervisor that dies later (see `exitReason`).
  const recent = [];
  const track = (line) => {
    recent.push(line);
    if (recent.length > 20) recent.shift();
  };
  supervisor.child.stdout?.on('data', (chunk) => String(chunk).split('\n').filter(Boolean).forEach(track));
  supervisor.child.stderr?.on('data', (chunk) => String(chunk).split('\n').filter(Boolean).forEach(track));
  supervisor.child.once('close', (code, signal) => {
    exitReason = `the supervisor ${signal ? `was killed by ${signal}` : `exited with code ${code}`}${recent.length ? `; its last output:\n  ${recent.join('\n  ')}` : ''}`;
  });
  const ready = await supervisor.ready;
  // The ready line comes before the seed has run (startSeed defers it with setImmediate).
  const exited = new Promise((_, reject) => supervisor.child.once('close', () => reject(new Error(`while seeding, ${exitReason}`))));
  const seed = await Promise.race([seedDone, exited]);
  return { ...ready, pid: /** @type {number} */ (supervisor.child.pid), seedMs: seed.ms, seedSummary: seed.summary, startMs: performance.now() - started };
}

/** CPU seconds (user + system) a process has used so far, from /proc; undefined elsewhere. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Waits until the supervisor's controllers have caught up with the seed: its CPU stays under
 * `idleShare` of one core for `windowS` seconds in a row. The seed writes settled objects, but
 * the controllers still look at each of them once at start (the VM controller reconciles every
 * VM: about 25 s for 10,000 here); measuring the console meanwhile would measure that instead.
 * Gives up after `maxS` and says so.
 * @param {number} pid
 * @param {{ idleShare?: number, windowS?: number, maxS?: number, log?: (m: string) => void }} [options]
 * @returns {Promise<{ seconds: number, settled: boolean }>}
 */
export async function waitUntilIdle(pid, { idleShare = 0.15, windowS = 3, maxS = 300, log = () => {} } = {}) {
  const start = performance.now();
  let quiet = 0;
  let last = cpuSeconds(pid);
  if (last === undefined) return { seconds: 0, settled: false };
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = cpuSeconds(pid);
    if (now === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 500)); // let 'close' record why
      throw new Error(`while settling, ${exitReason}`);
    }
    const share = now - last;
    last = now;
    quiet = share < idleShare ? quiet + 1 : 0;
    const seconds = (performance.now() - start) / 1000;
    if (Math.round(seconds) % 15 === 0) log(`supervisor still busy (${Math.round(share * 100)}% CPU) after ${Math.round(seconds)} s`);
    if (quiet >= windowS) return { seconds, settled: true };
    if (seconds > maxS) return { seconds, settled: false };
  }
}

/**
 * The console server on a free port against the supervisor's kubeconfig, with the environment
 * scripts/e2e-server.mjs gives it; resolves once /api/healthz answers.
 * @param {{ root: string, kubeconfig: string, onLine: (line: string) => void }} options
 */
export async function startConsoleFor({ root, kubeconfig, onLine }) {
  const port = await freePort();
  const started = performance.now();
  const child = startConsole({
    root,
    host: HOST,
    port,
    env: { GLASSPANE_FRAME_ANCESTORS: "'self'", ...process.env, GLASSPANE_KUBECONFIG: kubeconfig, GLASSPANE_EMBEDDED: '1' },
    onLine,
  });
  children.add(child);
  const url = `http://${HOST}:${port}`;
  await waitForHttpOk(`${url}/api/healthz`, { child, timeoutMs: 120_000 });
  return { url, pid: /** @type {number} */ (child.pid), startMs: performance.now() - started };
}

/** Stops every child this module started: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopAll(graceMs = 5000) {
  const running = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('close', () => {
            clearTimeout(timer);
            resolve(undefined);
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  children.clear();
}

/** Last-resort synchronous kill for process 'exit' handlers (no waiting is possible there). */
export function killAllNow() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

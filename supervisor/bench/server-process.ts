import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { fileURLToPath } from 'node:url';
import type { Target } from './http-client';
import type { ProbeSnapshot } from './server-probe';

/**
 * The supervisor under test, run as its own Node process (so it has its own event loop and core),
 * started exactly as `npm run supervisor` starts it. Resolves once the ready line is printed and
 * the admin credentials are read from the kubeconfig it writes.
 */
export interface ServerProcess extends Target {
  pid: number;
  dataDir: string;
  /** SIGTERM (graceful, flushes a CPU profile), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** Synchronous last-resort kill for process exit handlers. */
  killNow(): void;
  /** Talks to the in-process probe (see server-probe.ts). */
  probe(kind: 'reset' | 'profile-start'): Promise<void>;
  probe(kind: 'snapshot'): Promise<ProbeSnapshot>;
  probe(kind: 'profile-stop', file: string): Promise<void>;
}

export interface ServerOptions {
  repoRoot: string;
  dataDir: string;
  readyTimeoutMs?: number;
}

const PROBE = fileURLToPath(new URL('./server-probe.ts', import.meta.url));
const READY = /^supervisor: ready at (\S+); kubeconfig: (.+)$/m;

interface Kubeconfig {
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data': string } }[];
  users: { name: string; user: { token?: string } }[];
}

function readAdminTarget(kubeconfigPath: string): Target {
  const config = parse(fs.readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
  const cluster = config.clusters[0]?.cluster;
  const token = config.users.find((u) => u.name === 'admin')?.user.token;
  if (!cluster || !token) throw new Error(`kubeconfig ${kubeconfigPath} has no cluster or admin token`);
  return { url: cluster.server, ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8'), token };
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServer(opts: ServerOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, path.join('supervisor', 'src', 'main.ts'), '--seed', 'none'], {
    cwd: opts.repoRoot,
    env: { ...process.env, SUPERVISOR_PORT: '0', SUPERVISOR_HOST: '127.0.0.1', SUPERVISOR_DATA_DIR: opts.dataDir, SUPERVISOR_LOG: 'quiet' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let probeId = 0;
  const probe = (kind: string, file?: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = ++probeId;
      const onMessage = (m: unknown): void => {
        const reply = m as { probeReply?: number; result?: unknown; error?: string };
        if (reply.probeReply !== id) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        if (reply.error) reject(new Error(`server probe ${kind}: ${reply.error}`));
        else resolve(reply.result);
      };
      const onExit = (): void => {
        child.off('message', onMessage);
        reject(new Error(`supervisor exited during probe ${kind}`));
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ probe: kind, id, file });
    });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    stderr = (stderr + d).slice(-8000);
  });
  const killNow = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const ready = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      killNow();
      reject(new Error(`supervisor did not print its ready line within ${opts.readyTimeoutMs ?? 60_000} ms; stderr:\n${stderr}`));
    }, opts.readyTimeoutMs ?? 60_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const m = READY.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`supervisor exited before ready (code ${code}, signal ${signal}); stderr:\n${stderr}`));
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  // Keep draining stdout so a chatty server never blocks on a full pipe.
  child.stdout!.resume();
  const target = readAdminTarget(ready[2]!.trim());
  return {
    ...target,
    url: ready[1]!,
    pid: child.pid!,
    dataDir: opts.dataDir,
    killNow,
    probe: probe as ServerProcess['probe'],
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(killNow, graceMs);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

/** CPU seconds (user + system) the process has used so far, from /proc; undefined where /proc is missing. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime) are at 11 and 12 after the comm field.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Seconds the process's main thread spent runnable but waiting for a CPU (second field of
 * /proc/<pid>/schedstat): time stolen by other load on the machine, not by the process itself.
 */
export function runQueueWaitSeconds(pid: number | 'self'): number | undefined {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
  } catch {
    return undefined;
  }
}

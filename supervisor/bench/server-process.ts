import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Target } from './http-client';

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
}

export interface ServerOptions {
  repoRoot: string;
  dataDir: string;
  /** Extra Node flags for the server, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
}

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
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', path.join('supervisor', 'src', 'main.ts'), '--seed', 'none'], {
    cwd: opts.repoRoot,
    env: { ...process.env, SUPERVISOR_PORT: '0', SUPERVISOR_HOST: '127.0.0.1', SUPERVISOR_DATA_DIR: opts.dataDir, SUPERVISOR_LOG: 'quiet' },
    stdio: ['ignore', 'pipe', 'pipe'],
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

import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * One supervisor OS process (`node --import tsx supervisor/src/main.ts`), started on a data
 * directory and a port (0 = any free port). Resolves once the process has printed its ready line
 * `supervisor: ready at <url>; kubeconfig: <path>`; rejects with its stderr if it exits first.
 * `node --import tsx` runs the server in this very process, so `pid` is the server itself and
 * a SIGKILL to it is a real crash.
 */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const READY_LINE = /^supervisor: ready at (https:\/\/\S+); kubeconfig: (.+)$/m;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SupervisorProcess {
  url: string;
  port: number;
  kubeconfigPath: string;
  pid: number;
  /** Settles when the process has exited. */
  exited: Promise<ExitStatus>;
  /** Output so far, for failure messages. */
  output(): string;
  /** False once the process has exited, whatever the reason. */
  alive(): boolean;
}

export interface SpawnOptions {
  /** Extra environment, e.g. SUPERVISOR_TIME_SCALE. */
  env?: Record<string, string>;
  /** Command-line arguments, e.g. ['--seed', 'none']. */
  args?: string[];
}

export async function spawnSupervisor(dataDir: string, port = 0, options: SpawnOptions = {}): Promise<SupervisorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'supervisor/src/main.ts', ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, SUPERVISOR_PORT: String(port), SUPERVISOR_DATA_DIR: dataDir, SUPERVISOR_LOG: 'quiet', ...(options.env ?? {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let running = true;
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    }),
  );
  const output = (): string => `stdout:\n${stdout}\nstderr:\n${stderr}`;

  const ready = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`supervisor did not print its ready line within ${START_TIMEOUT_MS} ms\n${output()}`));
    }, START_TIMEOUT_MS);
    const onData = (): void => {
      const m = READY_LINE.exec(stdout);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(m);
    };
    child.stdout.on('data', onData);
    void exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`supervisor exited before it was ready (${JSON.stringify(status)})\n${output()}`));
    });
  });
  const url = ready[1]!;
  return { url, port: Number(new URL(url).port), kubeconfigPath: ready[2]!.trim(), pid: child.pid!, exited, output, alive: () => running };
}

/** SIGTERM, then SIGKILL if it has not exited within the stop timeout. */
export async function stopProcess(proc: { pid: number; exited: Promise<ExitStatus> }, signal: NodeJS.Signals = 'SIGTERM'): Promise<ExitStatus> {
  signalPid(proc.pid, signal);
  let timer: NodeJS.Timeout | undefined;
  const escalate = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      signalPid(proc.pid, 'SIGKILL');
      resolve();
    }, STOP_TIMEOUT_MS);
  });
  const status = await Promise.race([proc.exited, escalate.then(() => proc.exited)]);
  clearTimeout(timer);
  return status;
}

function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

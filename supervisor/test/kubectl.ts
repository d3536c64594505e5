import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopProcess, type ExitStatus } from './supervisor-process';
import { waitFor } from './poll';

/**
 * Runs the real `kubectl` (v1.32 on PATH, or `$KUBECTL`) against a supervisor. Every run gets
 * its own `--cache-dir` (and a private HOME), so the discovery and HTTP caches can never hide a
 * server bug: each command re-discovers the API from scratch.
 */
export const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const RUN_TIMEOUT_MS = 60_000;

export interface KubectlResult {
  stdout: string;
  stderr: string;
  /** Exit code; null only if kubectl was killed by a signal. */
  code: number | null;
}

export interface KubectlOptions {
  /** kubeconfig context (admin, devops, developer); the kubeconfig's current context is admin. */
  context?: string;
  /** Written to kubectl's stdin (use with `-f -`). */
  stdin?: string;
  timeoutMs?: number;
}

export class Kubectl {
  private runs = 0;

  constructor(
    private readonly kubeconfigPath: () => string,
    private readonly scratchDir: string,
  ) {}

  /** The full argument list: global flags first, then the command's own arguments. */
  private argv(args: string[], options: KubectlOptions): { argv: string[]; home: string } {
    const dir = path.join(this.scratchDir, `kubectl-${process.pid}-${++this.runs}`);
    fs.mkdirSync(dir, { recursive: true });
    const globals = ['--kubeconfig', this.kubeconfigPath(), '--cache-dir', path.join(dir, 'cache')];
    if (options.context) globals.push('--context', options.context);
    return { argv: [...globals, ...args], home: dir };
  }

  run(args: string[], options: KubectlOptions = {}): Promise<KubectlResult> {
    const { argv, home } = this.argv(args, options);
    const child = spawn(KUBECTL, argv, { env: { ...process.env, HOME: home }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.end(options.stdin ?? '');
    const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`kubectl ${args.join(' ')} did not finish within ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
      }, timeoutMs);
      child.once('error', (e) => {
        clearTimeout(timer);
        reject(new Error(`cannot run ${KUBECTL}: ${e.message}`));
      });
      child.once('close', (code) => {
        clearTimeout(timer);
        resolve({ stdout, stderr, code });
      });
    });
  }

  /** Runs kubectl and throws (with its output) unless it exits 0; returns stdout. */
  async ok(args: string[], options: KubectlOptions = {}): Promise<string> {
    const r = await this.run(args, options);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`);
    return r.stdout;
  }

  /** Starts a long-running kubectl (e.g. `get -w`) whose output is inspected while it runs. */
  background(args: string[], options: KubectlOptions = {}): BackgroundKubectl {
    const { argv, home } = this.argv(args, options);
    return new BackgroundKubectl(args, spawn(KUBECTL, argv, { env: { ...process.env, HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] }));
  }
}

export class BackgroundKubectl {
  stdout = '';
  stderr = '';
  private status: ExitStatus | undefined;
  readonly exited: Promise<ExitStatus>;
  readonly pid: number;

  constructor(
    private readonly args: string[],
    child: ReturnType<typeof spawn>,
  ) {
    this.pid = child.pid!;
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) =>
      child.once('close', (code, signal) => {
        this.status = { code, signal };
        resolve(this.status);
      }),
    );
  }

  get running(): boolean {
    return this.status === undefined;
  }

  /** Waits until stdout (or stderr) satisfies `match`; fails early if the command exits first. */
  async waitForOutput(match: string | RegExp | ((output: string) => boolean), options: { timeoutMs?: number; stream?: 'stdout' | 'stderr' } = {}): Promise<string> {
    const { timeoutMs = 30_000, stream = 'stdout' } = options;
    const test = typeof match === 'function' ? match : (s: string) => (typeof match === 'string' ? s.includes(match) : match.test(s));
    const describe = (): string => `kubectl ${this.args.join(' ')} (exit ${JSON.stringify(this.status ?? null)}); stdout: ${JSON.stringify(this.stdout)}; stderr: ${JSON.stringify(this.stderr)}`;
    let outcome: 'matched' | 'exited';
    try {
      outcome = await waitFor(() => (test(this[stream]) ? 'matched' : this.running ? undefined : 'exited'), { timeoutMs, intervalMs: 20, what: `${stream} ${String(match)}` });
    } catch (e) {
      throw new Error(`${(e as Error).message} from ${describe()}`);
    }
    if (outcome === 'exited') throw new Error(`expected ${stream} ${String(match)} but ${describe()}`);
    return this[stream];
  }

  /** SIGTERM to this kubectl only (by pid). */
  stop(): Promise<ExitStatus> {
    if (!this.running) return this.exited;
    return stopProcess({ pid: this.pid, exited: this.exited });
  }
}

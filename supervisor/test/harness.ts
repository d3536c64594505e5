import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parse } from 'yaml';
import { KubeConfig } from '@kubernetes/client-node';
import { Kubectl } from './kubectl';
import { spawnSupervisor, stopProcess, type ExitStatus, type SpawnOptions, type SupervisorProcess } from './supervisor-process';

/**
 * A supervisor under test: its own temp directory (data dir plus kubectl scratch space), the
 * running process, a kubectl runner bound to its kubeconfig, and client-node configs. It can be
 * stopped (SIGTERM), crashed (SIGKILL) and restarted on the same data directory — by default on
 * the same port, so clients that already hold the URL (informers, watches) can reconnect.
 */
export type ContextName = 'admin' | 'devops' | 'developer';

interface KubeconfigFile {
  users: { name: string; user: { token: string } }[];
  clusters: { cluster: { 'certificate-authority-data': string } }[];
}

export class TestSupervisor {
  readonly kubectl: Kubectl;
  private current: SupervisorProcess | undefined;
  private lastPort = 0;

  private constructor(
    readonly rootDir: string,
    readonly dataDir: string,
    private readonly options: SpawnOptions = {},
  ) {
    this.kubectl = new Kubectl(() => this.kubeconfigPath, path.join(rootDir, 'scratch'));
  }

  static async start(options: SpawnOptions = {}): Promise<TestSupervisor> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'supervisor-conformance-'));
    const sv = new TestSupervisor(root, path.join(root, 'data'), options);
    try {
      sv.current = await spawnSupervisor(sv.dataDir, 0, options);
    } catch (e) {
      fs.rmSync(root, { recursive: true, force: true });
      throw e;
    }
    return sv;
  }

  private get proc(): SupervisorProcess {
    if (!this.current) throw new Error('the supervisor is not running');
    return this.current;
  }

  get url(): string {
    return this.proc.url;
  }
  get port(): number {
    return this.proc.port;
  }
  get pid(): number {
    return this.proc.pid;
  }
  get kubeconfigPath(): string {
    return this.proc.kubeconfigPath;
  }

  private kubeconfigFile(): KubeconfigFile {
    return parse(fs.readFileSync(this.kubeconfigPath, 'utf8')) as KubeconfigFile;
  }

  /** The bearer token of one of the kubeconfig's users. */
  token(context: ContextName = 'admin'): string {
    const user = this.kubeconfigFile().users.find((u) => u.name === context);
    if (!user) throw new Error(`no user ${context} in the kubeconfig`);
    return user.user.token;
  }

  /** The cluster CA (PEM) that signs the serving certificate. */
  caPem(): string {
    return Buffer.from(this.kubeconfigFile().clusters[0]!.cluster['certificate-authority-data'], 'base64').toString('utf8');
  }

  /** A fresh client-node KubeConfig from the kubeconfig file, set to `context`. */
  kubeConfig(context: ContextName = 'admin'): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromFile(this.kubeconfigPath);
    kc.setCurrentContext(context);
    return kc;
  }

  /** Graceful stop (SIGTERM). */
  stop(): Promise<ExitStatus | undefined> {
    return this.stopWith('SIGTERM');
  }

  /** A crash: SIGKILL, no chance to flush or close anything. */
  kill(): Promise<ExitStatus | undefined> {
    return this.stopWith('SIGKILL');
  }

  private async stopWith(signal: NodeJS.Signals): Promise<ExitStatus | undefined> {
    const proc = this.current;
    if (!proc) return undefined;
    this.lastPort = proc.port;
    const status = await stopProcess(proc, signal);
    this.current = undefined;
    return status;
  }

  /**
   * Starts the supervisor on the same data directory, stopping it first (SIGTERM) if it is
   * running. It comes back on the port it had, so clients holding the old URL can reconnect.
   */
  async restart(): Promise<void> {
    await this.stop();
    this.current = await spawnSupervisor(this.dataDir, this.lastPort, this.options);
  }

  /**
   * Stops the process and removes every temp file (data dir, kubectl caches). A supervisor that
   * died on its own during the tests has its output printed, since every later failure stems from it.
   */
  async dispose(): Promise<void> {
    if (this.current && !this.current.alive()) {
      process.stderr.write(`supervisor ${this.current.pid} exited unexpectedly: ${JSON.stringify(await this.current.exited)}\n${this.current.output()}\n`);
    }
    await this.stop();
    fs.rmSync(this.rootDir, { recursive: true, force: true });
  }
}

/**
 * Starts one supervisor for the current test file (beforeAll) and disposes of it (afterAll).
 * The returned getter is only valid inside tests and hooks.
 */
export function useSupervisor(): () => TestSupervisor {
  let sv: TestSupervisor | undefined;
  beforeAll(async () => {
    sv = await TestSupervisor.start();
  });
  afterAll(async () => {
    await sv?.dispose();
  });
  return () => {
    if (!sv) throw new Error('useSupervisor(): the supervisor is only available inside tests and hooks');
    return sv;
  };
}

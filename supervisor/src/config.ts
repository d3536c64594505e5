import path from 'node:path';
import { z } from 'zod';

/** The supervisor's configuration, from the environment and command line, validated once at start. */
const envSchema = z.object({
  SUPERVISOR_PORT: z.coerce.number().int().min(0).max(65535).default(6443),
  SUPERVISOR_HOST: z.string().min(1).default('127.0.0.1'),
  SUPERVISOR_DATA_DIR: z.string().min(1).default('.data/supervisor'),
  SUPERVISOR_TIME_SCALE: z.coerce.number().positive().default(1),
  SUPERVISOR_LOG: z.enum(['quiet', 'info', 'debug']).default('info'),
});

export type SeedMode = 'default' | 'none' | 'scale';

export interface ScaleSeed {
  namespaces: number;
  vms: number;
  pods: number;
  services: number;
  /** `--service-instances N`: operator-backed service instances (finished TFJobs). */
  serviceInstances: number;
  /** `--big-namespace-vms N`: the first namespace holds exactly N VMs; absent: round-robin. */
  bigNamespaceVms?: number;
}

export interface SupervisorConfig {
  port: number;
  host: string;
  dataDir: string;
  timeScale: number;
  log: 'quiet' | 'info' | 'debug';
  seed: SeedMode;
  scale: ScaleSeed;
}

function flag(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

export function loadConfig(env: NodeJS.ProcessEnv, argv: string[]): SupervisorConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`invalid environment: ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const seed = (flag(argv, 'seed') ?? 'default') as SeedMode;
  if (!['default', 'none', 'scale'].includes(seed)) throw new Error(`--seed must be one of default, none, scale (got "${seed}")`);
  const count = (name: string, fallback: number): number => {
    const v = flag(argv, name);
    const n = v === undefined ? fallback : Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
    return n;
  };
  return {
    port: e.SUPERVISOR_PORT,
    host: e.SUPERVISOR_HOST,
    dataDir: path.resolve(e.SUPERVISOR_DATA_DIR),
    timeScale: e.SUPERVISOR_TIME_SCALE,
    log: e.SUPERVISOR_LOG,
    seed,
    scale: {
      namespaces: count('namespaces', 10),
      vms: count('vms', 1000),
      pods: count('pods', 5000),
      services: count('services', 100),
      serviceInstances: count('service-instances', 0),
      ...(flag(argv, 'big-namespace-vms') === undefined ? {} : { bigNamespaceVms: count('big-namespace-vms', 0) }),
    },
  };
}

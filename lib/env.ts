import 'server-only';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/**
 * The console's server environment. It is read at request time, never at build time, so a
 * production build does not bake in a kubeconfig path and a missing variable shows up as a
 * clear page error instead of a failed build.
 */
export interface ServerEnv {
  /** Absolute path of the kubeconfig whose current context the console shows. */
  kubeconfigPath: string;
  /** True when `npm start` launched the embedded supervisor for this console. */
  embedded: boolean;
}

/** Any environment-like map; `process.env` by default. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** Raised when the environment is missing or malformed; the message tells the operator what to set. */
export class EnvError extends Error {
  override readonly name = 'EnvError';
}

const serverEnvSchema = z.object({
  GLASSPANE_KUBECONFIG: z
    .string({ error: 'GLASSPANE_KUBECONFIG is not set' })
    .trim()
    .min(1, { error: 'GLASSPANE_KUBECONFIG is empty' }),
  GLASSPANE_EMBEDDED: z.enum(['0', '1'], { error: 'GLASSPANE_EMBEDDED must be 0 or 1' }).optional(),
});

const HOW_TO_FIX =
  'Start the console with npm start (it starts the embedded supervisor and sets it), ' +
  'or point it at a cluster: GLASSPANE_KUBECONFIG=~/.kube/config npm start';

/** Expands a leading `~` and resolves relative paths against the server's working directory. */
export function resolveUserPath(value: string, cwd = process.cwd(), home = os.homedir()): string {
  const expanded = value === '~' ? home : value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
  return path.resolve(cwd, expanded);
}

/**
 * Parses the server environment.
 * @throws EnvError naming every problem, with a hint on how to start the console correctly.
 */
export function readServerEnv(source: EnvSource = process.env): ServerEnv {
  const parsed = serverEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => issue.message).join('; ');
    throw new EnvError(`${problems}. ${HOW_TO_FIX}`);
  }
  return {
    kubeconfigPath: resolveUserPath(parsed.data.GLASSPANE_KUBECONFIG),
    embedded: parsed.data.GLASSPANE_EMBEDDED === '1',
  };
}

const securityEnvSchema = z.object({
  GLASSPANE_SESSION_SECRET: z.string().min(32, { error: 'GLASSPANE_SESSION_SECRET must be at least 32 characters' }).optional(),
  GLASSPANE_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(8),
  GLASSPANE_FRAME_ANCESTORS: z.string().trim().default("'self'"),
  GLASSPANE_NAMESPACES: z.string().trim().default(''),
});

export interface SecurityEnv {
  /** Seals session cookies; every replica of one console needs the same value. */
  sessionSecret: string | undefined;
  sessionHours: number;
  /** Space-separated CSP frame-ancestors sources, e.g. `'self' https://vcenter.example.com`. */
  frameAncestors: string;
  /** Namespaces to offer users who may not list namespaces, besides what they discover. */
  namespaces: string[];
}

export function readSecurityEnv(source: EnvSource = process.env): SecurityEnv {
  const parsed = securityEnvSchema.safeParse(source);
  if (!parsed.success) throw new EnvError(parsed.error.issues.map((issue) => issue.message).join('; '));
  const d = parsed.data;
  return {
    sessionSecret: d.GLASSPANE_SESSION_SECRET,
    sessionHours: d.GLASSPANE_SESSION_HOURS,
    frameAncestors: d.GLASSPANE_FRAME_ANCESTORS,
    namespaces: d.GLASSPANE_NAMESPACES.split(/[\s,]+/).filter(Boolean),
  };
}

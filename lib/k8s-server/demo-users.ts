import 'server-only';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { readServerEnv } from '../env';

/**
 * One-click sign-in on the embedded supervisor only: the demo users' tokens come from the
 * supervisor's own kubeconfig, and are offered only when `npm start` launched that supervisor
 * (GLASSPANE_EMBEDDED=1). Against any other cluster the console knows no credentials at all.
 */
export const DEMO_USER_NAMES = ['admin', 'devops', 'developer'] as const;
export type DemoUserName = (typeof DEMO_USER_NAMES)[number];

export interface DemoUser {
  name: DemoUserName;
  token: string;
  namespace?: string;
}

interface KubeconfigShape {
  users?: { name?: string; user?: { token?: string } }[];
  contexts?: { name?: string; context?: { user?: string; namespace?: string } }[];
}

export function demoSignInEnabled(): boolean {
  try {
    return readServerEnv().embedded;
  } catch {
    return false;
  }
}

export async function demoUser(name: string): Promise<DemoUser | undefined> {
  if (!demoSignInEnabled() || !(DEMO_USER_NAMES as readonly string[]).includes(name)) return undefined;
  const config = parse(await readFile(readServerEnv().kubeconfigPath, 'utf8')) as KubeconfigShape;
  const token = config.users?.find((u) => u.name === name)?.user?.token;
  if (!token) return undefined;
  const namespace = config.contexts?.find((c) => c.context?.user === name)?.context?.namespace;
  return { name: name as DemoUserName, token, ...(namespace ? { namespace } : {}) };
}

import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import type { UserInfo } from './api/types';
import type { Registry } from './api/registry';
import { bootstrapPolicy } from './auth/rbac-policy';
import { randomToken, type StaticToken } from './auth/tokens';
import type { Objects } from './core/objects';
import { SYSTEM_USER } from './core/objects';

/**
 * First-start state in the data directory (tokens, signing key, kubeconfig) and the objects
 * every start makes sure exist: system namespaces, `team-a`, and the RBAC policy for the three
 * demo users. Existing objects are left alone, so an operator's changes survive restarts.
 */
export const DEMO_USERS: { name: string; user: UserInfo; namespace?: string }[] = [
  { name: 'admin', user: { username: 'admin', uid: 'glasspane-admin', groups: ['system:masters'] } },
  { name: 'devops', user: { username: 'devops', uid: 'glasspane-devops', groups: ['glasspane:devops'] } },
  { name: 'developer', user: { username: 'developer', uid: 'glasspane-developer', groups: ['glasspane:developers'] }, namespace: 'team-a' },
];

export const BOOTSTRAP_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team-a'];

interface TokenFile {
  users: Record<string, string>;
}

export function ensureTokens(dataDir: string): StaticToken[] {
  const file = path.join(dataDir, 'tokens.json');
  let saved: TokenFile = { users: {} };
  if (fs.existsSync(file)) saved = JSON.parse(fs.readFileSync(file, 'utf8')) as TokenFile;
  let changed = false;
  for (const u of DEMO_USERS) {
    if (!saved.users[u.name]) {
      saved.users[u.name] = randomToken();
      changed = true;
    }
  }
  if (changed) fs.writeFileSync(file, JSON.stringify(saved, null, 2), { mode: 0o600 });
  return DEMO_USERS.map((u) => ({ token: saved.users[u.name]!, user: u.user }));
}

export function ensureSigningKey(dataDir: string): Buffer {
  const file = path.join(dataDir, 'sa-signing.key');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return Buffer.from(fs.readFileSync(file, 'utf8'), 'base64');
}

/** Writes `<data dir>/kubeconfig` with one context per demo user; current context `admin`. */
export function writeKubeconfig(dataDir: string, server: string, caPem: string, tokens: StaticToken[]): string {
  const file = path.join(dataDir, 'kubeconfig');
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'supervisor', cluster: { server, 'certificate-authority-data': Buffer.from(caPem).toString('base64') } }],
    users: DEMO_USERS.map((u) => ({ name: u.name, user: { token: tokens.find((t) => t.user.username === u.user.username)!.token } })),
    contexts: DEMO_USERS.map((u) => ({ name: u.name, context: { cluster: 'supervisor', user: u.name, ...(u.namespace ? { namespace: u.namespace } : {}) } })),
    'current-context': 'admin',
    preferences: {},
  };
  fs.writeFileSync(file, stringify(config), { mode: 0o600 });
  return file;
}

function ensure(objects: Objects, registry: Registry, apiVersion: string, kind: string, obj: Record<string, unknown>): void {
  const rt = registry.byKind(apiVersion, kind)!;
  const meta = obj.metadata as { name: string; namespace?: string };
  if (objects.getStored(rt, meta.namespace ?? '', meta.name)) return;
  objects.create(rt, meta.namespace ?? '', { apiVersion, kind, ...obj }, { user: SYSTEM_USER, fieldManager: 'supervisor-bootstrap' });
}

export function ensureBootstrapObjects(objects: Objects, registry: Registry): void {
  for (const name of BOOTSTRAP_NAMESPACES) ensure(objects, registry, 'v1', 'Namespace', { metadata: { name } });
  const policy = bootstrapPolicy();
  for (const r of policy.clusterRoles) ensure(objects, registry, 'rbac.authorization.k8s.io/v1', 'ClusterRole', r as unknown as Record<string, unknown>);
  for (const b of policy.clusterRoleBindings) ensure(objects, registry, 'rbac.authorization.k8s.io/v1', 'ClusterRoleBinding', b as unknown as Record<string, unknown>);
  for (const b of policy.roleBindings) ensure(objects, registry, 'rbac.authorization.k8s.io/v1', 'RoleBinding', b as unknown as Record<string, unknown>);
}

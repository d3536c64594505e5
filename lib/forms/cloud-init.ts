import { stringify } from 'yaml';
import { parseYamlSafe } from '../editor/yaml-model';

/**
 * Guided cloud-init: a user with sudo and SSH keys, packages to install and commands to run,
 * written as `#cloud-config` user-data — and read back from user-data, so editing the Secret's
 * text in the YAML updates the guided fields. Anything the guide does not know (write_files,
 * other keys, several users) makes the text "raw": it is kept as typed and edited as text.
 */
export interface CloudInitFields {
  user: string;
  sshKeys: string[];
  packages: string[];
  commands: string[];
}

export const EMPTY_CLOUD_INIT: CloudInitFields = { user: '', sshKeys: [], packages: [], commands: [] };

const USER_KEYS = new Set(['name', 'sudo', 'shell', 'groups', 'ssh_authorized_keys', 'lock_passwd']);
const TOP_KEYS = new Set(['users', 'packages', 'runcmd', 'package_update']);

export function buildCloudConfig(f: CloudInitFields): string {
  const body: Record<string, unknown> = {};
  const keys = f.sshKeys.map((k) => k.trim()).filter(Boolean);
  if (f.user.trim()) {
    body.users = [{ name: f.user.trim(), sudo: 'ALL=(ALL) NOPASSWD:ALL', shell: '/bin/bash', lock_passwd: true, ...(keys.length ? { ssh_authorized_keys: keys } : {}) }];
  }
  const packages = f.packages.map((p) => p.trim()).filter(Boolean);
  if (packages.length) {
    body.package_update = true;
    body.packages = packages;
  }
  const commands = f.commands.map((c) => c.trim()).filter(Boolean);
  if (commands.length) body.runcmd = commands;
  const yaml = Object.keys(body).length ? stringify(body, { lineWidth: 0 }) : '{}\n';
  return `#cloud-config\n${yaml}`;
}

function strings(v: unknown): string[] | undefined {
  if (v === undefined) return [];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
}

/** The guided fields of a user-data text, or `raw: true` when the guide cannot represent it. */
export function parseCloudConfig(text: string): { fields: CloudInitFields; raw: boolean } {
  const raw = { fields: EMPTY_CLOUD_INIT, raw: true };
  if (!text.trim()) return { fields: EMPTY_CLOUD_INIT, raw: false };
  if (!text.trimStart().startsWith('#cloud-config')) return raw;
  const parsed = parseYamlSafe(text);
  if (!parsed.ok) return raw;
  const v = parsed.value;
  if (v === null || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0)) return { fields: EMPTY_CLOUD_INIT, raw: false };
  if (typeof v !== 'object' || Array.isArray(v)) return raw;
  const o = v as Record<string, unknown>;
  if (Object.keys(o).some((k) => !TOP_KEYS.has(k))) return raw;
  const users = o.users === undefined ? [] : o.users;
  if (!Array.isArray(users) || users.length > 1) return raw;
  const u = (users[0] ?? {}) as Record<string, unknown>;
  if (typeof u !== 'object' || Object.keys(u).some((k) => !USER_KEYS.has(k))) return raw;
  const sshKeys = strings(u.ssh_authorized_keys);
  const packages = strings(o.packages);
  const commands = strings(o.runcmd);
  if (!sshKeys || !packages || !commands) return raw;
  return { fields: { user: typeof u.name === 'string' ? u.name : '', sshKeys, packages, commands }, raw: false };
}

import { parseYamlSafe } from '../editor/yaml-model';
import type { KubeObject } from '../k8s/types';
import { get, list, str } from '../resources/format';
import { decodeSecretValue } from '../resources/secret-data';
import { loadBalancerAddresses } from './service-progress';
import { vmIp } from './vm-progress';

/**
 * How to reach what a developer created: a VM's address and the ssh command for the user its
 * cloud-init creates; a Service's (or VirtualMachineService's) in-cluster DNS name with each
 * port, and its load-balancer addresses; a database's connection string from the Secret its
 * operator writes (CloudNativePG: `<cluster>-app`, key `uri`). Values are returned, never logged.
 */
export interface VmConnect {
  ip?: string;
  user?: string;
  /** `ssh <user>@<ip>`; the user is `<user>` when it is not known. */
  ssh?: string;
}

/** The cloud-init Secret a VM reads (`spec.bootstrap.cloudInit.rawCloudConfig`). */
export function cloudInitRef(vm: KubeObject): { name: string; key: string } | undefined {
  const ref = get(vm, 'spec.bootstrap.cloudInit.rawCloudConfig') as { name?: unknown; key?: unknown } | undefined;
  return typeof ref?.name === 'string' ? { name: ref.name, key: typeof ref.key === 'string' ? ref.key : 'user-data' } : undefined;
}

function firstUser(users: unknown): string | undefined {
  for (const u of list(users)) {
    const name = typeof u === 'object' && u !== null ? (u as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && name) return name;
  }
  return undefined;
}

/** The first named user of a `#cloud-config` text (not "default"). */
export function userFromCloudConfig(text: string | undefined): string | undefined {
  if (!text || !text.trimStart().startsWith('#cloud-config')) return undefined;
  const parsed = parseYamlSafe(text);
  if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) return undefined;
  return firstUser((parsed.value as { users?: unknown }).users);
}

/** The user-data text of a cloud-init Secret (stringData, else base64 data). */
export function secretText(secret: KubeObject | undefined, key: string): string | undefined {
  const plain = get(secret, `stringData.${key}`);
  if (typeof plain === 'string') return plain;
  const data = (secret?.data as Record<string, unknown> | undefined)?.[key];
  if (typeof data !== 'string') return undefined;
  const v = decodeSecretValue(data);
  return v.kind === 'text' ? v.text : undefined;
}

/** Address and ssh command; the user from inline cloud-config, else from the cloud-init Secret's text. */
export function vmConnect(vm: KubeObject, userData?: string): VmConnect {
  const ip = vmIp(vm);
  const user = firstUser(get(vm, 'spec.bootstrap.cloudInit.cloudConfig.users')) ?? userFromCloudConfig(userData);
  return { ip, user, ssh: ip ? `ssh ${user ?? '<user>'}@${ip}` : undefined };
}

export interface Endpoint {
  /** `<svc>.<ns>.svc.cluster.local:<port>`. */
  address: string;
  name?: string;
  protocol: string;
}

export interface ServiceConnect {
  dns: string;
  endpoints: Endpoint[];
  clusterIP?: string;
  external: string[];
  type: string;
}

export function serviceConnect(svc: KubeObject): ServiceConnect {
  const dns = `${svc.metadata.name ?? ''}.${svc.metadata.namespace ?? ''}.svc.cluster.local`;
  const ports = list(get(svc, 'spec.ports')) as { name?: string; port?: number; protocol?: string }[];
  const clusterIP = str(get(svc, 'spec.clusterIP'));
  return {
    dns,
    endpoints: ports.filter((p) => typeof p.port === 'number').map((p) => ({ address: `${dns}:${p.port}`, name: p.name, protocol: p.protocol ?? 'TCP' })),
    clusterIP: clusterIP && clusterIP !== 'None' ? clusterIP : undefined,
    external: loadBalancerAddresses(svc),
    type: str(get(svc, 'spec.type')) ?? 'ClusterIP',
  };
}

/** The Secret and key holding a service instance's connection string, for kinds that write one. */
export function connectionSecret(obj: KubeObject): { name: string; key: string; service: string } | undefined {
  const group = String(obj.apiVersion ?? '').split('/')[0];
  const name = obj.metadata.name ?? '';
  if (group === 'postgresql.cnpg.io' && obj.kind === 'Cluster') return { name: `${name}-app`, key: 'uri', service: `${name}-rw` };
  return undefined;
}

/** "postgresql://app:••••••@orders-db-rw.team-a:5432/app": the password of a URI hidden. */
export function maskUri(uri: string): string {
  return uri.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:)([^@\s]+)(@)/i, '$1••••••$3');
}

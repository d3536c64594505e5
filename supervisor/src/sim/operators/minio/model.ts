import type { KubeObject } from '../../../api/types';
import { arr, bool, num, rec, spec, str } from '../kit/objects';
import { parseQuantity } from '../../../util/quantity';

/**
 * The MinIO operator's view of a Tenant and its provisioning sequence
 * (`pkg/controller/main-controller.go`): TLS certificate, the `minio` S3 service, the console
 * service, the headless service, one StatefulSet per pool, waiting for the servers, initial
 * users and buckets, then "Initialized"; plus the health and capacity figures it reports.
 */
export const MINIO_LABELS = { tenant: 'v1.min.io/tenant', pool: 'v1.min.io/pool', console: 'v1.min.io/console' } as const;

export interface PoolView {
  name: string;
  ssName: string;
  servers: number;
  volumesPerServer: number;
  volumeBytes: number;
  claim: Record<string, unknown>;
  resources: Record<string, unknown>;
}

export interface TenantView {
  name: string;
  image: string;
  autoCert: boolean;
  configuration: string;
  pools: PoolView[];
  users: number;
  buckets: number;
}

export function tenantView(t: KubeObject, defaultImage: string): TenantView {
  const s = spec(t);
  const name = t.metadata.name ?? '';
  const pools = arr(s.pools).map(rec).map((p, i): PoolView => {
    const pool = str(p.name, `pool-${i}`);
    const claim = rec(rec(p.volumeClaimTemplate).spec);
    return {
      name: pool,
      ssName: `${name}-${pool}`,
      servers: Math.max(1, num(p.servers, 4)),
      volumesPerServer: Math.max(1, num(p.volumesPerServer, 1)),
      volumeBytes: parseQuantity(rec(rec(claim.resources).requests).storage) ?? 0,
      claim,
      resources: rec(p.resources),
    };
  });
  return {
    name,
    image: str(s.image, defaultImage),
    autoCert: bool(s.requestAutoCert, true),
    configuration: str(rec(s.configuration).name),
    pools,
    users: arr(s.users).length,
    buckets: arr(s.buckets).length,
  };
}

export interface Observed {
  tlsSecret: boolean;
  services: Set<string>;
  statefulsets: Set<string>;
  readyPods: Map<string, number>;
  provisionedUsers: boolean;
  provisionedBuckets: boolean;
}

export type TenantStep =
  | { kind: 'tls' | 'svc-minio' | 'svc-console' | 'svc-hl' | 'users' | 'buckets' | 'none' }
  | { kind: 'pool'; pool: PoolView };

export function tenantStep(v: TenantView, o: Observed): { step: TenantStep; state: string } {
  if (v.autoCert && !o.tlsSecret) return { step: { kind: 'tls' }, state: 'Waiting for MinIO TLS Certificate' };
  if (!o.services.has('minio')) return { step: { kind: 'svc-minio' }, state: 'Provisioning MinIO Cluster IP Service' };
  if (!o.services.has(`${v.name}-console`)) return { step: { kind: 'svc-console' }, state: 'Provisioning Console Service' };
  if (!o.services.has(`${v.name}-hl`)) return { step: { kind: 'svc-hl' }, state: 'Provisioning MinIO Headless Service' };
  const pool = v.pools.find((p) => !o.statefulsets.has(p.ssName));
  if (pool) return { step: { kind: 'pool', pool }, state: 'Provisioning MinIO Statefulset' };
  if (v.pools.some((p) => (o.readyPods.get(p.ssName) ?? 0) < p.servers)) return { step: { kind: 'none' }, state: 'Waiting for Tenant to be healthy' };
  if (v.users > 0 && !o.provisionedUsers) return { step: { kind: 'users' }, state: 'Provisioning initial users' };
  if (v.buckets > 0 && !o.provisionedBuckets) return { step: { kind: 'buckets' }, state: 'Provisioning default buckets' };
  return { step: { kind: 'none' }, state: 'Initialized' };
}

/** MinIO's default erasure-code parity for a set of drives, and the resulting write quorum. */
export function parityFor(drives: number): number {
  if (drives >= 8) return 4;
  if (drives >= 6) return 3;
  if (drives >= 4) return 2;
  return drives >= 2 ? 1 : 0;
}

export function writeQuorum(drives: number): number {
  const parity = parityFor(drives);
  const data = drives - parity;
  return data === parity ? data + 1 : data;
}

export function health(v: TenantView, o: Observed): { status: 'green' | 'yellow' | 'red'; message?: string; online: number; offline: number } {
  let online = 0;
  let total = 0;
  for (const p of v.pools) {
    online += Math.min(o.readyPods.get(p.ssName) ?? 0, p.servers) * p.volumesPerServer;
    total += p.servers * p.volumesPerServer;
  }
  const offline = total - online;
  if (offline === 0 && total > 0) return { status: 'green', online, offline };
  if (online >= writeQuorum(total) && online > 0) return { status: 'yellow', message: `${offline} drives are offline`, online, offline };
  return { status: 'red', message: online === 0 ? 'Service Unavailable' : `${offline} drives are offline, write quorum not met`, online, offline };
}

export function usage(v: TenantView): { capacity: number; rawCapacity: number; usage: number; rawUsage: number } {
  let raw = 0;
  let usable = 0;
  for (const p of v.pools) {
    const drives = p.servers * p.volumesPerServer;
    raw += drives * p.volumeBytes;
    usable += drives > 0 ? ((drives - parityFor(drives)) / drives) * drives * p.volumeBytes : 0;
  }
  return { capacity: Math.floor(usable), rawCapacity: raw, usage: 0, rawUsage: 0 };
}

import type { KubeObject } from '../../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../../controllers/controller-context';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { startControllerLoop, type ReconcileResult } from '../kit/controller-loop';
import { ensureCreated, writeStatus } from '../kit/ensure';
import { controllerRef, hasOwnerRef } from '../../../controllers/kit/owner-refs';
import { bool, isDeleting, isPodReady, labels, nameOf, status } from '../kit/objects';
import { Pending, issue, type Pem } from '../kit/tls';
import { MINIO_GROUP, MINIO_V2 } from './crd';
import { MINIO_LABELS, health, tenantStep, tenantView, usage, writeQuorum, type Observed, type TenantView } from './model';
import { poolStatefulSet, tenantDnsNames, tenantServices, tlsSecret } from './resources';
import { MINIO_IMAGE, MINIO_OPERATOR_VERSION } from './service';

/**
 * The MinIO operator: provisions a Tenant step by step (TLS, services, one StatefulSet per
 * pool, initial users and buckets) with the operator's events, and reports its state, health,
 * drives, write quorum and capacity. Children are owned by the Tenant and go with it.
 */
const MANAGER = 'minio-operator';

interface Ctx {
  client: SystemClient;
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  tls: Pending<{ ca: Pem; leaf: Pem }>;
}

function observe(c: Ctx, t: KubeObject, v: TenantView): Observed {
  const ns = t.metadata.namespace ?? '';
  const sel = `${MINIO_LABELS.tenant}=${v.name}`;
  const readyPods = new Map<string, number>();
  for (const pod of c.client.list('v1', 'pods', ns, sel)) {
    if (!isPodReady(pod)) continue;
    const ss = `${v.name}-${labels(pod)[MINIO_LABELS.pool] ?? ''}`;
    readyPods.set(ss, (readyPods.get(ss) ?? 0) + 1);
  }
  const st = status(t);
  return {
    tlsSecret: !!c.client.get('v1', 'secrets', ns, `${v.name}-tls`),
    services: new Set(c.client.list('v1', 'services', ns, sel).filter((s) => hasOwnerRef(s, t)).map(nameOf)),
    statefulsets: new Set(c.client.list('apps/v1', 'statefulsets', ns, sel).filter((s) => hasOwnerRef(s, t)).map(nameOf)),
    readyPods,
    provisionedUsers: bool(st.provisionedUsers),
    provisionedBuckets: bool(st.provisionedBuckets),
  };
}

function reconcile(c: Ctx, namespace: string, name: string): ReconcileResult | void {
  if (!c.client.has(MINIO_V2, 'tenants')) return { requeueAfter: 2_000 };
  const t = c.client.get(MINIO_V2, 'tenants', namespace, name);
  if (!t || isDeleting(t)) return;
  const v = tenantView(t, MINIO_IMAGE);
  ensureCreated(c.client, 'v1', 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `${v.name}-sa`, namespace, labels: { [MINIO_LABELS.tenant]: v.name }, ownerReferences: [controllerRef(t)] } });
  const o = observe(c, t, v);
  const { step, state } = tenantStep(v, o);
  const svcs = tenantServices(t, v);
  let { provisionedUsers, provisionedBuckets } = o;
  switch (step.kind) {
    case 'tls': {
      const made = c.tls.take(t.metadata.uid ?? name, async () => {
        const r = await issue(`CN=${v.name}-ca,O=system:nodes`, 365, [{ commonName: `system:node:*.${v.name}-hl.${namespace}.svc.cluster.local`, dnsNames: tenantDnsNames(t, v), usage: 'server' }]);
        return { ca: r.ca, leaf: r.leaves[0]! };
      });
      if (made) ensureCreated(c.client, 'v1', 'secrets', tlsSecret(t, v, made.ca, made.leaf));
      break;
    }
    case 'svc-minio':
      if (ensureCreated(c.client, 'v1', 'services', svcs.minio).created) c.record(t, 'Normal', 'SvcCreated', 'MinIO Service Created');
      break;
    case 'svc-console':
      if (ensureCreated(c.client, 'v1', 'services', svcs.console).created) c.record(t, 'Normal', 'SvcCreated', 'Console Service Created');
      break;
    case 'svc-hl':
      if (ensureCreated(c.client, 'v1', 'services', svcs.hl).created) c.record(t, 'Normal', 'SvcCreated', 'Headless Service created');
      break;
    case 'pool':
      if (ensureCreated(c.client, 'apps/v1', 'statefulsets', poolStatefulSet(t, v, step.pool)).created) c.record(t, 'Normal', 'PoolCreated', `Tenant pool ${step.pool.name} created`);
      break;
    case 'users':
      provisionedUsers = true;
      c.record(t, 'Normal', 'UsersCreated', 'Users created');
      break;
    case 'buckets':
      provisionedBuckets = true;
      c.record(t, 'Normal', 'BucketsCreated', 'Buckets created');
      break;
    case 'none':
      break;
  }
  const h = health(v, o);
  const initialized = state === 'Initialized';
  const next: Record<string, unknown> = {
    currentState: state,
    availableReplicas: [...o.readyPods.values()].reduce((a, b) => a + b, 0),
    revision: 0,
    syncVersion: `v${MINIO_OPERATOR_VERSION}`,
    certificates: { autoCertEnabled: v.autoCert },
    pools: v.pools.map((p) => ({ ssName: p.ssName, state: !o.statefulsets.has(p.ssName) ? 'PoolNotCreated' : initialized ? 'PoolInitialized' : 'PoolCreated' })),
    writeQuorum: writeQuorum(v.pools.reduce((n, p) => n + p.servers * p.volumesPerServer, 0)),
    drivesOnline: h.online,
    drivesOffline: h.offline,
    drivesHealing: 0,
    healthStatus: h.status,
    ...(h.message ? { healthMessage: h.message } : {}),
    usage: usage(v),
    ...(provisionedUsers ? { provisionedUsers } : {}),
    ...(provisionedBuckets ? { provisionedBuckets } : {}),
  };
  writeStatus(c.client, MINIO_V2, 'tenants', c.client.get(MINIO_V2, 'tenants', namespace, name) ?? t, next);
  return step.kind === 'none' ? undefined : { requeueAfter: 2_000 };
}

export function startMinioController(ctx: ControllerContext): void {
  const recorder = recorderFor(ctx, MANAGER);
  const c: Ctx = {
    client: clientFor(ctx, MANAGER),
    record: (o, t, r, m) => recorder.record(o, t, r, m),
    tls: new Pending(() => loop.resync()),
  };
  const loop = startControllerLoop(ctx, {
    name: 'minio-operator',
    table: `${MINIO_GROUP}/tenants`,
    ownerKind: 'Tenant',
    ownerGroup: MINIO_GROUP,
    childTables: ['apps/statefulsets', 'core/services', 'core/secrets', 'core/pods'],
    mapChild: (obj) => {
      const tenant = labels(obj)[MINIO_LABELS.tenant];
      return tenant && obj.kind === 'Pod' ? [{ namespace: obj.metadata.namespace ?? '', name: tenant }] : [];
    },
    reconcile: (ns, name) => reconcile(c, ns, name),
  });
}

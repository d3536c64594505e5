import { X509Certificate } from 'node:crypto';
import type { KubeObject } from '../../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../../controllers/controller-context';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { microTimestamp, timestamp } from '../../../core/metadata';
import { startControllerLoop, type ReconcileResult } from '../kit/controller-loop';
import { deleteIfExists, ensureCreated, ensureApplied, isApiError, writeStatus } from '../kit/ensure';
import { hasOwnerRef } from '../../../controllers/kit/owner-refs';
import { fromB64, isDeleting, rec, spec, status, str } from '../kit/objects';
import { Pending } from '../kit/tls';
import { CNPG_GROUP, CNPG_V1 } from './crd';
import { nextAction, type Action } from './decide';
import { L, clusterView, instanceName, type ClusterView } from './model';
import { bootstrapJob, clusterServices, disruptionBudgets, instancePod, instancePvc, serviceAccount } from './resources';
import { certificatesStatus, generatePki, password, tlsSecrets, userSecret, type ClusterPki } from './secrets';
import { clusterStatus } from './status';

/**
 * The CloudNativePG operator: reconciles `postgresql.cnpg.io/v1` Clusters into Secrets,
 * Services, PVCs, bootstrap Jobs and instance Pods through the API, one step per pass (see
 * decide.ts), and reports status and Events as the real operator does. Children carry
 * controller owner references, so deleting a Cluster lets the garbage collector remove them
 * (CloudNativePG puts no finalizer on Clusters).
 */
const MANAGER = 'cloudnative-pg';
const STEP_MS = 2_000;

interface Ctx {
  client: SystemClient;
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  pki: Pending<ClusterPki>;
}

function owned(objs: KubeObject[], cluster: KubeObject): KubeObject[] {
  return objs.filter((o) => hasOwnerRef(o, cluster));
}

function ensureTls(c: Ctx, cluster: KubeObject, altNames: string[]): Record<string, Date> | undefined {
  const name = cluster.metadata.name ?? '';
  const ns = cluster.metadata.namespace ?? '';
  const names = [`${name}-ca`, `${name}-server`, `${name}-replication`];
  const existing = names.map((n) => c.client.get('v1', 'secrets', ns, n));
  if (existing.every(Boolean)) {
    const expiry: Record<string, Date> = {};
    for (const s of existing) {
      const data = rec(s!.data);
      const pem = fromB64(data['tls.crt'] ?? data['ca.crt']);
      try {
        expiry[s!.metadata.name ?? ''] = new Date(new X509Certificate(pem).validTo);
      } catch {
        // A user-supplied secret without a parsable certificate has no known expiry.
      }
    }
    return expiry;
  }
  const pki = c.pki.take(cluster.metadata.uid ?? name, () => generatePki(name, ns, altNames));
  if (!pki) return undefined;
  for (const s of tlsSecrets(cluster, pki)) ensureCreated(c.client, 'v1', 'secrets', s);
  return { [`${name}-ca`]: pki.ca.notAfter, [`${name}-server`]: pki.server.notAfter, [`${name}-replication`]: pki.replication.notAfter };
}

function ensureUserSecrets(c: Ctx, cluster: KubeObject, view: ClusterView): void {
  const s = spec(cluster);
  const ns = cluster.metadata.namespace ?? '';
  if (!rec(rec(rec(s.bootstrap).initdb).secret).name) ensureCreated(c.client, 'v1', 'secrets', userSecret(cluster, view.spec, 'app', password()));
  const superuser = `${view.name}-superuser`;
  if (view.spec.enableSuperuserAccess && !rec(s.superuserSecret).name) {
    ensureCreated(c.client, 'v1', 'secrets', userSecret(cluster, view.spec, 'superuser', password()));
  } else if (!view.spec.enableSuperuserAccess) {
    const existing = c.client.get('v1', 'secrets', ns, superuser);
    if (existing && hasOwnerRef(existing, cluster)) deleteIfExists(c.client, 'v1', 'secrets', ns, superuser);
  }
}

function secretVersions(c: Ctx, cluster: KubeObject): Record<string, string> {
  const name = cluster.metadata.name ?? '';
  const ns = cluster.metadata.namespace ?? '';
  const rv = (n: string): string | undefined => c.client.get('v1', 'secrets', ns, n)?.metadata.resourceVersion;
  const out: Record<string, string | undefined> = {
    superuserSecretVersion: rv(`${name}-superuser`),
    replicationSecretVersion: rv(`${name}-replication`),
    applicationSecretVersion: rv(`${name}-app`),
    clientCaSecretVersion: rv(`${name}-ca`),
    serverCaSecretVersion: rv(`${name}-ca`),
    serverSecretVersion: rv(`${name}-server`),
  };
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => !!e[1]));
}

function createChild(c: Ctx, cluster: KubeObject, apiVersion: string, plural: string, obj: KubeObject): void {
  try {
    ensureCreated(c.client, apiVersion, plural, obj);
  } catch (e) {
    if (!isApiError(e, 403) && !isApiError(e, 422)) throw e;
    c.record(cluster, 'Warning', 'FailedCreate', `Error creating ${obj.kind} ${obj.metadata.name}: ${e.message}`);
  }
}

/** Executes one decision; returns the status fields it changes. */
function execute(c: Ctx, cluster: KubeObject, view: ClusterView, action: Action, now: string): Record<string, unknown> {
  const ns = view.namespace;
  switch (action.kind) {
    case 'create-primary': {
      const name = instanceName(view.name, action.serial);
      createChild(c, cluster, 'v1', 'persistentvolumeclaims', instancePvc(cluster, view.spec, name, action.serial));
      c.record(cluster, 'Normal', 'CreatingInstance', 'Primary instance (initdb)');
      createChild(c, cluster, 'batch/v1', 'jobs', bootstrapJob(cluster, view.spec, name, 'initdb'));
      return { latestGeneratedNode: action.serial, targetPrimary: name, targetPrimaryTimestamp: now };
    }
    case 'create-replica': {
      const name = instanceName(view.name, action.serial);
      c.record(cluster, 'Normal', 'CreatingInstance', `Creating instance ${name}`);
      createChild(c, cluster, 'batch/v1', 'jobs', bootstrapJob(cluster, view.spec, name, 'join'));
      createChild(c, cluster, 'v1', 'persistentvolumeclaims', instancePvc(cluster, view.spec, name, action.serial));
      return { latestGeneratedNode: action.serial };
    }
    case 'pvc-ready':
      c.client.patch('v1', 'persistentvolumeclaims', ns, action.instance, { metadata: { annotations: { [L.pvcStatus]: 'ready' } } });
      return {};
    case 'create-pod': {
      const inst = view.instances.find((i) => i.name === action.instance)!;
      createChild(c, cluster, 'v1', 'pods', instancePod(cluster, view.spec, inst.name, inst.serial, action.role));
      return {};
    }
    case 'delete-pod':
      deleteIfExists(c.client, 'v1', 'pods', ns, action.instance);
      return {};
    case 'relabel':
      c.client.patch('v1', 'pods', ns, action.instance, { metadata: { labels: { [L.instanceRole]: action.role, [L.legacyRole]: action.role } } });
      return {};
    case 'promote':
      return { currentPrimary: action.instance, currentPrimaryTimestamp: now };
    case 'failover':
      c.record(cluster, 'Normal', 'FailingOver', `Current primary isn't healthy, initiating a failover to ${action.to}`);
      return { targetPrimary: action.to, targetPrimaryTimestamp: now };
    case 'scale-down': {
      c.record(cluster, 'Normal', 'ScaleDown', `Scaling down: removing instance ${action.instance}`);
      deleteIfExists(c.client, 'v1', 'pods', ns, action.instance);
      deleteIfExists(c.client, 'v1', 'persistentvolumeclaims', ns, action.instance);
      for (const job of c.client.list('batch/v1', 'jobs', ns, `${L.instanceName}=${action.instance}`)) deleteIfExists(c.client, 'batch/v1', 'jobs', ns, job.metadata.name ?? '');
      return {};
    }
    case 'upgrade-pod':
      c.record(cluster, 'Normal', 'UpgradingInstance', `Upgrading instance ${action.instance}`);
      deleteIfExists(c.client, 'v1', 'pods', ns, action.instance);
      return {};
    case 'none':
      return {};
  }
}

function reconcile(c: Ctx, namespace: string, name: string): ReconcileResult | void {
  if (!c.client.has(CNPG_V1, 'clusters')) return { requeueAfter: STEP_MS };
  const cluster = c.client.get(CNPG_V1, 'clusters', namespace, name);
  if (!cluster || isDeleting(cluster)) return;
  const selector = `${L.cluster}=${name}`;
  const pvcs = owned(c.client.list('v1', 'persistentvolumeclaims', namespace, selector), cluster);
  const jobs = owned(c.client.list('batch/v1', 'jobs', namespace, selector), cluster);
  const pods = owned(c.client.list('v1', 'pods', namespace, selector), cluster);
  const view = clusterView(cluster, pvcs, jobs, pods);

  ensureCreated(c.client, 'v1', 'serviceaccounts', serviceAccount(cluster));
  for (const svc of clusterServices(cluster)) ensureCreated(c.client, 'v1', 'services', svc);
  for (const pdb of view.spec.enablePDB ? disruptionBudgets(cluster, view.spec.instances) : []) ensureApplied(c.client, 'policy/v1', 'poddisruptionbudgets', pdb, ['spec']);
  if (view.spec.instances <= 2) deleteIfExists(c.client, 'policy/v1', 'poddisruptionbudgets', namespace, name);
  const expiry = ensureTls(c, cluster, view.spec.serverAltDNSNames);
  if (!expiry) return; // certificates are being generated; their completion enqueues this cluster
  ensureUserSecrets(c, cluster, view);

  const decision = nextAction(view);
  const now = microTimestamp(new Date());
  const changes = execute(c, cluster, view, decision.action, now);
  const previous = { ...status(cluster), ...changes };
  const updatedView: ClusterView = {
    ...view,
    latestGeneratedNode: Number(previous.latestGeneratedNode ?? view.latestGeneratedNode),
    currentPrimary: str(previous.currentPrimary),
    targetPrimary: str(previous.targetPrimary),
  };
  const next = clusterStatus({
    view: updatedView,
    decision,
    previous,
    now: timestamp(new Date()),
    generation: cluster.metadata.generation ?? 1,
    certificates: certificatesStatus(name, view.spec.serverAltDNSNames, expiry),
    secretsResourceVersion: secretVersions(c, cluster),
    jobCount: jobs.length,
    systemID: str(status(cluster).systemID) || systemId(),
  });
  writeStatus(c.client, CNPG_V1, 'clusters', c.client.get(CNPG_V1, 'clusters', namespace, name) ?? cluster, next);
  return decision.action.kind === 'none' ? undefined : { requeueAfter: STEP_MS };
}

function systemId(): string {
  return `7${String(Math.floor(Date.now() / 1000)).padStart(10, '0')}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export function startCnpgController(ctx: ControllerContext): void {
  const recorder = recorderFor(ctx, MANAGER);
  const c: Ctx = {
    client: clientFor(ctx, MANAGER),
    record: (obj, type, reason, message) => recorder.record(obj, type, reason, message),
    pki: new Pending<ClusterPki>(() => loop.resync()),
  };
  const loop = startControllerLoop(ctx, {
    name: 'cnpg-controller',
    table: `${CNPG_GROUP}/clusters`,
    ownerKind: 'Cluster',
    ownerGroup: CNPG_GROUP,
    childTables: ['core/pods', 'core/persistentvolumeclaims', 'batch/jobs', 'core/secrets', 'core/services'],
    reconcile: (ns, name) => reconcile(c, ns, name),
  });
}

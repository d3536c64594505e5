import type { KubeObject } from '../../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../../controllers/controller-context';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { timestamp } from '../../../core/metadata';
import { startControllerLoop, type ReconcileResult } from '../kit/controller-loop';
import { deleteIfExists, ensureCreated, ensureApplied, writeStatus } from '../kit/ensure';
import { hasOwnerRef } from '../../../controllers/kit/owner-refs';
import { isDeleting, labels, nameOf, status, str } from '../kit/objects';
import { CASS_GROUP, CASS_V1BETA1 } from './crd';
import { nextCassAction, START_MS, type CassAction } from './decide';
import { CL, FINALIZER, dcSpecView, rackViews, stsName, type DcSpecView, type RackView } from './model';
import { dcServices, disruptionBudget, rackStatefulSet, superuserSecret } from './resources';
import { datacenterStatus } from './status';

/**
 * cass-operator: reconciles `cassandra.datastax.com/v1beta1` CassandraDatacenters into Services,
 * the superuser Secret, per-rack StatefulSets and a PodDisruptionBudget, then drives each server
 * pod through start-up by labelling it (as the operator does after calling the management API),
 * reports progress and conditions, and on deletion removes the data PVCs before releasing its
 * finalizer.
 */
const MANAGER = 'cass-operator';
const STEP_MS = 2_000;

interface Ctx {
  client: SystemClient;
  record(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** Real-time starts of node start-up / decommission, by pod (lost on restart; status backs starts). */
  starts: Map<string, number>;
  decommissions: Map<string, number>;
}

function dataPvcs(c: Ctx, dc: KubeObject, s: DcSpecView): KubeObject[] {
  return c.client.list('v1', 'persistentvolumeclaims', dc.metadata.namespace ?? '', `${CL.cluster}=${s.clusterResource},${CL.datacenter}=${s.dc}`);
}

function finalize(c: Ctx, dc: KubeObject, s: DcSpecView): void {
  if (!(dc.metadata.finalizers ?? []).includes(FINALIZER)) return;
  for (const pvc of dataPvcs(c, dc, s)) {
    if (isDeleting(pvc)) continue;
    deleteIfExists(c.client, 'v1', 'persistentvolumeclaims', pvc.metadata.namespace ?? '', nameOf(pvc));
    c.record(dc, 'Normal', 'DeletedPvc', `Deleted PVC ${nameOf(pvc)}`);
  }
  const fresh = c.client.get(CASS_V1BETA1, 'cassandradatacenters', dc.metadata.namespace ?? '', nameOf(dc));
  if (!fresh) return;
  c.client.update(CASS_V1BETA1, 'cassandradatacenters', { ...fresh, metadata: { ...fresh.metadata, finalizers: (fresh.metadata.finalizers ?? []).filter((f) => f !== FINALIZER) } });
}

function ensureBase(c: Ctx, dc: KubeObject, s: DcSpecView): void {
  for (const svc of dcServices(dc, s)) {
    if (ensureCreated(c.client, 'v1', 'services', svc).created) c.record(dc, 'Normal', 'CreatedResource', `Created service ${nameOf(svc)}`);
  }
  const secret = superuserSecret(dc, s);
  if (!c.client.get('v1', 'secrets', dc.metadata.namespace ?? '', s.superuserSecretName)) ensureCreated(c.client, 'v1', 'secrets', secret);
  ensureApplied(c.client, 'policy/v1', 'poddisruptionbudgets', disruptionBudget(dc, s), ['spec']);
}

function labelPod(c: Ctx, pod: KubeObject, patch: Record<string, string | null>): void {
  c.client.patch('v1', 'pods', pod.metadata.namespace ?? '', nameOf(pod), { metadata: { labels: patch } });
}

/** Executes one step; returns the new `lastServerNodeStarted` when a node was started. */
function execute(c: Ctx, dc: KubeObject, s: DcSpecView, racks: RackView[], a: CassAction, now: string): string | undefined {
  const ns = dc.metadata.namespace ?? '';
  switch (a.kind) {
    case 'create-sts': {
      const rack = racks.find((r) => r.name === a.rack)!;
      ensureCreated(c.client, 'apps/v1', 'statefulsets', rackStatefulSet(dc, s, a.rack, rack.desired));
      c.record(dc, 'Normal', 'CreatedResource', `Created statefulset ${stsName(s, a.rack)}`);
      if (rack.desired > 0) c.record(dc, 'Normal', 'ScalingUpRack', `Scaling up rack ${a.rack}`);
      return undefined;
    }
    case 'scale-sts':
      if (a.reason === 'stop') c.record(dc, 'Normal', 'StoppingDatacenter', 'Stopping datacenter');
      else c.record(dc, 'Normal', 'ScalingUpRack', `Scaling up rack ${a.rack}`);
      c.client.patch('apps/v1', 'statefulsets', ns, stsName(s, a.rack), { spec: { replicas: a.replicas } });
      return undefined;
    case 'finish-start':
      c.starts.delete(a.node.name);
      labelPod(c, a.node.pod, { [CL.nodeState]: 'Started' });
      c.record(dc, 'Normal', 'StartedCassandra', `Started Cassandra for pod ${a.node.name}`);
      return undefined;
    case 'start':
      if (a.seed) {
        labelPod(c, a.node.pod, { [CL.seed]: 'true' });
        c.record(dc, 'Normal', 'LabeledPodAsSeed', `Labeled pod a seed node ${a.node.name}`);
      }
      c.starts.set(a.node.name, Date.now());
      labelPod(c, a.node.pod, { [CL.nodeState]: 'Starting' });
      c.record(dc, 'Normal', 'StartingCassandra', `Starting Cassandra for pod ${a.node.name}`);
      return now;
    case 'seed-label':
      labelPod(c, a.node.pod, { [CL.seed]: a.seed ? 'true' : null });
      if (a.seed) c.record(dc, 'Normal', 'LabeledPodAsSeed', `Labeled as seed node pod ${a.node.name}`);
      else c.record(dc, 'Normal', 'UnlabeledPodAsSeed', `Unlabled as seed node pod ${a.node.name}`);
      return undefined;
    case 'decommission':
      c.decommissions.set(a.node.name, Date.now());
      c.record(dc, 'Normal', 'ScalingDownRack', `Scaling down rack ${a.node.rack}`);
      labelPod(c, a.node.pod, { [CL.nodeState]: 'Decommissioning' });
      c.record(dc, 'Normal', 'LabeledPodAsDecommissioning', `Labeled node as decommissioning ${a.node.name}`);
      return undefined;
    case 'finish-decommission':
      c.decommissions.delete(a.pod);
      c.client.patch('apps/v1', 'statefulsets', ns, stsName(s, a.rack), { spec: { replicas: a.replicas } });
      if (deleteIfExists(c.client, 'v1', 'persistentvolumeclaims', ns, `server-data-${a.pod}`)) c.record(dc, 'Normal', 'DeletedPvc', `Deleted PVC server-data-${a.pod}`);
      return undefined;
    case 'wait':
    case 'none':
      return undefined;
  }
}

function reconcile(c: Ctx, ctx: ControllerContext, namespace: string, name: string): ReconcileResult | void {
  if (!c.client.has(CASS_V1BETA1, 'cassandradatacenters')) return { requeueAfter: STEP_MS };
  const dc = c.client.get(CASS_V1BETA1, 'cassandradatacenters', namespace, name);
  if (!dc) return;
  const s = dcSpecView(dc);
  if (isDeleting(dc)) return finalize(c, dc, s);
  if (!(dc.metadata.finalizers ?? []).includes(FINALIZER)) {
    // The update is itself an event that brings the datacenter back here.
    c.client.update(CASS_V1BETA1, 'cassandradatacenters', { ...dc, metadata: { ...dc.metadata, finalizers: [...(dc.metadata.finalizers ?? []), FINALIZER] } });
    return;
  }
  ensureBase(c, dc, s);
  const sel = `${CL.cluster}=${s.clusterResource},${CL.datacenter}=${s.dc}`;
  const statefulsets = c.client.list('apps/v1', 'statefulsets', namespace, sel).filter((x) => hasOwnerRef(x, dc));
  const pods = c.client.list('v1', 'pods', namespace, sel);
  const racks = rackViews(s, statefulsets, pods);
  const lastStarted = str(status(dc).lastServerNodeStarted);
  const nowMs = Date.now();
  // Durations are simulated: real time elapsed since a step began, multiplied by the time scale.
  const simulatedSince = (realMs: number): number => nowMs - (nowMs - realMs) * ctx.clock.scale;
  const startingNode = racks.flatMap((r) => r.nodes).find((n) => n.state === 'Starting');
  const startedAt = startingNode ? (c.starts.get(startingNode.name) ?? (lastStarted ? Date.parse(lastStarted) : nowMs)) : undefined;
  const action = nextCassAction({
    spec: s,
    racks,
    now: nowMs,
    lastServerNodeStarted: startedAt === undefined ? undefined : simulatedSince(startedAt),
    decommissionStarted: (pod) => simulatedSince(c.decommissions.get(pod) ?? nowMs),
  });
  const now = timestamp(new Date(nowMs));
  const started = execute(c, dc, s, racks, action, now);
  const fresh = c.client.get(CASS_V1BETA1, 'cassandradatacenters', namespace, name) ?? dc;
  const next = datacenterStatus({ spec: s, racks: rackViews(s, statefulsets, c.client.list('v1', 'pods', namespace, sel)), previous: status(fresh), now, generation: fresh.metadata.generation ?? 1, lastServerNodeStarted: started });
  writeStatus(c.client, CASS_V1BETA1, 'cassandradatacenters', fresh, next);
  if (action.kind === 'wait') return { requeueAfter: action.after };
  if (action.kind === 'start') return { requeueAfter: START_MS };
  return action.kind === 'none' ? undefined : { requeueAfter: STEP_MS };
}

export function startCassandraController(ctx: ControllerContext): void {
  const recorder = recorderFor(ctx, MANAGER);
  const c: Ctx = { client: clientFor(ctx, MANAGER), record: (o, t, r, m) => recorder.record(o, t, r, m), starts: new Map(), decommissions: new Map() };
  startControllerLoop(ctx, {
    name: 'cass-operator',
    table: `${CASS_GROUP}/cassandradatacenters`,
    ownerKind: 'CassandraDatacenter',
    ownerGroup: CASS_GROUP,
    childTables: ['apps/statefulsets', 'core/pods', 'core/services', 'core/persistentvolumeclaims'],
    // Server pods belong to the StatefulSets; they name their datacenter in a label.
    mapChild: (obj) => {
      const dc = labels(obj)[CL.datacenter];
      return dc && labels(obj)[CL.rack] !== undefined && obj.kind === 'Pod' ? [{ namespace: obj.metadata.namespace ?? '', name: dc }] : [];
    },
    reconcile: (ns, name) => reconcile(c, ctx, ns, name),
  });
}

import type { KubeObject } from '../../../api/types';
import { setCondition, type Condition } from '../kit/conditions';
import { arr, isPodReady, podIP, rec, spec, str } from '../kit/objects';
import { PHASE, type Decision } from './decide';
import { CNPG_VERSION, type ClusterView } from './model';

/**
 * `Cluster.status` as CloudNativePG reports it, from the instances and the reconcile decision:
 * counts, instance names and health, primaries, services, PVC bookkeeping, the phase and the
 * Ready condition derived from it ("Cluster is Ready" / "Cluster Is Not Ready"), certificates and
 * the resource versions of the secrets the instance manager reloads.
 */
export interface StatusInputs {
  view: ClusterView;
  decision: Decision;
  previous: Record<string, unknown>;
  now: string;
  generation: number;
  certificates: Record<string, unknown>;
  secretsResourceVersion: Record<string, string>;
  jobCount: number;
  systemID: string;
}

const COMMIT = 'dcc4b4a5';

export function readyCondition(phase: string): Condition {
  return phase === PHASE.healthy
    ? { type: 'Ready', status: 'True', reason: 'ClusterIsReady', message: 'Cluster is Ready' }
    : { type: 'Ready', status: 'False', reason: 'ClusterIsNotReady', message: 'Cluster Is Not Ready' };
}

function majorVersion(image: string): number {
  const m = /:(\d+)/.exec(image);
  return m ? Number(m[1]) : 17;
}

export function clusterStatus(i: StatusInputs): Record<string, unknown> {
  const { view, decision, previous, now } = i;
  const instances = view.instances;
  const pods = instances.filter((x) => x.pod).map((x) => x.pod!) as KubeObject[];
  const healthy = instances.filter((x) => x.ready).map((x) => x.name);
  const failed = instances.filter((x) => x.pod && !x.ready).map((x) => x.name);
  const instancesStatus: Record<string, string[]> = {};
  if (healthy.length) instancesStatus.healthy = healthy;
  if (failed.length) instancesStatus.failed = failed;

  const initializingPVC = instances.filter((x) => x.pvc && x.pvcStatus === 'initializing').map((x) => x.name);
  const danglingPVC = instances.filter((x) => x.pvc && x.pvcStatus === 'ready' && !x.pod).map((x) => x.name);
  const healthyPVC = instances.filter((x) => x.pvc && x.pvcStatus === 'ready' && x.pod).map((x) => x.name);

  let conditions = (arr(previous.conditions) as Condition[]).filter((c) => typeof c?.type === 'string');
  conditions = setCondition(conditions, { ...readyCondition(decision.phase), observedGeneration: i.generation }, now);
  if (view.spec.backupConfigured && view.currentPrimary && healthy.includes(view.currentPrimary)) {
    conditions = setCondition(conditions, { type: 'ContinuousArchiving', status: 'True', reason: 'ContinuousArchivingSuccess', message: 'Continuous archiving is working' }, now);
  }

  const reported: Record<string, unknown> = {};
  const topology: Record<string, unknown> = {};
  const nodes = new Set<string>();
  for (const pod of pods) {
    const name = pod.metadata.name ?? '';
    topology[name] = {};
    const node = str(spec(pod).nodeName);
    if (node) nodes.add(node);
    if (isPodReady(pod)) reported[name] = { isPrimary: name === view.currentPrimary, timeLineID: 1, ip: podIP(pod) };
  }

  const out: Record<string, unknown> = {
    instances: instances.length,
    readyInstances: healthy.length,
    instanceNames: instances.map((x) => x.name),
    latestGeneratedNode: view.latestGeneratedNode,
    writeService: `${view.name}-rw`,
    readService: `${view.name}-r`,
    phase: decision.phase,
    conditions,
    certificates: i.certificates,
    secretsResourceVersion: i.secretsResourceVersion,
    configMapResourceVersion: { metrics: { 'cnpg-default-monitoring': '' } },
    image: view.spec.imageName,
    pgDataImageInfo: { image: view.spec.imageName, majorVersion: majorVersion(view.spec.imageName) },
    cloudNativePGCommitHash: COMMIT,
    cloudNativePGOperatorHash: `${COMMIT}${CNPG_VERSION.replace(/\./g, '')}`,
    pvcCount: instances.filter((x) => x.pvc).length,
    jobCount: i.jobCount,
    managedRolesStatus: {},
    switchReplicaClusterStatus: {},
    topology: { instances: topology, nodesUsed: nodes.size, successfullyExtracted: true },
  };
  if (decision.phaseReason) out.phaseReason = decision.phaseReason;
  if (Object.keys(instancesStatus).length) out.instancesStatus = instancesStatus;
  if (Object.keys(reported).length) out.instancesReportedState = reported;
  if (initializingPVC.length) out.initializingPVC = initializingPVC;
  if (danglingPVC.length) out.danglingPVC = danglingPVC;
  if (healthyPVC.length) out.healthyPVC = healthyPVC;
  if (view.currentPrimary) {
    out.currentPrimary = view.currentPrimary;
    out.currentPrimaryTimestamp = str(previous.currentPrimaryTimestamp, now);
    out.timelineID = 1;
    out.systemID = i.systemID;
  }
  if (view.targetPrimary) {
    out.targetPrimary = view.targetPrimary;
    out.targetPrimaryTimestamp = str(previous.targetPrimaryTimestamp, now);
  }
  const kept = rec(previous);
  for (const k of ['firstRecoverabilityPoint', 'lastSuccessfulBackup']) if (typeof kept[k] === 'string') out[k] = kept[k];
  return out;
}

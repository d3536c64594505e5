import type { KubeObject } from '../../../api/types';
import { annotations, arr, bool, isDeleting, isJobComplete, isJobFailed, isPodReady, labels, nameOf, num, podPhase, rec, serialOf, spec, status, str } from '../kit/objects';

/**
 * What the CloudNativePG reconciler knows about one Cluster: its spec in normalized form and
 * its instances, each a PVC group (the PGDATA claim `<cluster>-<serial>`) with the bootstrap
 * Job that initialized it and the Pod that runs it. Built purely from stored objects.
 */
export const CNPG_VERSION = '1.24.1';
export const OPERATOR_IMAGE = `ghcr.io/cloudnative-pg/cloudnative-pg:${CNPG_VERSION}`;
export const DEFAULT_POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:17.0';

export const L = {
  cluster: 'cnpg.io/cluster',
  instanceName: 'cnpg.io/instanceName',
  instanceRole: 'cnpg.io/instanceRole',
  legacyRole: 'role',
  podRole: 'cnpg.io/podRole',
  jobRole: 'cnpg.io/jobRole',
  pvcRole: 'cnpg.io/pvcRole',
  userType: 'cnpg.io/userType',
  reload: 'cnpg.io/reload',
  isManaged: 'cnpg.io/isManaged',
  nodeSerial: 'cnpg.io/nodeSerial',
  operatorVersion: 'cnpg.io/operatorVersion',
  pvcStatus: 'cnpg.io/pvcStatus',
} as const;

export type PvcStatus = 'initializing' | 'ready' | 'detached';

export interface ClusterSpecView {
  instances: number;
  imageName: string;
  database: string;
  owner: string;
  storageSize: string;
  storageClass?: string;
  enableSuperuserAccess: boolean;
  enablePDB: boolean;
  resources: Record<string, unknown>;
  backupConfigured: boolean;
  stopDelay: number;
  logLevel: string;
  serverAltDNSNames: string[];
}

export interface Instance {
  serial: number;
  name: string;
  pvc?: KubeObject;
  pvcStatus?: PvcStatus;
  job?: KubeObject;
  jobDone: boolean;
  jobFailed: boolean;
  pod?: KubeObject;
  ready: boolean;
  /** The pod exists but has terminated (Failed/Succeeded) and must be recreated. */
  podTerminated: boolean;
  /** Why the pod no longer matches the spec (its image), when it does not. */
  outdated?: string;
  role?: 'primary' | 'replica';
}

export interface ClusterView {
  name: string;
  namespace: string;
  spec: ClusterSpecView;
  instances: Instance[];
  latestGeneratedNode: number;
  currentPrimary: string;
  targetPrimary: string;
  /** The phase last reported, which carries an in-place primary restart across passes. */
  previousPhase: string;
}

/** Why a running instance pod must be recreated to match the cluster spec (a new image), if it must. */
export function outdatedReason(pod: KubeObject, s: ClusterSpecView): string | undefined {
  const postgres = arr(rec(pod.spec).containers).map(rec).find((c) => c.name === 'postgres');
  if (!postgres) return undefined;
  const image = str(postgres.image);
  return image && image !== s.imageName ? `the instance is using a different image: ${image} -> ${s.imageName}` : undefined;
}

export function clusterSpecView(cluster: KubeObject): ClusterSpecView {
  const s = spec(cluster);
  const initdb = rec(rec(s.bootstrap).initdb);
  const database = str(initdb.database, 'app');
  const st = rec(s.storage);
  return {
    instances: Math.max(1, num(s.instances, 1)),
    imageName: str(s.imageName, DEFAULT_POSTGRES_IMAGE),
    database,
    owner: str(initdb.owner, database),
    storageSize: str(st.size, '1Gi'),
    storageClass: typeof st.storageClass === 'string' ? st.storageClass : undefined,
    enableSuperuserAccess: bool(s.enableSuperuserAccess, false),
    enablePDB: bool(s.enablePDB, true),
    resources: rec(s.resources),
    backupConfigured: Object.keys(rec(rec(s.backup).barmanObjectStore)).length > 0,
    stopDelay: num(s.stopDelay, 1800),
    logLevel: str(s.logLevel, 'info'),
    serverAltDNSNames: arr(rec(s.certificates).serverAltDNSNames).filter((x): x is string => typeof x === 'string'),
  };
}

/** Groups the cluster's PVCs, Jobs and Pods (selected by `cnpg.io/cluster`) into instances. */
export function clusterView(cluster: KubeObject, pvcs: KubeObject[], jobs: KubeObject[], pods: KubeObject[]): ClusterView {
  const name = nameOf(cluster);
  const specView = clusterSpecView(cluster);
  const byName = new Map<string, Instance>();
  const instance = (instanceName: string): Instance => {
    let i = byName.get(instanceName);
    if (!i) byName.set(instanceName, (i = { serial: serialOf(instanceName), name: instanceName, jobDone: false, jobFailed: false, ready: false, podTerminated: false }));
    return i;
  };
  for (const pvc of pvcs) {
    if (isDeleting(pvc) || labels(pvc)[L.pvcRole] !== 'PG_DATA') continue;
    const i = instance(labels(pvc)[L.instanceName] ?? nameOf(pvc));
    i.pvc = pvc;
    i.pvcStatus = (annotations(pvc)[L.pvcStatus] as PvcStatus | undefined) ?? 'ready';
  }
  for (const job of jobs) {
    const owner = labels(job)[L.instanceName];
    if (!owner || !byName.has(owner)) continue;
    const i = byName.get(owner)!;
    i.job = job;
    i.jobDone = isJobComplete(job);
    i.jobFailed = isJobFailed(job);
  }
  for (const pod of pods) {
    if (labels(pod)[L.podRole] !== 'instance' || isDeleting(pod)) continue;
    const owner = labels(pod)[L.instanceName] ?? nameOf(pod);
    if (!byName.has(owner)) continue;
    const i = byName.get(owner)!;
    i.pod = pod;
    i.ready = isPodReady(pod);
    i.podTerminated = ['Failed', 'Succeeded'].includes(podPhase(pod));
    i.outdated = outdatedReason(pod, specView);
    const role = labels(pod)[L.instanceRole];
    i.role = role === 'primary' || role === 'replica' ? role : undefined;
  }
  const st = status(cluster);
  return {
    name,
    namespace: cluster.metadata.namespace ?? '',
    spec: specView,
    instances: [...byName.values()].sort((a, b) => a.serial - b.serial),
    latestGeneratedNode: num(st.latestGeneratedNode),
    currentPrimary: str(st.currentPrimary),
    targetPrimary: str(st.targetPrimary),
    previousPhase: str(st.phase),
  };
}

export function instanceName(cluster: string, serial: number): string {
  return `${cluster}-${serial}`;
}

import type { KubeObject, OwnerReference } from '../../k8s/types';

/**
 * Real-shaped objects for inventory tests, modelled on `kubectl get -o json` output from the
 * embedded supervisor (namespaces, ESXi nodes, pods owned by a ReplicaSet, a Deployment, a Job)
 * and on vm-operator / CloudNativePG objects as their controllers write them.
 */
const T0 = '2026-11-26T01:34:07Z';
let uidCounter = 0;
const uid = () => `00000000-0000-4000-8000-${String(++uidCounter).padStart(12, '0')}`;

/** An ownerReference as controllers write it (blockOwnerDeletion is not in the console's type). */
function ownerRef(apiVersion: string, kind: string, name: string): OwnerReference {
  return { apiVersion, blockOwnerDeletion: true, controller: true, kind, name, uid: uid() } as OwnerReference;
}

export function namespace(name: string, phase = 'Active'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: T0, labels: { 'kubernetes.io/metadata.name': name }, name, resourceVersion: '5', uid: uid() },
    spec: { finalizers: ['kubernetes'] },
    status: { phase },
  };
}

const cond = (type: string, status: string, reason: string, message = '') => ({ lastHeartbeatTime: T0, lastTransitionTime: T0, message, reason, status, type });

export function node(name: string, opts: { ready?: 'True' | 'False' | 'Unknown'; unschedulable?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      annotations: { 'node.alpha.kubernetes.io/ttl': '0' },
      creationTimestamp: T0,
      labels: { 'kubernetes.io/hostname': name, 'node-role.kubernetes.io/agent': '', 'topology.kubernetes.io/zone': 'zone-a' },
      name,
      resourceVersion: '26',
      uid: uid(),
    },
    spec: { providerID: `vsphere://${uid()}`, ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      addresses: [{ address: '10.10.10.11', type: 'InternalIP' }, { address: name, type: 'Hostname' }],
      capacity: { cpu: '48', memory: '402653184Ki', pods: '250' },
      allocatable: { cpu: '47400m', memory: '398356480Ki', pods: '250' },
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('Ready', opts.ready ?? 'True', opts.ready === 'Unknown' ? 'NodeStatusUnknown' : 'KubeletReady', 'kubelet is posting ready status'),
      ],
      nodeInfo: { kubeletVersion: 'v1.32.4-sph-7c1e6f2', osImage: 'VMware ESXi 8.0.3', operatingSystem: 'linux', architecture: 'amd64' },
    },
  };
}

export interface PodOptions {
  node?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  ready?: boolean;
  waiting?: string;
  owner?: { kind: string; name: string; apiVersion?: string };
  labels?: Record<string, string>;
}

export function pod(ns: string, name: string, opts: PodOptions = {}): KubeObject {
  const phase = opts.phase ?? 'Running';
  const ready = opts.ready ?? phase === 'Running';
  const owner = opts.owner;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: T0,
      ...(owner ? { generateName: `${owner.name}-` } : {}),
      labels: opts.labels ?? { run: name },
      name,
      namespace: ns,
      ...(owner ? { ownerReferences: [ownerRef(owner.apiVersion ?? 'apps/v1', owner.kind, owner.name)] } : {}),
      resourceVersion: '95',
      uid: uid(),
    },
    spec: {
      containers: [{ image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent', name: 'nginx', resources: {} }],
      ...(opts.node ? { nodeName: opts.node } : {}),
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
    },
    status: {
      conditions: [
        { lastProbeTime: null, lastTransitionTime: T0, status: 'True', type: 'PodScheduled' },
        { lastProbeTime: null, lastTransitionTime: T0, status: ready ? 'True' : 'False', type: 'Ready' },
      ],
      phase,
      qosClass: 'BestEffort',
      ...(phase === 'Running' || opts.waiting
        ? {
            containerStatuses: [
              { name: 'nginx', image: 'nginx:1.27', ready, restartCount: opts.waiting ? 4 : 0, started: ready, state: opts.waiting ? { waiting: { reason: opts.waiting, message: 'back-off restarting failed container' } } : { running: { startedAt: T0 } } },
            ],
          }
        : {}),
    },
  };
}

/** A pod of a Deployment's ReplicaSet, named and labelled the way the controllers do it. */
export function deploymentPod(ns: string, deployment: string, suffix: string, opts: PodOptions = {}): KubeObject {
  const hash = '7d9c9b8f77';
  return pod(ns, `${deployment}-${hash}-${suffix}`, { ...opts, owner: { kind: 'ReplicaSet', name: `${deployment}-${hash}` }, labels: { app: deployment, 'pod-template-hash': hash } });
}

export function deployment(ns: string, name: string, replicas: number, ready: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' }, creationTimestamp: T0, generation: 1, labels: { app: name }, name, namespace: ns, resourceVersion: '90', uid: uid() },
    spec: { replicas, selector: { matchLabels: { app: name } } },
    status: {
      conditions: [
        { lastTransitionTime: T0, lastUpdateTime: T0, message: ready >= replicas ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.', reason: ready >= replicas ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable', status: ready >= replicas ? 'True' : 'False', type: 'Available' },
        { lastTransitionTime: T0, lastUpdateTime: T0, message: `ReplicaSet "${name}-7d9c9b8f77" has successfully progressed.`, reason: 'NewReplicaSetAvailable', status: 'True', type: 'Progressing' },
      ],
      observedGeneration: 1,
      replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      updatedReplicas: replicas,
    },
  };
}

export function cronJob(ns: string, name: string): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { creationTimestamp: T0, generation: 1, name, namespace: ns, resourceVersion: '120', uid: uid() },
    spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers: [{ name: 'report', image: 'busybox' }] } } } } },
    status: {},
  };
}

export function job(ns: string, name: string, owner?: string): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      creationTimestamp: T0,
      generation: 1,
      labels: { 'batch.kubernetes.io/job-name': name },
      name,
      namespace: ns,
      ...(owner ? { ownerReferences: [ownerRef('batch/v1', 'CronJob', owner)] } : {}),
      resourceVersion: '102',
      uid: uid(),
    },
    spec: { completions: 1, parallelism: 1, backoffLimit: 6 },
    status: { active: 1, ready: 0, startTime: T0 },
  };
}

export type PowerState = 'PoweredOn' | 'PoweredOff' | 'Suspended';

/** A vm-operator VirtualMachine (v1alpha3 shape) as the VM Service controller reports it. */
export function vm(ns: string, name: string, opts: { power?: PowerState; desired?: PowerState; node?: string; ip?: string; imageReady?: boolean } = {}): KubeObject {
  const power = opts.power ?? 'PoweredOn';
  const ip = opts.ip ?? (power === 'PoweredOn' ? '192.168.128.10' : undefined);
  return {
    apiVersion: 'vmoperator.vmware.com/v1alpha3',
    kind: 'VirtualMachine',
    metadata: { annotations: { 'vmoperator.vmware.com/created-at-build-version': '8.0.3' }, creationTimestamp: T0, finalizers: ['vmoperator.vmware.com/virtualmachine'], generation: 1, name, namespace: ns, resourceVersion: '310', uid: uid() },
    spec: { className: 'best-effort-small', imageName: 'vmi-0a0044d7c690bcbea', powerState: opts.desired ?? power, storageClass: 'wcpglobal-storage-profile' },
    status: {
      biosUUID: uid(),
      conditions: [
        { lastTransitionTime: T0, status: 'True', type: 'VirtualMachineClassReady', reason: 'True' },
        opts.imageReady === false
          ? { lastTransitionTime: T0, status: 'False', type: 'VirtualMachineImageReady', reason: 'NotFound', message: 'VirtualMachineImage vmi-0a0044d7c690bcbea not found' }
          : { lastTransitionTime: T0, status: 'True', type: 'VirtualMachineImageReady', reason: 'True' },
        { lastTransitionTime: T0, status: 'True', type: 'VirtualMachineCreated', reason: 'True' },
      ],
      ...(opts.imageReady === false ? {} : { powerState: power, uniqueID: `vm-${uidCounter}` }),
      ...(opts.node ? { nodeName: opts.node } : {}),
      ...(ip ? { network: { primaryIP4: ip } } : {}),
      zone: 'zone-a',
    },
  };
}

export function cnpgCluster(ns: string, name: string, instances: number, ready: number): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { creationTimestamp: T0, generation: 1, name, namespace: ns, resourceVersion: '400', uid: uid() },
    spec: { instances, storage: { size: '1Gi' } },
    status: {
      conditions: [{ lastTransitionTime: T0, message: ready >= instances ? 'Cluster is Ready' : 'Cluster is not ready', reason: ready >= instances ? 'ClusterIsReady' : 'ClusterIsNotReady', status: ready >= instances ? 'True' : 'False', type: 'Ready' }],
      currentPrimary: `${name}-1`,
      instances,
      phase: ready >= instances ? 'Cluster in healthy state' : 'Creating replica',
      readyInstances: ready,
    },
  };
}

export function configMap(ns: string, name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: T0, name, namespace: ns, resourceVersion: '40', uid: uid() }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----' } };
}

import type { Condition, KubeObject } from '../../k8s/types';

/**
 * Objects as the embedded supervisor reported them while a developer provisioned a VM, a
 * CloudNativePG cluster and a pod in team-a (trimmed to the fields the self-service page reads;
 * conditions, messages and events verbatim).
 */
const t = (s: string) => `2026-11-26T03:${s}Z`;

const cond = (type: string, status: 'True' | 'False', reason = status === 'True' ? 'True' : '', message = '', at = '49:22'): Condition => ({ type, status, reason, message, lastTransitionTime: t(at) });

const SETUP = [cond('VirtualMachineBootstrapReady', 'True'), cond('VirtualMachineClassReady', 'True'), cond('VirtualMachineImageReady', 'True'), cond('VirtualMachineNetworkReady', 'True'), cond('VirtualMachineStorageReady', 'True')];

export const VM_UID = 'a8fbb101-730c-4cab-9c75-8321f742f82c';

export function vm(status: Record<string, unknown> | undefined, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'vmoperator.vmware.com/v1alpha5',
    kind: 'VirtualMachine',
    metadata: { name: 'probe-vm', namespace: 'team-a', uid: VM_UID, creationTimestamp: t('49:22'), labels: { app: 'probe-vm' } },
    spec: {
      className: 'best-effort-small',
      image: { kind: 'ClusterVirtualMachineImage', name: 'vmi-0a0044d7c690bcbea' },
      storageClass: 'vsan-default-storage-policy',
      powerState: 'PoweredOn',
      bootstrap: { cloudInit: { rawCloudConfig: { key: 'user-data', name: 'probe-vm-cloud-init' } } },
      ...spec,
    },
    ...(status ? { status } : {}),
  };
}

/** The VM's status at each step vm-operator went through, in order. */
export const VM_STEPS = {
  created: vm(undefined),
  deploying: vm({
    powerState: 'PoweredOff',
    conditions: [...SETUP, cond('VirtualMachineCreated', 'False', 'Creating', 'Deploying virtual machine from ClusterVirtualMachineImage vmi-0a0044d7c690bcbea (ubuntu-22.04-server-cloudimg-amd64)')],
  }),
  poweringOn: vm({
    powerState: 'PoweredOff',
    nodeName: 'esxi-03.vsphere.local',
    conditions: [...SETUP, cond('VirtualMachineClassConfigurationSynced', 'True'), cond('VirtualMachineConditionPlacementReady', 'True'), cond('VirtualMachineCreated', 'True'), cond('VirtualMachinePowerStateSynced', 'False', 'PoweringOn', 'Powering on the virtual machine'), cond('VirtualMachineTools', 'False', 'VirtualMachineToolsNotRunning')],
  }),
  booting: vm({
    powerState: 'PoweredOn',
    nodeName: 'esxi-03.vsphere.local',
    conditions: [cond('GuestBootstrap', 'False', 'Running', 'cloud-init is running in the guest'), ...SETUP, cond('VirtualMachineConditionPlacementReady', 'True'), cond('VirtualMachineCreated', 'True'), cond('VirtualMachinePowerStateSynced', 'True'), cond('VirtualMachineTools', 'False', 'VirtualMachineToolsNotRunning')],
  }),
  cloudInit: vm({
    powerState: 'PoweredOn',
    nodeName: 'esxi-03.vsphere.local',
    network: { primaryIP4: '10.246.73.238' },
    conditions: [cond('GuestBootstrap', 'False', 'Running', 'cloud-init is running in the guest'), ...SETUP, cond('VirtualMachineConditionPlacementReady', 'True'), cond('VirtualMachineCreated', 'True'), cond('VirtualMachinePowerStateSynced', 'True'), cond('VirtualMachineTools', 'True', 'VirtualMachineToolsRunning')],
  }),
  ready: vm({
    powerState: 'PoweredOn',
    nodeName: 'esxi-03.vsphere.local',
    network: { primaryIP4: '10.246.73.238' },
    conditions: [cond('GuestBootstrap', 'True'), ...SETUP, cond('VirtualMachineConditionPlacementReady', 'True'), cond('VirtualMachineCreated', 'True'), cond('VirtualMachinePowerStateSynced', 'True'), cond('VirtualMachineTools', 'True', 'VirtualMachineToolsRunning')],
  }),
};

const QUOTA_MESSAGE = 'exceeded quota: team-a-quota, requested: requests.cpu=8,requests.memory=64Gi, used: requests.cpu=10750m,requests.memory=24928Mi, limited: requests.cpu=16,requests.memory=64Gi';

/** A best-effort-2xlarge VM whose power-on the namespace quota refused. */
export const VM_OVER_QUOTA = vm(
  {
    powerState: 'PoweredOff',
    conditions: [...SETUP, cond('VirtualMachineConditionPlacementReady', 'True'), cond('VirtualMachineCreated', 'True'), cond('VirtualMachinePowerStateSynced', 'False', 'ExceededQuota', QUOTA_MESSAGE, '54:02'), cond('VirtualMachineTools', 'False', 'VirtualMachineToolsNotRunning')],
  },
  { className: 'best-effort-2xlarge', bootstrap: undefined },
);

export const VM_MISSING_SECRET = vm({ conditions: [cond('VirtualMachineBootstrapReady', 'False', 'NotFound', 'the bootstrap data Secret was not found', '53:37'), cond('VirtualMachineClassReady', 'True')] });

export function event(involved: { kind: string; name: string; uid?: string }, type: 'Normal' | 'Warning', reason: string, message: string, last: string, count = 1): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.name}.${reason.toLowerCase()}${last.replace(/:/g, '')}`, namespace: 'team-a' },
    involvedObject: { apiVersion: '', kind: involved.kind, name: involved.name, namespace: 'team-a', ...(involved.uid ? { uid: involved.uid } : {}) },
    type,
    reason,
    message,
    firstTimestamp: t(last),
    lastTimestamp: t(last),
    count,
  };
}

export const VM_QUOTA_EVENTS = [
  event({ kind: 'VirtualMachine', name: 'probe-vm', uid: VM_UID }, 'Normal', 'CreateSuccess', 'Create success', '54:02'),
  event({ kind: 'VirtualMachine', name: 'probe-vm', uid: VM_UID }, 'Warning', 'UpdateFailure', `failed to power on VirtualMachine: ${QUOTA_MESSAGE}`, '54:02'),
];

export function pgCluster(instances: number, status: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: 'probe-pg', namespace: 'team-a', uid: 'd2c71309-15bb-4ed1-8371-ef7571f42944', creationTimestamp: t('50:38') },
    spec: { instances, storage: { size: '1Gi', storageClass: 'vsan-default-storage-policy' } },
    status,
  };
}

const notReady = { conditions: [{ type: 'Ready', status: 'False', reason: 'ClusterIsNotReady', message: 'Cluster Is Not Ready', lastTransitionTime: t('50:38') }] };

export const PG_STEPS = {
  primary: pgCluster(3, { phase: 'Setting up primary', phaseReason: 'Creating primary instance probe-pg-1', instances: 1, readyInstances: 0, ...notReady }),
  waiting: pgCluster(3, { phase: 'Waiting for the instances to become active', phaseReason: 'Some instances are not yet active. Please wait.', instances: 1, readyInstances: 0, ...notReady }),
  replica: pgCluster(3, { phase: 'Creating a new replica', phaseReason: 'Creating replica probe-pg-2-join', instances: 2, readyInstances: 1, ...notReady }),
  healthy: pgCluster(3, { phase: 'Cluster in healthy state', instances: 3, readyInstances: 3, currentPrimary: 'probe-pg-1', conditions: [{ type: 'Ready', status: 'True', reason: 'ClusterIsReady', message: 'Cluster is Ready', observedGeneration: 1, lastTransitionTime: t('51:54') }] }),
};

export const POD_UID = '90afc97a-224a-4ddd-bc7c-53d83ba914b8';

export function pod(status: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'probe-pod', namespace: 'team-a', uid: POD_UID, creationTimestamp: t('52:01'), labels: { run: 'probe-pod' }, ...extra },
    spec: { containers: [{ name: 'probe-pod', image: 'nginx:1.27' }], nodeName: 'esxi-03.vsphere.local' },
    status,
  };
}

const podCond = (type: string, status: 'True' | 'False', reason?: string) => ({ type, status, ...(reason ? { reason } : {}), lastProbeTime: null, lastTransitionTime: t('52:02') });

export const POD_STEPS = {
  scheduled: pod({ phase: 'Pending', conditions: [podCond('PodScheduled', 'True')] }),
  creating: pod({
    phase: 'Pending',
    conditions: [podCond('PodReadyToStartContainers', 'False'), podCond('Initialized', 'True'), podCond('Ready', 'False', 'ContainersNotReady'), podCond('ContainersReady', 'False', 'ContainersNotReady'), podCond('PodScheduled', 'True')],
    containerStatuses: [{ name: 'probe-pod', image: 'nginx:1.27', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } }],
  }),
  running: pod({
    phase: 'Running',
    podIP: '10.247.99.2',
    conditions: [podCond('PodReadyToStartContainers', 'True'), podCond('Initialized', 'True'), podCond('Ready', 'True'), podCond('ContainersReady', 'True'), podCond('PodScheduled', 'True')],
    containerStatuses: [{ name: 'probe-pod', image: 'docker.io/library/nginx:1.27', ready: true, restartCount: 0, started: true, state: { running: { startedAt: t('52:07') } } }],
  }),
};

const podRef = { kind: 'Pod', name: 'probe-pod', uid: POD_UID };
export const POD_EVENTS = {
  scheduled: event(podRef, 'Normal', 'Scheduled', 'Successfully assigned team-a/probe-pod to esxi-03.vsphere.local', '52:01'),
  pulling: event(podRef, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"', '52:04'),
  pulled: event(podRef, 'Normal', 'Pulled', 'Successfully pulled image "nginx:1.27" in 2.582s (2.582s including waiting). Image size: 67670362 bytes.', '52:06'),
};

/** The seed's crash-looping pod and its back-off warning. */
export const CRASHING = pod(
  {
    phase: 'Running',
    conditions: [podCond('Ready', 'False', 'ContainersNotReady'), podCond('PodScheduled', 'True')],
    containerStatuses: [
      {
        name: 'worker',
        ready: false,
        restartCount: 5,
        started: false,
        lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: t('52:00'), startedAt: t('51:57') } },
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 160s restarting failed container=worker pod=flaky-worker_team-a(a7cbfb44-9f78-4617-b52c-bf0447580e5b)' } },
      },
    ],
  },
  { name: 'flaky-worker', uid: 'a7cbfb44-9f78-4617-b52c-bf0447580e5b' },
);

export const CRASHING_EVENTS = [
  event({ kind: 'Pod', name: 'flaky-worker', uid: 'a7cbfb44-9f78-4617-b52c-bf0447580e5b' }, 'Normal', 'Started', 'Started container worker', '51:57', 6),
  event({ kind: 'Pod', name: 'flaky-worker', uid: 'a7cbfb44-9f78-4617-b52c-bf0447580e5b' }, 'Warning', 'BackOff', 'Back-off restarting failed container worker in pod flaky-worker_team-a(a7cbfb44-9f78-4617-b52c-bf0447580e5b)', '52:01', 5),
];

export const QUOTA: KubeObject = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'team-a-quota', namespace: 'team-a' },
  spec: { hard: {} },
  status: {
    hard: { 'count/services': '20', 'count/virtualmachines.vmoperator.vmware.com': '10', 'limits.cpu': '32', 'limits.memory': '128Gi', pods: '30', 'requests.cpu': '16', 'requests.memory': '64Gi', 'requests.storage': '500Gi', 'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': '500Gi' },
    used: { 'count/services': '6', 'count/virtualmachines.vmoperator.vmware.com': '5', 'limits.cpu': '10900m', 'limits.memory': '21440Mi', pods: '8', 'requests.cpu': '9450m', 'requests.memory': '20448Mi', 'requests.storage': '10Gi', 'vsan-default-storage-policy.storageclass.storage.k8s.io/requests.storage': '10Gi' },
  },
};

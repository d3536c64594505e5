import type { KubeObject } from '../../api/types';
import { podStrategy } from '../../api/builtin/pod-strategy';
import { hostIP } from '../spherelet/host-view';
import { decideSync } from '../spherelet/sync-decision';

/** Complete, settled objects for the scale seed (see scale-seed.ts), deterministic by index. */
export function scaleNamespace(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, 'glasspane.io/seed': 'scale' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } };
}

export function scaleNode(name: string, i: number): KubeObject {
  const zone = i % 2 === 0 ? 'zone-a' : 'zone-b';
  const ready = { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64', 'topology.kubernetes.io/zone': zone, 'topology.kubernetes.io/region': 'region-1', 'node-role.kubernetes.io/agent': '' } },
    spec: { providerID: `vsphere://4230${String(i).padStart(4, '0')}-scale` },
    status: {
      capacity: { cpu: '96', memory: '1536Gi', pods: '4000' },
      allocatable: { cpu: '94', memory: '1500Gi', pods: '4000' },
      conditions: [ready],
      addresses: [{ type: 'InternalIP', address: `10.20.${Math.floor(i / 250)}.${(i % 250) + 1}` }, { type: 'Hostname', address: name }],
      nodeInfo: { kubeletVersion: 'v1.32.4-sph-scale', osImage: 'VMware ESXi 8.0.3', containerRuntimeVersion: 'containerd://1.7.24', kernelVersion: '8.0.3', architecture: 'amd64', operatingSystem: 'linux' },
    },
  };
}

const APPS = ['web', 'api', 'worker', 'cache', 'batch', 'gateway', 'search', 'billing'];

export function scalePod(namespace: string, i: number, node: string, now: string): KubeObject {
  const app = APPS[i % APPS.length]!;
  const name = `${app}-${i.toString(36).padStart(5, '0')}`;
  const ip = `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
  const pod = scalePodShape(namespace, name, app, i, node, now, ip);
  // The API server's defaults, so later updates by controllers see an unchanged spec.
  const status = pod.status;
  podStrategy.prepareForCreate!(pod, { user: { username: 'system:supervisor', groups: [] }, now: new Date(now), dryRun: false });
  pod.status = status;
  return pod;
}

/**
 * A started pod in exactly the state its spherelet would give it at `nowMs` (status and vSphere
 * Pod annotations), so the spherelet finds nothing to write or record when it takes it over.
 */
export function settleScalePod(pod: KubeObject, node: KubeObject, nowMs: number, scale: number): KubeObject {
  const podIP = (pod.status as { podIP: string }).podIP;
  // emittedThrough: no events are wanted, which spares inferring them.
  const d = decideSync(pod, { now: nowMs, scale, hostIP: hostIP(node), podIP, emittedThrough: nowMs });
  if (d.annotations) pod.metadata.annotations = { ...pod.metadata.annotations, ...d.annotations };
  if (d.status) pod.status = d.status;
  return pod;
}

function scalePodShape(namespace: string, name: string, app: string, i: number, node: string, now: string, ip: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { app, tier: i % 3 === 0 ? 'frontend' : 'backend', 'glasspane.io/seed': 'scale' } },
    spec: {
      nodeName: node,
      containers: [{ name: app, image: `registry.example.com/${app}:1.${i % 10}.0`, ports: [{ containerPort: 8080, protocol: 'TCP' }], resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } }, terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File', imagePullPolicy: 'IfNotPresent' }],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      serviceAccountName: 'default',
      schedulerName: 'default-scheduler',
    },
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      hostIP: '10.20.0.1',
      podIP: ip,
      podIPs: [{ ip }],
      startTime: now,
      conditions: ['PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready', 'PodScheduled'].map((type) => ({ type, status: 'True', lastTransitionTime: now })),
      containerStatuses: [{ name: app, ready: true, started: true, restartCount: 0, image: `registry.example.com/${app}:1.${i % 10}.0`, imageID: `registry.example.com/${app}@sha256:${i.toString(16).padStart(64, '0')}`, containerID: `containerd://${i.toString(16).padStart(64, 'a')}`, state: { running: { startedAt: now } } }],
    },
  };
}

export function scaleService(namespace: string, i: number): KubeObject {
  const app = APPS[i % APPS.length]!;
  const ip = `10.96.${(i >> 8) & 255}.${i & 255}`;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: `${app}-svc-${i.toString(36)}`, namespace, labels: { app, 'glasspane.io/seed': 'scale' } },
    spec: { type: 'ClusterIP', selector: { app }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }], clusterIP: ip, clusterIPs: [ip], sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster' },
    status: { loadBalancer: {} },
  };
}

export function scaleVm(namespace: string, i: number, now: string): KubeObject {
  return {
    apiVersion: 'vmoperator.vmware.com/v1alpha5',
    kind: 'VirtualMachine',
    metadata: { name: `vm-${i.toString(36).padStart(5, '0')}`, namespace, generation: 1, labels: { app: APPS[i % APPS.length]!, 'glasspane.io/seed': 'scale' } },
    spec: { className: 'best-effort-small', imageName: 'ubuntu-22.04', storageClass: 'vsan-default-storage-policy', powerState: 'PoweredOff', powerOffMode: 'TrySoft', suspendMode: 'TrySoft', restartMode: 'TrySoft' },
    status: { powerState: 'PoweredOff', conditions: [{ type: 'VirtualMachineCreated', status: 'True', reason: 'True', message: '', lastTransitionTime: now }] },
  };
}

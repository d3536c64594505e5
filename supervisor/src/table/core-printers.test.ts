import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { configMapPrinter, namespacePrinter, nodePrinter, resourceQuotaPrinter, secretPrinter, serviceAccountPrinter } from './core-printers';
import { eventPrinter, eventsV1Printer } from './event-printer';
import { endpointSlicePrinter, endpointsPrinter, ingressClassPrinter, ingressPrinter, networkPolicyPrinter, servicePrinter } from './network-printers';
import { clusterRoleBindingPrinter, roleBindingPrinter } from './rbac-printers';
import { persistentVolumeClaimPrinter, persistentVolumePrinter, storageClassPrinter } from './storage-printers';

const now = Date.parse('2025-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function obj(apiVersion: string, kind: string, name: string, body: Record<string, unknown>, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, uid: `uid-${name}`, resourceVersion: '77', creationTimestamp: ago(40 * DAY), ...meta }, ...body };
}

function node(name: string, ready: 'True' | 'False' | 'Unknown', unschedulable: boolean, labels: Record<string, string>): KubeObject {
  return obj(
    'v1',
    'Node',
    name,
    {
      spec: { podCIDR: '10.244.1.0/24', unschedulable, taints: unschedulable ? [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] : [] },
      status: {
        conditions: [
          { type: 'MemoryPressure', status: 'False' },
          { type: 'DiskPressure', status: 'False' },
          { type: 'Ready', status: ready, reason: ready === 'True' ? 'KubeletReady' : 'NodeStatusUnknown' },
        ],
        addresses: [
          { type: 'InternalIP', address: '192.168.10.11' },
          { type: 'Hostname', address: name },
        ],
        nodeInfo: { kubeletVersion: 'v1.32.5', osImage: 'Ubuntu 24.04.2 LTS', kernelVersion: '6.8.0-60-generic', containerRuntimeVersion: 'containerd://1.7.27' },
      },
    },
    { labels },
  );
}

describe('nodePrinter', () => {
  it('prints a cordoned control-plane node', () => {
    const n = node('cp-1', 'True', true, { 'kubernetes.io/hostname': 'cp-1', 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/etcd': 'true' });
    expect(nodePrinter.row(n, now)).toEqual([
      'cp-1',
      'Ready,SchedulingDisabled',
      'control-plane,etcd',
      '40d',
      'v1.32.5',
      '192.168.10.11',
      '<none>',
      'Ubuntu 24.04.2 LTS',
      '6.8.0-60-generic',
      'containerd://1.7.27',
    ]);
  });

  it('prints NotReady workers, legacy role labels and nodes without a Ready condition', () => {
    expect(nodePrinter.row(node('w-1', 'Unknown', false, { 'kubernetes.io/role': 'worker' }), now).slice(1, 3)).toEqual(['NotReady', 'worker']);
    const bare = obj('v1', 'Node', 'new', { spec: {}, status: {} });
    expect(nodePrinter.row(bare, now)).toEqual(['new', 'Unknown', '<none>', '40d', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
});

describe('servicePrinter', () => {
  it('prints a LoadBalancer service with its ingress IP and node ports', () => {
    const svc = obj(
      'v1',
      'Service',
      'ingress-nginx',
      {
        spec: {
          type: 'LoadBalancer',
          clusterIP: '10.96.120.7',
          clusterIPs: ['10.96.120.7'],
          selector: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
          ports: [
            { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', nodePort: 31380 },
            { name: 'https', port: 443, targetPort: 'https', protocol: 'TCP', nodePort: 31390 },
          ],
        },
        status: { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] } },
      },
      { namespace: 'ingress-nginx' },
    );
    expect(servicePrinter.row(svc, now)).toEqual([
      'ingress-nginx',
      'LoadBalancer',
      '10.96.120.7',
      '203.0.113.10',
      '80:31380/TCP,443:31390/TCP',
      '40d',
      'app.kubernetes.io/component=controller,app.kubernetes.io/name=ingress-nginx',
    ]);
  });

  it('prints pending load balancers, headless, ExternalName and external-IP services', () => {
    const pending = obj('v1', 'Service', 'lb', { spec: { type: 'LoadBalancer', clusterIPs: ['10.96.0.20'], ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] }, status: {} });
    expect(servicePrinter.row(pending, now).slice(1, 5)).toEqual(['LoadBalancer', '10.96.0.20', '<pending>', '53:30053/UDP']);
    const headless = obj('v1', 'Service', 'db', { spec: { type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] } });
    expect(servicePrinter.row(headless, now).slice(1, 7)).toEqual(['ClusterIP', 'None', '<none>', '5432/TCP', '40d', '<none>']);
    const external = obj('v1', 'Service', 'ext', { spec: { type: 'ExternalName', externalName: 'db.example.com' } });
    expect(servicePrinter.row(external, now).slice(1, 5)).toEqual(['ExternalName', '<none>', 'db.example.com', '<none>']);
    const withIPs = obj('v1', 'Service', 'np', { spec: { type: 'NodePort', clusterIPs: ['10.96.3.3'], externalIPs: ['198.51.100.1', '198.51.100.2'], ports: [{ port: 80, nodePort: 30080 }] } });
    expect(servicePrinter.row(withIPs, now).slice(3, 5)).toEqual(['198.51.100.1,198.51.100.2', '80:30080/TCP']);
  });
});

describe('eventPrinter', () => {
  const event = obj(
    'v1',
    'Event',
    'api-5f6d7c9b8-kq2lm.17d8a1b2c3d4e5f6',
    {
      involvedObject: { kind: 'Pod', namespace: 'shop', name: 'api-5f6d7c9b8-kq2lm', uid: 'uid-pod', apiVersion: 'v1', resourceVersion: '1042', fieldPath: 'spec.containers{app}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod api-5f6d7c9b8-kq2lm_shop(uid-pod)\n',
      source: { component: 'kubelet', host: 'worker-1' },
      firstTimestamp: ago(42 * MIN),
      lastTimestamp: ago(90_000),
      count: 187,
      type: 'Warning',
      eventTime: null,
      reportingComponent: 'kubelet',
      reportingInstance: 'worker-1',
    },
    { namespace: 'shop' },
  );

  it('prints a core/v1 event, wide columns included', () => {
    expect(eventPrinter.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0',
      'Type:0',
      'Reason:0',
      'Object:0',
      'Subobject:1',
      'Source:1',
      'Message:0',
      'First Seen:1',
      'Count:1',
      'Name:1',
    ]);
    expect(eventPrinter.row(event, now)).toEqual([
      '90s',
      'Warning',
      'BackOff',
      'pod/api-5f6d7c9b8-kq2lm',
      'spec.containers{app}',
      'kubelet, worker-1',
      'Back-off restarting failed container app in pod api-5f6d7c9b8-kq2lm_shop(uid-pod)',
      '42m',
      187,
      'api-5f6d7c9b8-kq2lm.17d8a1b2c3d4e5f6',
    ]);
  });

  it('prints series events and events.k8s.io/v1 events', () => {
    const series = obj('v1', 'Event', 'e2', {
      involvedObject: { kind: 'Node', name: 'worker-1' },
      reason: 'NodeNotReady',
      message: 'Node worker-1 status is now: NodeNotReady',
      type: 'Normal',
      eventTime: ago(30 * MIN),
      series: { count: 4, lastObservedTime: ago(2 * MIN) },
      reportingComponent: 'node-controller',
    });
    expect(eventPrinter.row(series, now)).toEqual(['2m', 'Normal', 'NodeNotReady', 'node/worker-1', '', 'node-controller', 'Node worker-1 status is now: NodeNotReady', '30m', 4, 'e2']);
    const v1 = obj('events.k8s.io/v1', 'Event', 'e3', {
      regarding: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      reason: 'ScalingReplicaSet',
      note: 'Scaled up replica set web-7d4b9c8f5 to 3',
      type: 'Normal',
      eventTime: ago(5 * MIN),
      reportingController: 'deployment-controller',
      reportingInstance: 'deployment-controller-cp-1',
      action: 'Scale',
    });
    expect(eventsV1Printer.row(v1, now)).toEqual(['5m', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller, deployment-controller-cp-1', 'Scaled up replica set web-7d4b9c8f5 to 3', '5m', 1, 'e3']);
  });
});

describe('simple core printers', () => {
  it('prints namespaces, config maps, secrets and service accounts', () => {
    expect(namespacePrinter.row(obj('v1', 'Namespace', 'shop', { spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } }), now)).toEqual(['shop', 'Active', '40d']);
    const cm = obj('v1', 'ConfigMap', 'kube-root-ca.crt', { data: { 'ca.crt': '-----BEGIN CERTIFICATE-----' }, binaryData: { 'logo.png': 'iVBORw0K' } });
    expect(configMapPrinter.row(cm, now)).toEqual(['kube-root-ca.crt', 2, '40d']);
    const secret = obj('v1', 'Secret', 'tls', { type: 'kubernetes.io/tls', data: { 'tls.crt': 'LS0t', 'tls.key': 'LS0t' } });
    expect(secretPrinter.row(secret, now)).toEqual(['tls', 'kubernetes.io/tls', 2, '40d']);
    expect(serviceAccountPrinter.row(obj('v1', 'ServiceAccount', 'default', {}), now)).toEqual(['default', 0, '40d']);
  });

  it('prints resource quotas split into requests and limits', () => {
    const quota = obj('v1', 'ResourceQuota', 'compute', {
      spec: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', pods: '20' } },
      status: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', pods: '20' }, used: { 'requests.cpu': '1500m', 'limits.cpu': '3', pods: '6' } },
    });
    expect(resourceQuotaPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Age', 'Request', 'Limit']);
    expect(resourceQuotaPrinter.row(quota, now)).toEqual(['compute', '40d', 'pods: 6/20, requests.cpu: 1500m/4, requests.memory: 0/8Gi', 'limits.cpu: 3/8']);
  });
});

describe('storage printers', () => {
  it('prints bound and pending claims, volumes and the default storage class', () => {
    const bound = obj('v1', 'PersistentVolumeClaim', 'data-db-0', {
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'standard', volumeName: 'pvc-3f1c', volumeMode: 'Filesystem' },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'], capacity: { storage: '10Gi' } },
    });
    expect(persistentVolumeClaimPrinter.row(bound, now)).toEqual(['data-db-0', 'Bound', 'pvc-3f1c', '10Gi', 'RWO,RWOP', 'standard', '<unset>', '40d', 'Filesystem']);
    const pending = obj('v1', 'PersistentVolumeClaim', 'scratch', { spec: { accessModes: ['ReadWriteMany'], storageClassName: 'nfs' }, status: { phase: 'Pending' } });
    expect(persistentVolumeClaimPrinter.row(pending, now).slice(1, 6)).toEqual(['Pending', '', '', '', 'nfs']);
    const pv = obj('v1', 'PersistentVolume', 'pvc-3f1c', {
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Delete', storageClassName: 'standard', claimRef: { namespace: 'shop', name: 'data-db-0' }, volumeMode: 'Filesystem' },
      status: { phase: 'Bound' },
    });
    expect(persistentVolumePrinter.row(pv, now)).toEqual(['pvc-3f1c', '10Gi', 'RWO', 'Delete', 'Bound', 'shop/data-db-0', 'standard', '<unset>', '', '40d', 'Filesystem']);
    const sc = obj('storage.k8s.io/v1', 'StorageClass', 'standard', { provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } });
    expect(storageClassPrinter.row(sc, now)).toEqual(['standard (default)', 'rancher.io/local-path', 'Delete', 'WaitForFirstConsumer', false, '40d']);
  });
});

describe('network and rbac printers', () => {
  it('prints endpoints, endpoint slices and ingresses', () => {
    const ep = obj('v1', 'Endpoints', 'web', {
      subsets: [{ addresses: [{ ip: '10.244.1.17' }, { ip: '10.244.2.4' }, { ip: '10.244.2.5' }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9113, protocol: 'TCP' }] }],
    });
    expect(endpointsPrinter.row(ep, now)).toEqual(['web', '10.244.1.17:80,10.244.2.4:80,10.244.2.5:80 + 3 more...', '40d']);
    expect(endpointsPrinter.row(obj('v1', 'Endpoints', 'none', {}), now)[1]).toBe('<none>');
    const slice = obj('discovery.k8s.io/v1', 'EndpointSlice', 'web-abc12', {
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.17'], conditions: { ready: true } }, { addresses: ['10.244.2.4'] }],
    });
    expect(endpointSlicePrinter.row(slice, now)).toEqual(['web-abc12', 'IPv4', '80', '10.244.1.17,10.244.2.4', '40d']);
    const ingress = obj('networking.k8s.io/v1', 'Ingress', 'shop', {
      spec: { ingressClassName: 'nginx', rules: [{ host: 'shop.example.com' }, { host: 'api.example.com' }], tls: [{ hosts: ['shop.example.com'], secretName: 'tls' }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } },
    });
    expect(ingressPrinter.row(ingress, now)).toEqual(['shop', 'nginx', 'shop.example.com,api.example.com', '203.0.113.10', '80, 443', '40d']);
  });

  it('prints ingress classes and network policies', () => {
    const ic = obj('networking.k8s.io/v1', 'IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb' } } });
    expect(ingressClassPrinter.row(ic, now)).toEqual(['nginx', 'k8s.io/ingress-nginx', 'IngressParameters.k8s.example.com/external-lb', '40d']);
    const denyAll = obj('networking.k8s.io/v1', 'NetworkPolicy', 'default-deny', { spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    expect(networkPolicyPrinter.row(denyAll, now)).toEqual(['default-deny', '<none>', '40d']);
    const db = obj('networking.k8s.io/v1', 'NetworkPolicy', 'db', { spec: { podSelector: { matchLabels: { app: 'db' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] } } });
    expect(networkPolicyPrinter.row(db, now)[1]).toBe('app=db,tier');
  });

  it('prints role bindings with their subjects', () => {
    const rb = obj('rbac.authorization.k8s.io/v1', 'RoleBinding', 'dev-edit', {
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
      subjects: [
        { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice@example.com' },
        { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' },
        { kind: 'ServiceAccount', name: 'ci', namespace: 'build' },
        { kind: 'User', name: 'bob' },
      ],
    });
    expect(roleBindingPrinter.row(rb, now)).toEqual(['dev-edit', 'ClusterRole/edit', '40d', 'alice@example.com, bob', 'devs', 'build/ci']);
    expect(clusterRoleBindingPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Role', 'Age', 'Users', 'Groups', 'ServiceAccounts']);
  });
});

import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../api/types';
import { PHASE, type Decision } from './decide';
import { L, clusterView } from './model';
import { bootstrapJob, clusterServices, instancePod, instancePvc } from './resources';
import { certificatesStatus, generatePki, userSecret } from './secrets';
import { clusterStatus } from './status';

/** Cluster status as CloudNativePG reports it, and the shapes of the objects it creates. */
const uid = 'c0ffee00-0000-4000-8000-000000000002';
const cluster: KubeObject = {
  apiVersion: 'postgresql.cnpg.io/v1',
  kind: 'Cluster',
  metadata: { name: 'orders-db', namespace: 'team-a', uid, generation: 2 },
  spec: { instances: 2, storage: { size: '10Gi', storageClass: 'vsan-default-storage-policy' }, bootstrap: { initdb: { database: 'orders', owner: 'orders' } }, resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } },
};

function readyPod(serial: number, role: string, ready: boolean): KubeObject {
  const p = instancePod(cluster, clusterView(cluster, [], [], []).spec, `orders-db-${serial}`, serial, role as 'primary');
  return { ...p, spec: { ...(p.spec as object), nodeName: `esxi-0${serial}.vsphere.local` }, status: { phase: 'Running', podIP: `10.244.1.${serial}`, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } };
}

function pvcReady(serial: number): KubeObject {
  const p = instancePvc(cluster, clusterView(cluster, [], [], []).spec, `orders-db-${serial}`, serial);
  return { ...p, metadata: { ...p.metadata, annotations: { ...p.metadata.annotations, [L.pvcStatus]: 'ready' } } };
}

const base = { now: '2025-03-01T10:00:00Z', generation: 2, certificates: {}, secretsResourceVersion: {}, jobCount: 2, systemID: '7345678901234567890' };

describe('CloudNativePG cluster status', () => {
  it('reports a healthy cluster as Ready with counts, primaries, services and PVC bookkeeping', () => {
    const c = { ...cluster, status: { latestGeneratedNode: 2, currentPrimary: 'orders-db-1', targetPrimary: 'orders-db-1', currentPrimaryTimestamp: '2025-03-01T09:00:00.000000Z' } };
    const view = clusterView(c, [pvcReady(1), pvcReady(2)], [], [readyPod(1, 'primary', true), readyPod(2, 'replica', true)]);
    const decision: Decision = { action: { kind: 'none' }, phase: PHASE.healthy, phaseReason: '' };
    const s = clusterStatus({ ...base, view, decision, previous: c.status });
    expect(s).toMatchObject({
      instances: 2,
      readyInstances: 2,
      instanceNames: ['orders-db-1', 'orders-db-2'],
      instancesStatus: { healthy: ['orders-db-1', 'orders-db-2'] },
      currentPrimary: 'orders-db-1',
      currentPrimaryTimestamp: '2025-03-01T09:00:00.000000Z',
      targetPrimary: 'orders-db-1',
      writeService: 'orders-db-rw',
      readService: 'orders-db-r',
      phase: 'Cluster in healthy state',
      healthyPVC: ['orders-db-1', 'orders-db-2'],
      pvcCount: 2,
      jobCount: 2,
      timelineID: 1,
      topology: { instances: { 'orders-db-1': {}, 'orders-db-2': {} }, nodesUsed: 2, successfullyExtracted: true },
      instancesReportedState: { 'orders-db-1': { isPrimary: true, timeLineID: 1, ip: '10.244.1.1' }, 'orders-db-2': { isPrimary: false, timeLineID: 1, ip: '10.244.1.2' } },
    });
    expect(s.conditions).toEqual([{ type: 'Ready', status: 'True', reason: 'ClusterIsReady', message: 'Cluster is Ready', observedGeneration: 2, lastTransitionTime: '2025-03-01T10:00:00Z' }]);
    expect(s).not.toHaveProperty('phaseReason');
  });

  it('reports instances that are not ready as failed and the cluster as not ready', () => {
    const c = { ...cluster, status: { latestGeneratedNode: 2, currentPrimary: 'orders-db-1', targetPrimary: 'orders-db-1' } };
    const view = clusterView(c, [pvcReady(1), pvcReady(2)], [], [readyPod(1, 'primary', true), readyPod(2, 'replica', false)]);
    const decision: Decision = { action: { kind: 'none' }, phase: PHASE.waitingActive, phaseReason: 'Some instances are not yet active. Please wait.' };
    const s = clusterStatus({ ...base, view, decision, previous: { conditions: [{ type: 'Ready', status: 'True', reason: 'ClusterIsReady', message: 'Cluster is Ready', lastTransitionTime: '2025-03-01T09:00:00Z' }] } });
    expect(s).toMatchObject({ readyInstances: 1, instancesStatus: { healthy: ['orders-db-1'], failed: ['orders-db-2'] }, phase: PHASE.waitingActive, phaseReason: 'Some instances are not yet active. Please wait.' });
    expect(s.conditions).toEqual([{ type: 'Ready', status: 'False', reason: 'ClusterIsNotReady', message: 'Cluster Is Not Ready', observedGeneration: 2, lastTransitionTime: '2025-03-01T10:00:00Z' }]);
  });

  it('reports continuous archiving once a primary with a backup object store runs', () => {
    const c = { ...cluster, spec: { ...(cluster.spec as object), backup: { barmanObjectStore: { destinationPath: 's3://backups/orders' } } }, status: { currentPrimary: 'orders-db-1', targetPrimary: 'orders-db-1' } };
    const view = clusterView(c, [pvcReady(1)], [], [readyPod(1, 'primary', true)]);
    const s = clusterStatus({ ...base, view, decision: { action: { kind: 'none' }, phase: PHASE.healthy, phaseReason: '' }, previous: {} });
    expect((s.conditions as { type: string; reason: string }[]).map((c) => [c.type, c.reason])).toEqual([
      ['Ready', 'ClusterIsReady'],
      ['ContinuousArchiving', 'ContinuousArchivingSuccess'],
    ]);
  });
});

describe('CloudNativePG objects', () => {
  const s = clusterView(cluster, [], [], []).spec;

  it('labels instance pods, claims and jobs as the operator does, owned by the cluster', () => {
    const pod = instancePod(cluster, s, 'orders-db-1', 1, 'primary');
    expect(pod.metadata.labels).toEqual({ 'cnpg.io/cluster': 'orders-db', 'cnpg.io/instanceName': 'orders-db-1', 'cnpg.io/podRole': 'instance', 'cnpg.io/instanceRole': 'primary', role: 'primary' });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', name: 'orders-db', uid, controller: true, blockOwnerDeletion: true }]);
    const spec = pod.spec as { containers: { name: string; resources: unknown }[]; initContainers: { name: string }[]; volumes: unknown[] };
    expect(spec.containers.map((c) => c.name)).toEqual(['postgres']);
    expect(spec.initContainers.map((c) => c.name)).toEqual(['bootstrap-controller']);
    expect(spec.containers[0]!.resources).toEqual({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(spec.volumes[0]).toEqual({ name: 'pgdata', persistentVolumeClaim: { claimName: 'orders-db-1' } });
    const pvc = instancePvc(cluster, s, 'orders-db-2', 2);
    expect(pvc.metadata.annotations).toMatchObject({ 'cnpg.io/nodeSerial': '2', 'cnpg.io/pvcStatus': 'initializing' });
    expect(pvc.spec).toEqual({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'vsan-default-storage-policy', volumeMode: 'Filesystem' });
    const job = bootstrapJob(cluster, s, 'orders-db-2', 'join');
    expect(job.metadata.name).toBe('orders-db-2-join');
    expect(job.metadata.labels).toMatchObject({ 'cnpg.io/jobRole': 'join', 'cnpg.io/instanceName': 'orders-db-2' });
  });

  it('creates the rw, ro and r services selecting primary, replicas and every instance', () => {
    expect(clusterServices(cluster).map((x) => [x.metadata.name, (x.spec as { selector: Record<string, string> }).selector])).toEqual([
      ['orders-db-rw', { 'cnpg.io/cluster': 'orders-db', 'cnpg.io/instanceRole': 'primary' }],
      ['orders-db-ro', { 'cnpg.io/cluster': 'orders-db', 'cnpg.io/instanceRole': 'replica' }],
      ['orders-db-r', { 'cnpg.io/cluster': 'orders-db', 'cnpg.io/podRole': 'instance' }],
    ]);
  });

  it('writes the app secret with ready-made connection strings', () => {
    const secret = userSecret(cluster, s, 'app', 's3cret');
    expect(secret.type).toBe('kubernetes.io/basic-auth');
    expect(secret.metadata.labels).toMatchObject({ 'cnpg.io/userType': 'app', 'cnpg.io/reload': 'true' });
    expect(secret.stringData).toMatchObject({
      username: 'orders',
      password: 's3cret',
      dbname: 'orders',
      host: 'orders-db-rw',
      port: '5432',
      uri: 'postgresql://orders:s3cret@orders-db-rw.team-a:5432/orders',
      'jdbc-uri': 'jdbc:postgresql://orders-db-rw.team-a:5432/orders?password=s3cret&user=orders',
      pgpass: 'orders-db-rw:5432:orders:orders:s3cret\n',
    });
  });

  it('issues a real CA, a server certificate for the services and a streaming_replica client certificate', async () => {
    const pki = await generatePki('orders-db', 'team-a', ['db.example.com']);
    const ca = new X509Certificate(pki.ca.cert);
    const server = new X509Certificate(pki.server.cert);
    const replication = new X509Certificate(pki.replication.cert);
    expect(ca.subject).toBe('CN=orders-db\nOU=team-a');
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.subjectAltName).toContain('DNS:orders-db-rw.team-a.svc.cluster.local');
    expect(server.subjectAltName).toContain('DNS:db.example.com');
    expect(replication.subject).toBe('CN=streaming_replica');
    expect(pki.server.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const status = certificatesStatus('orders-db', [], { 'orders-db-ca': new Date('2025-05-30T10:00:00Z') });
    expect(status).toEqual({ clientCASecret: 'orders-db-ca', serverCASecret: 'orders-db-ca', serverTLSSecret: 'orders-db-server', replicationTLSSecret: 'orders-db-replication', expirations: { 'orders-db-ca': '2025-05-30 10:00:00 +0000 UTC' } });
  });
});

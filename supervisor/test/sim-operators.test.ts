import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSupervisor } from './harness';
import { toYaml, type Manifest } from './manifests';
import { waitFor } from './poll';
import { parseTable } from './tables';

/**
 * Operator-backed services through kubectl only: the Supervisor Service catalog (Carvel
 * PackageMetadata/Package/PackageInstall) and the operators installed in their
 * `svc-<name>-domain-c8` namespaces; a CloudNativePG Cluster that becomes Ready, scales from 1 to
 * 3 instances and back, and takes its children with it when deleted; a CassandraDatacenter that
 * starts its nodes and reaches Ready, then releases its finalizer; a TFJob that runs and
 * succeeds; a MinIO Tenant that is provisioned. Pods run on the simulated hosts (registered
 * here, as `--seed none` has none); time runs 50x faster.
 */
const HOSTS = ['esxi-01.vsphere.local', 'esxi-02.vsphere.local', 'esxi-03.vsphere.local', 'esxi-04.vsphere.local'];
const NS = 'operators-test';
const SERVICES_NS = 'vmware-system-supervisor-services';
const SC = 'vsan-default-storage-policy';

type Obj = { metadata: { name: string; labels?: Record<string, string>; finalizers?: string[]; deletionTimestamp?: string }; spec?: Record<string, unknown>; status?: Record<string, unknown>; data?: Record<string, string>; type?: string };
type List = { items: Obj[] };
type Cond = { type: string; status: string; reason?: string; message?: string };

function node(name: string, zone: string): Manifest {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/agent': '', 'topology.kubernetes.io/zone': zone } } };
}

function postgres(name: string, instances: number): Manifest {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name, namespace: NS },
    spec: { instances, storage: { size: '1Gi', storageClass: SC }, bootstrap: { initdb: { database: 'shop', owner: 'shop' } }, resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '500m', memory: '512Mi' } } },
  };
}

describe('operator-backed services (Supervisor Services)', () => {
  let sv: TestSupervisor;
  const kubectl = (args: string[], context?: string) => sv.kubectl.ok(args, context ? { context } : {});
  const json = async <T = Obj>(args: string[]): Promise<T> => JSON.parse(await kubectl([...args, '-o', 'json'])) as T;
  const apply = (...docs: Manifest[]) => sv.kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...docs) });
  const list = async (kind: string, selector: string): Promise<Obj[]> => (await json<List>(['get', kind, '-n', NS, '-l', selector])).items.filter((o) => !o.metadata.deletionTimestamp);
  const reasons = async (name: string): Promise<string[]> => (await json<{ items: { reason: string; message: string }[] }>(['get', 'events', '-n', NS, '--field-selector', `involvedObject.name=${name}`])).items.map((e) => `${e.reason}: ${e.message}`);
  const cond = (o: Obj, type: string): Cond | undefined => ((o.status?.conditions ?? []) as Cond[]).find((c) => c.type === type);

  beforeAll(async () => {
    sv = await TestSupervisor.start({ env: { SUPERVISOR_TIME_SCALE: '50' }, args: ['--seed', 'none'] });
    await apply(...HOSTS.map((h, i) => node(h, i < 2 ? 'zone-a' : 'zone-b')));
    await kubectl(['create', 'namespace', NS]);
    await apply({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: SC }, provisioner: 'csi.vsphere.vmware.com', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' });
    await waitFor(async () => (await json<List>(['get', 'nodes'])).items.filter((n) => cond(n, 'Ready')?.status === 'True').length === HOSTS.length, { what: 'four Ready hosts' });
  });
  afterAll(async () => {
    await sv?.dispose();
  });

  it('publishes the Supervisor Service catalog: PackageMetadata, Packages with values schemas, icons', async () => {
    const metadata = await waitFor(async () => {
      const rows = parseTable(await kubectl(['get', 'packagemetadata', '-A']));
      return rows.length === 4 ? rows : undefined;
    }, { what: 'four PackageMetadata' });
    expect(metadata.map((r) => [r.NAMESPACE, r.NAME, r['DISPLAY NAME']])).toEqual([
      [SERVICES_NS, 'cass-operator.fling.vsphere.vmware.com', 'Cassandra Operator (K8ssandra cass-operator)'],
      [SERVICES_NS, 'cnpg.fling.vsphere.vmware.com', 'CloudNativePG'],
      [SERVICES_NS, 'minio.vsphere.vmware.com', 'MinIO Object Storage'],
      [SERVICES_NS, 'training-operator.fling.vsphere.vmware.com', 'Kubeflow Training Operator'],
    ]);
    const packages = (await kubectl(['get', 'packages', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.name}|{.spec.refName}|{.spec.version}|{.spec.valuesSchema.openAPIv3.properties.image.default}{"\\n"}{end}'])).trim().split('\n');
    expect(packages).toContain('cnpg.fling.vsphere.vmware.com.1.24.1|cnpg.fling.vsphere.vmware.com|1.24.1|ghcr.io/cloudnative-pg/cloudnative-pg:1.24.1');
    expect(packages).toHaveLength(4);
    const cnpg = await json<Obj>(['get', 'pkgm', 'cnpg.fling.vsphere.vmware.com', '-n', SERVICES_NS]);
    expect(cnpg.spec).toMatchObject({ providerName: 'VMware', categories: ['Database', 'Data services'] });
    expect(Buffer.from(String(cnpg.spec?.iconSVGBase64), 'base64').toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const resources = parseTable(await kubectl(['api-resources', '--api-group=data.packaging.carvel.dev']));
    expect(resources.map((r) => [r.NAME, r.SHORTNAMES, r.KIND])).toEqual([
      ['packagemetadatas', 'pkgm', 'PackageMetadata'],
      ['packages', 'pkg', 'Package'],
    ]);
    // Any authenticated console user may read the catalog.
    expect(await kubectl(['get', 'pkgm', '-n', SERVICES_NS, '-o', 'name'], 'developer')).toContain('packagemetadata.data.packaging.carvel.dev/cnpg.fling.vsphere.vmware.com');
  });

  it('installs each operator in its svc-<name>-domain-c8 namespace and reports the PackageInstall reconciled', async () => {
    const ns = await json<Obj>(['get', 'namespace', 'svc-cnpg-domain-c8']);
    expect(ns.metadata.labels).toMatchObject({ 'appplatform.vmware.com/serviceId': 'cnpg.fling.vsphere.vmware.com' });
    expect(await kubectl(['rollout', 'status', 'deployment/cnpg-controller-manager', '-n', 'svc-cnpg-domain-c8', '--timeout=60s'])).toContain('successfully rolled out');
    const image = await kubectl(['get', 'deploy', 'cnpg-controller-manager', '-n', 'svc-cnpg-domain-c8', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(image).toBe('ghcr.io/cloudnative-pg/cloudnative-pg:1.24.1');
    for (const id of ['cnpg.fling.vsphere.vmware.com', 'cass-operator.fling.vsphere.vmware.com', 'training-operator.fling.vsphere.vmware.com', 'minio.vsphere.vmware.com']) {
      await kubectl(['wait', '--for=condition=ReconcileSucceeded', `packageinstall/svc-${id}`, '-n', SERVICES_NS, '--timeout=60s']);
    }
    const row = parseTable(await kubectl(['get', 'pkgi', 'svc-cnpg.fling.vsphere.vmware.com', '-n', SERVICES_NS]))[0]!;
    expect([row['PACKAGE NAME'], row['PACKAGE VERSION'], row.DESCRIPTION]).toEqual(['cnpg.fling.vsphere.vmware.com', '1.24.1', 'Reconcile succeeded']);
  });

  it('a CloudNativePG Cluster becomes Ready with its instance pod, services, PVC and secrets', async () => {
    await apply(postgres('shop-db', 1));
    await kubectl(['wait', '--for=condition=Ready', 'cluster/shop-db', '-n', NS, '--timeout=60s']);
    const row = parseTable(await kubectl(['get', 'cluster', 'shop-db', '-n', NS]))[0]!;
    expect([row.INSTANCES, row.READY, row.STATUS, row.PRIMARY]).toEqual(['1', '1', 'Cluster in healthy state', 'shop-db-1']);
    const pods = await list('pods', 'cnpg.io/cluster=shop-db,cnpg.io/podRole=instance');
    expect(pods.map((p) => [p.metadata.name, p.metadata.labels?.['cnpg.io/instanceRole'], p.status?.phase])).toEqual([['shop-db-1', 'primary', 'Running']]);
    expect((await list('services', 'cnpg.io/cluster=shop-db')).map((s) => s.metadata.name).sort()).toEqual(['shop-db-r', 'shop-db-ro', 'shop-db-rw']);
    expect((await list('pvc', 'cnpg.io/cluster=shop-db')).map((p) => p.metadata.name)).toEqual(['shop-db-1']);
    expect(await kubectl(['get', 'job', 'shop-db-1-initdb', '-n', NS, '-o', 'jsonpath={.status.succeeded}'])).toBe('1');
    const app = await json<Obj>(['get', 'secret', 'shop-db-app', '-n', NS]);
    const decoded = Object.fromEntries(Object.entries(app.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
    expect(app.type).toBe('kubernetes.io/basic-auth');
    expect(decoded).toMatchObject({ username: 'shop', dbname: 'shop', host: 'shop-db-rw', port: '5432' });
    expect(decoded.uri).toBe(`postgresql://shop:${decoded.password}@shop-db-rw.${NS}:5432/shop`);
    const server = await json<Obj>(['get', 'secret', 'shop-db-server', '-n', NS]);
    const cert = new X509Certificate(Buffer.from(server.data!['tls.crt']!, 'base64').toString('utf8'));
    expect(cert.subjectAltName).toContain(`DNS:shop-db-rw.${NS}.svc`);
    const ca = await json<Obj>(['get', 'secret', 'shop-db-ca', '-n', NS]);
    expect(cert.checkIssued(new X509Certificate(Buffer.from(ca.data!['ca.crt']!, 'base64').toString('utf8')))).toBe(true);
    const cluster = await json<Obj>(['get', 'cluster', 'shop-db', '-n', NS]);
    expect(cluster.status).toMatchObject({ writeService: 'shop-db-rw', readService: 'shop-db-r', instancesStatus: { healthy: ['shop-db-1'] }, certificates: { serverTLSSecret: 'shop-db-server' } });
    expect(cond(cluster, 'Ready')).toMatchObject({ status: 'True', reason: 'ClusterIsReady', message: 'Cluster is Ready' });
    expect(await reasons('shop-db')).toContain('CreatingInstance: Primary instance (initdb)');
  });

  it('scales the Cluster from 1 to 3 instances, each replica joining through its own job, and back to 2', async () => {
    await kubectl(['scale', 'cluster/shop-db', '-n', NS, '--replicas=3']);
    await waitFor(async () => {
      const c = await json<Obj>(['get', 'cluster', 'shop-db', '-n', NS]);
      return c.status?.readyInstances === 3 && c.status?.phase === 'Cluster in healthy state' ? c : undefined;
    }, { timeoutMs: 60_000, what: 'three ready instances' });
    const pods = await list('pods', 'cnpg.io/cluster=shop-db,cnpg.io/podRole=instance');
    expect(pods.map((p) => [p.metadata.name, p.metadata.labels?.['cnpg.io/instanceRole']]).sort()).toEqual([
      ['shop-db-1', 'primary'],
      ['shop-db-2', 'replica'],
      ['shop-db-3', 'replica'],
    ]);
    expect((await list('jobs', 'cnpg.io/cluster=shop-db')).map((j) => j.metadata.name).sort()).toEqual(['shop-db-1-initdb', 'shop-db-2-join', 'shop-db-3-join']);
    expect(await reasons('shop-db')).toEqual(expect.arrayContaining(['CreatingInstance: Creating instance shop-db-2', 'CreatingInstance: Creating instance shop-db-3']));

    await kubectl(['patch', 'cluster', 'shop-db', '-n', NS, '--type=merge', '-p', '{"spec":{"instances":2}}']);
    await waitFor(async () => ((await list('pods', 'cnpg.io/cluster=shop-db,cnpg.io/podRole=instance')).length === 2 ? true : undefined), { what: 'scale-down to two instances' });
    expect((await list('pvc', 'cnpg.io/cluster=shop-db')).map((p) => p.metadata.name).sort()).toEqual(['shop-db-1', 'shop-db-2']);
    expect(await reasons('shop-db')).toContain('ScaleDown: Scaling down: removing instance shop-db-3');
  });

  it('deleting the Cluster removes its pods, PVCs, jobs, services and secrets', async () => {
    await kubectl(['delete', 'cluster', 'shop-db', '-n', NS, '--timeout=60s']);
    await waitFor(async () => {
      const left = await Promise.all(['pods', 'pvc', 'jobs', 'services', 'secrets'].map((k) => list(k, 'cnpg.io/cluster=shop-db')));
      return left.every((l) => l.length === 0) ? true : undefined;
    }, { timeoutMs: 30_000, what: 'the cluster children to be garbage collected' });
  });

  it('a CassandraDatacenter starts its nodes one by one and reaches Ready, then releases its finalizer on deletion', async () => {
    await apply({
      apiVersion: 'cassandra.datastax.com/v1beta1',
      kind: 'CassandraDatacenter',
      metadata: { name: 'dc1', namespace: NS },
      spec: {
        clusterName: 'catalog',
        serverType: 'cassandra',
        serverVersion: '4.1.5',
        size: 3,
        storageConfig: { cassandraDataVolumeClaimSpec: { storageClassName: SC, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '5Gi' } } } },
      },
    });
    await kubectl(['wait', '--for=condition=Ready', 'cassdc/dc1', '-n', NS, '--timeout=90s']);
    const dc = await json<Obj>(['get', 'cassdc', 'dc1', '-n', NS]);
    expect(dc.metadata.finalizers).toEqual(['finalizer.cassandra.datastax.com']);
    expect(dc.status).toMatchObject({ cassandraOperatorProgress: 'Ready' });
    expect(Object.keys(dc.status?.nodeStatuses as object).sort()).toEqual(['catalog-dc1-default-sts-0', 'catalog-dc1-default-sts-1', 'catalog-dc1-default-sts-2']);
    expect(cond(dc, 'Initialized')?.status).toBe('True');
    expect(await kubectl(['get', 'sts', 'catalog-dc1-default-sts', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).toBe('3');
    const pods = await list('pods', 'cassandra.datastax.com/datacenter=dc1');
    expect(pods.map((p) => p.metadata.labels?.['cassandra.datastax.com/node-state'])).toEqual(['Started', 'Started', 'Started']);
    expect(pods.filter((p) => p.metadata.labels?.['cassandra.datastax.com/seed-node'] === 'true')).toHaveLength(3);
    expect((await list('services', 'cassandra.datastax.com/cluster=catalog')).map((s) => s.metadata.name).sort()).toEqual(['catalog-dc1-additional-seed-service', 'catalog-dc1-all-pods-service', 'catalog-dc1-service', 'catalog-seed-service']);
    expect(await kubectl(['get', 'secret', 'catalog-superuser', '-n', NS, '-o', 'jsonpath={.data.username}'])).toBe(Buffer.from('catalog-superuser').toString('base64'));
    const events = await reasons('dc1');
    expect(events.filter((e) => e.startsWith('StartedCassandra'))).toHaveLength(3);
    expect(events).toContain('CreatedResource: Created statefulset catalog-dc1-default-sts');

    await kubectl(['delete', 'cassdc', 'dc1', '-n', NS, '--timeout=60s']);
    await waitFor(async () => ((await list('pvc', 'cassandra.datastax.com/datacenter=dc1')).length === 0 && (await list('sts', 'cassandra.datastax.com/datacenter=dc1')).length === 0 ? true : undefined), { timeoutMs: 30_000, what: 'the datacenter PVCs and StatefulSet to go' });
  });

  it('a TFJob creates a pod and a headless service per replica, runs and succeeds', async () => {
    // Training takes a simulated minute (the simulated runtime follows the command's sleeps), so
    // the operator sees the workers running before they complete.
    const command = ['/bin/sh', '-c', 'python /var/tf_mnist/mnist_with_summaries.py --learning_rate=0.01 && sleep 60'];
    const container = { name: 'tensorflow', image: 'kubeflow/tf-mnist-with-summaries:latest', command, resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '250m', memory: '512Mi' } } };
    await apply({ apiVersion: 'kubeflow.org/v1', kind: 'TFJob', metadata: { name: 'mnist', namespace: NS }, spec: { runPolicy: { cleanPodPolicy: 'None' }, tfReplicaSpecs: { Worker: { replicas: 2, restartPolicy: 'OnFailure', template: { spec: { containers: [container] } } } } } });
    await kubectl(['wait', '--for=condition=Succeeded', 'tfjob/mnist', '-n', NS, '--timeout=60s']);
    expect(parseTable(await kubectl(['get', 'tfjob', 'mnist', '-n', NS]))[0]!.STATE).toBe('Succeeded');
    const job = await json<Obj>(['get', 'tfjob', 'mnist', '-n', NS]);
    expect((job.status?.conditions as Cond[]).map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Created', 'True', 'TFJobCreated'],
      ['Running', 'False', 'TFJobRunning'],
      ['Succeeded', 'True', 'TFJobSucceeded'],
    ]);
    expect(cond(job, 'Succeeded')?.message).toBe(`TFJob ${NS}/mnist successfully completed.`);
    expect(job.status).toMatchObject({ replicaStatuses: { Worker: { succeeded: 2 } } });
    expect(job.status?.completionTime).toBeTruthy();
    const pods = await list('pods', 'training.kubeflow.org/job-name=mnist');
    expect(pods.map((p) => [p.metadata.name, p.metadata.labels?.['training.kubeflow.org/replica-type'], p.status?.phase]).sort()).toEqual([
      ['mnist-worker-0', 'worker', 'Succeeded'],
      ['mnist-worker-1', 'worker', 'Succeeded'],
    ]);
    const tfConfig = JSON.parse(await kubectl(['get', 'pod', 'mnist-worker-1', '-n', NS, '-o', 'jsonpath={.spec.containers[0].env[?(@.name=="TF_CONFIG")].value}'])) as { cluster: Record<string, string[]>; task: unknown };
    expect(tfConfig).toEqual({ cluster: { worker: [`mnist-worker-0.${NS}.svc:2222`, `mnist-worker-1.${NS}.svc:2222`] }, task: { type: 'worker', index: 1 }, environment: 'cloud' });
    expect((await list('services', 'training.kubeflow.org/job-name=mnist')).map((s) => [s.metadata.name, s.spec?.clusterIP]).sort()).toEqual([
      ['mnist-worker-0', 'None'],
      ['mnist-worker-1', 'None'],
    ]);
    expect(await reasons('mnist')).toEqual(expect.arrayContaining(['SuccessfulCreatePod: Created pod: mnist-worker-0', `TFJobSucceeded: TFJob ${NS}/mnist successfully completed.`]));
  });

  it('a MinIO Tenant is provisioned and reports Initialized and green', async () => {
    await apply({
      apiVersion: 'minio.min.io/v2',
      kind: 'Tenant',
      metadata: { name: 'store', namespace: NS },
      spec: { pools: [{ name: 'pool-0', servers: 4, volumesPerServer: 1, volumeClaimTemplate: { spec: { storageClassName: SC, accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }, resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '100m', memory: '256Mi' } } }] },
    });
    const row = await waitFor(async () => {
      const r = parseTable(await kubectl(['get', 'tenant', 'store', '-n', NS]))[0];
      return r?.STATE === 'Initialized' && r.HEALTH === 'green' ? r : undefined;
    }, { timeoutMs: 60_000, what: 'an Initialized tenant' });
    expect(row.NAME).toBe('store');
    const tenant = await json<Obj>(['get', 'tenant', 'store', '-n', NS]);
    expect(tenant.status).toMatchObject({ availableReplicas: 4, drivesOnline: 4, writeQuorum: 3, pools: [{ ssName: 'store-pool-0', state: 'PoolInitialized' }] });
    expect((await list('services', 'v1.min.io/tenant=store')).map((s) => s.metadata.name).sort()).toEqual(['minio', 'store-console', 'store-hl']);
  });
});

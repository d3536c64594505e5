import { uuidOf } from '../hash';
import { isoSeconds, isoTime } from './log-format';
import type { FamilyTable, LogContext, LogScript, StartupLine } from './log-script';

/**
 * Kubernetes operators built on controller-runtime: the manager's startup (metrics, leader
 * election, one "Starting Controller" per kind) and then reconcile lines. CloudNativePG logs
 * JSON records, the others zap's console format.
 */
interface OperatorProfile {
  json: boolean;
  group: string;
  controllers: { name: string; kind: string; objects: string[] }[];
  leaseName: string;
}

function profileFor(image: string): OperatorProfile {
  if (/cloudnative-pg/.test(image)) {
    return { json: true, group: 'postgresql.cnpg.io', leaseName: 'db9c8771.cnpg.io', controllers: [{ name: 'cluster', kind: 'Cluster', objects: ['pg-main', 'pg-analytics'] }, { name: 'backup', kind: 'Backup', objects: ['pg-main-nightly'] }, { name: 'pooler', kind: 'Pooler', objects: ['pg-main-rw'] }] };
  }
  if (/cass-operator/.test(image)) {
    return { json: false, group: 'cassandra.datastax.com', leaseName: 'b569adb7.cassandra.datastax.com', controllers: [{ name: 'cassandradatacenter', kind: 'CassandraDatacenter', objects: ['dc1'] }, { name: 'cassandratask', kind: 'CassandraTask', objects: ['dc1-cleanup'] }] };
  }
  if (/training-operator|tf-operator|kubeflow/.test(image)) {
    return { json: false, group: 'kubeflow.org', leaseName: '1ca428e5.training-operator.kubeflow.org', controllers: [{ name: 'tfjob-controller', kind: 'TFJob', objects: ['mnist-train', 'mnist-dist'] }, { name: 'pytorchjob-controller', kind: 'PyTorchJob', objects: [] }] };
  }
  if (/minio/.test(image)) {
    return { json: false, group: 'minio.min.io', leaseName: 'minio-operator-lock', controllers: [{ name: 'tenant', kind: 'Tenant', objects: ['object-store'] }] };
  }
  return { json: false, group: 'apps.example.com', leaseName: 'operator-lock', controllers: [{ name: 'app', kind: 'App', objects: ['app'] }] };
}

function operator(ctx: LogContext): LogScript {
  const p = profileFor(ctx.container.image.toLowerCase());
  const line = (level: string, logger: string, msg: string, fields: Record<string, unknown> = {}) => (at: Date) => {
    if (p.json) return JSON.stringify({ level, ts: isoTime(at), logger, msg, ...fields });
    const rest = Object.keys(fields).length ? `\t${JSON.stringify(fields).replace(/":/g, '": ').replace(/,"/g, ', "')}` : '';
    return `${isoSeconds(at)}\t${level.toUpperCase()}\t${logger ? `${logger}\t` : ''}${msg}${rest}`;
  };
  const ns = ctx.namespace;
  const startup: StartupLine[] = [
    { offsetMs: 300, text: line('info', 'setup', 'Starting manager', { version: ctx.container.image.split(':')[1] ?? 'latest' }) },
    { offsetMs: 320, text: line('info', 'controller-runtime.metrics', 'Starting metrics server') },
    { offsetMs: 330, text: line('info', 'controller-runtime.metrics', 'Serving metrics server', { bindAddress: ':8080', secure: false }) },
    { offsetMs: 340, text: line('info', '', 'starting server', { name: 'health probe', addr: '[::]:8081' }) },
    { offsetMs: 350, text: line('info', '', `attempting to acquire leader lease ${ns}/${p.leaseName}...`) },
    { offsetMs: 2350, text: line('info', '', `successfully acquired lease ${ns}/${p.leaseName}`) },
  ];
  let offset = 2400;
  for (const c of p.controllers) {
    const ids = { controller: c.name, controllerGroup: p.group, controllerKind: c.kind };
    startup.push({ offsetMs: offset++, text: line('info', '', 'Starting EventSource', { ...ids, source: `kind source: *v1.${c.kind}` }) });
    startup.push({ offsetMs: offset++, text: line('info', '', 'Starting Controller', ids) });
  }
  offset += 100;
  for (const c of p.controllers) startup.push({ offsetMs: offset++, text: line('info', '', 'Starting workers', { controller: c.name, controllerGroup: p.group, controllerKind: c.kind, 'worker count': 1 }) });
  const targets = p.controllers.flatMap((c) => c.objects.map((o) => ({ c, o })));
  return {
    startup,
    steadyMs: targets.length ? 5000 : undefined,
    steady: (i, at, rng) => {
      const { c, o } = targets[i % targets.length]!;
      const namespace = rng.pick(['team-a', 'team-b', 'platform']);
      const fields = { controller: c.name, controllerGroup: p.group, controllerKind: c.kind, [c.kind]: { name: o, namespace }, namespace, name: o, reconcileID: uuidOf('', ctx.podUid, i) };
      return line('info', '', rng.next() < 0.7 ? 'Reconciling' : 'Reconciliation loop end', fields)(at);
    },
  };
}

export const operatorFamilies: FamilyTable = { operator };

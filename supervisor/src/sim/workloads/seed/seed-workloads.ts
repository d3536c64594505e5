import type { KubeObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor } from '../../../controllers/controller-context';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { jobFromTemplate } from '../job/cronjob-controller';
import { parseCron, scheduleWindow } from '../job/cron-schedule';
import { defaultStorageClass } from '../storage/storage-admission';
import type { CronJob } from '../kit/types';
import { platform, teamA, teamB } from './seed-manifests';

/**
 * Seeds the demo workloads into whichever of team-a, team-b and platform exist: fixed names,
 * existing objects left alone. The nightly CronJob also gets the Job of its last run, as if the
 * supervisor had been up overnight; the controllers and the pod runtime take it from there.
 */
const RESOURCES: Record<string, [string, string]> = {
  Deployment: ['apps/v1', 'deployments'],
  StatefulSet: ['apps/v1', 'statefulsets'],
  Service: ['v1', 'services'],
  Pod: ['v1', 'pods'],
  Job: ['batch/v1', 'jobs'],
  CronJob: ['batch/v1', 'cronjobs'],
};

function ensure(client: SystemClient, obj: KubeObject): KubeObject | undefined {
  const [apiVersion, resource] = RESOURCES[obj.kind ?? '']!;
  if (client.get(apiVersion, resource, obj.metadata.namespace ?? '', obj.metadata.name ?? '')) return undefined;
  return client.create(apiVersion, resource, obj);
}

function storageClassFor(ctx: ControllerContext): string | undefined {
  const store = ctx.core.store;
  if (defaultStorageClass(store)) return undefined;
  const csi = store.list('storage.k8s.io/storageclasses').map((s) => s.obj).filter((sc) => sc.provisioner === 'csi.vsphere.vmware.com');
  return (csi.find((sc) => sc.metadata.name === 'vsan-default-storage-policy') ?? csi[0])?.metadata.name;
}

/** The last run of a freshly seeded CronJob: its Job, and lastScheduleTime pointing at it. */
function seedLastRun(client: SystemClient, cj: CronJob): void {
  const now = Date.now();
  const window = scheduleWindow(parseCron(cj.spec.schedule), now - 2 * 86_400_000, now, cj.spec.timeZone);
  if (window.mostRecent === undefined) return;
  const job = client.create('batch/v1', 'jobs', jobFromTemplate(cj, window.mostRecent));
  const ref = { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, resourceVersion: job.metadata.resourceVersion, uid: job.metadata.uid };
  client.updateStatus('batch/v1', 'cronjobs', { ...cj, status: { active: [ref], lastScheduleTime: new Date(window.mostRecent).toISOString().replace(/\.\d{3}Z$/, 'Z') } });
}

export function seedWorkloads(ctx: ControllerContext, namespaces: string[]): void {
  const client = clientFor(ctx, 'supervisor-seed');
  const wanted = new Set(namespaces);
  const objects: KubeObject[] = [
    ...(wanted.has('team-a') ? teamA('team-a') : []),
    ...(wanted.has('team-b') ? teamB('team-b', storageClassFor(ctx)) : []),
    ...(wanted.has('platform') ? platform('platform') : []),
  ];
  for (const obj of objects) {
    const created = ensure(client, obj);
    if (created?.kind === 'CronJob') seedLastRun(client, created as CronJob);
  }
}

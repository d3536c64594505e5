import type { ControllerContext } from '../../controllers/controller-context';
import { Indexes } from './kit/object-index';
import { startDeploymentController } from './deployment/deployment-controller';
import { startReplicaSetController } from './replicaset/replicaset-controller';
import { startStatefulSetController } from './statefulset/statefulset-controller';
import { startJobController } from './job/job-controller';
import { startCronJobController } from './job/cronjob-controller';
import { startTtlAfterFinishedController } from './job/ttl-after-finished';
import { startEndpointsController } from './endpoints/endpoints-controller';
import { startKubernetesService } from './endpoints/kubernetes-service';
import { startClaimController } from './storage/claim-controller';
import { storageAdmission } from './storage/storage-admission';
import { startVolumeController } from './storage/volume-controller';

/**
 * kube-controller-manager's workload controllers for the simulated supervisor: Deployment,
 * ReplicaSet, StatefulSet, Job, CronJob and TTL-after-finished, Endpoints and EndpointSlices,
 * and the storage side (dynamic provisioning for csi.vsphere.vmware.com, PVC/PV protection).
 * They act only through the API, so everything they do is an ordinary watch event.
 */
export function startWorkloads(ctx: ControllerContext): void {
  const indexes = new Indexes(ctx.core.store);
  ctx.onStop(() => indexes.stop());
  startReplicaSetController(ctx, indexes);
  startDeploymentController(ctx, indexes);
  startStatefulSetController(ctx, indexes);
  startJobController(ctx, indexes);
  startCronJobController(ctx, indexes);
  startTtlAfterFinishedController(ctx);
  startEndpointsController(ctx, indexes);
  startKubernetesService(ctx);
  ctx.admission.use(storageAdmission(ctx.core.store), 'mutating');
  startClaimController(ctx, indexes);
  startVolumeController(ctx);
}

export { seedWorkloads } from './seed/seed-workloads';

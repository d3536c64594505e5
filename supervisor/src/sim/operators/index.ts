import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { WorkQueue } from '../../controllers/work-queue';
import { installCatalog, installCrds, installWorkloads } from './carvel/installer';
import { startPackageInstallController } from './carvel/package-install-controller';
import type { SupervisorServiceDef } from './carvel/service-def';
import { startCassandraController } from './cassandra/controller';
import { cassandraService } from './cassandra/service';
import { startCnpgController } from './cnpg/controller';
import { cnpgService } from './cnpg/service';
import { startMinioController } from './minio/controller';
import { minioService } from './minio/service';
import { startTfJobController } from './tfjob/controller';
import { trainingService } from './tfjob/service';

export { seedOperatorInstances } from './seed';

/**
 * Operator-backed services installed the way a Supervisor Service is: on every start the
 * Supervisor (idempotently) applies each service's CRDs and its operator workload in
 * `svc-<name>-domain-c8`, publishes the Carvel catalog (PackageMetadata, Package) and the
 * PackageInstall in `vmware-system-supervisor-services`, and runs the operators' controllers:
 * CloudNativePG, cass-operator, the Kubeflow training-operator (TFJob) and MinIO.
 */
export const SUPERVISOR_SERVICES: SupervisorServiceDef[] = [cnpgService, cassandraService, trainingService, minioService];

const MANAGER = 'vmware-system-appplatform-operator';

export function startOperators(ctx: ControllerContext): void {
  const client = clientFor(ctx, MANAGER);
  installCrds(client, SUPERVISOR_SERVICES);
  installWorkloads(client, SUPERVISOR_SERVICES);

  // The catalog needs the Carvel kinds served, which happens once the CRD controller has
  // established their CRDs (immediately on a restart, a tick later on a fresh data dir).
  let installed = false;
  const queue = new WorkQueue('supervisor-services-catalog', () => {
    if (!installed) installed = installCatalog(client, SUPERVISOR_SERVICES);
  });
  const unsubscribe = ctx.core.store.subscribe('apiextensions.k8s.io/customresourcedefinitions', () => {
    if (!installed) queue.add('catalog');
  });
  queue.add('catalog');
  ctx.onStop(() => {
    unsubscribe();
    queue.stop();
  });

  startPackageInstallController(ctx, SUPERVISOR_SERVICES);
  startCnpgController(ctx);
  startCassandraController(ctx);
  startTfJobController(ctx);
  startMinioController(ctx);
}

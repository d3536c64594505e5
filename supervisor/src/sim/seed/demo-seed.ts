import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { seedHosts } from '../hosts';
import { seedOperatorInstances } from '../operators';
import { seedVmCatalog, seedVms, VM_SERVICE_CRDS } from '../vmservice';
import { seedWorkloads } from '../workloads';
import { DEMO_NAMESPACES, seedNamespaces } from './namespaces';
import { whenCrdsServed } from './when-served';

/**
 * The default demo supervisor, created on an empty data dir: hosts, namespaces with quotas and
 * limits, storage classes, the VM catalogue, workloads, VMs and operator-backed services. Each
 * part's seed is idempotent and goes through the API, so controllers take it from there and the
 * event history builds up as it would on a real supervisor.
 */
export async function seedDemo(ctx: ControllerContext): Promise<void> {
  const client = clientFor(ctx, 'supervisor-seed');
  seedHosts(ctx);
  seedNamespaces(client);
  await whenCrdsServed(ctx, VM_SERVICE_CRDS);
  seedVmCatalog(ctx, DEMO_NAMESPACES);
  seedWorkloads(ctx, DEMO_NAMESPACES);
  seedVms(ctx);
  await seedOperatorInstances(ctx);
}

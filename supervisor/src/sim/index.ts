import type { ControllerContext } from '../controllers/controller-context';
import { startHosts } from './hosts';
import { startSpherelet } from './spherelet';
import { startWorkloads } from './workloads';
import { startVmService } from './vmservice';
import { startOperators } from './operators';
import { startSeed } from './seed';

/**
 * The simulated supervisor: ESXi hosts and scheduling, the spherelet pod runtime, workload
 * controllers, VM Service and operator-backed services. Every part acts through the API, so
 * what it does is visible as ordinary objects and watch events.
 */
export function startSimulation(ctx: ControllerContext): void {
  const hosts = startHosts(ctx);
  startSpherelet(ctx, hosts);
  startWorkloads(ctx);
  startVmService(ctx, hosts);
  startOperators(ctx);
  startSeed(ctx, ctx.fresh === true);
}

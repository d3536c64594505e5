import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import type { Hosts } from '../hosts';
import { consoleServer } from './console/console-server';
import { consoleTargetFor } from './console/console-target';
import { TicketBook } from './console/ticket';
import { startWebConsoleController } from './console/webconsole-controller';
import { MANAGER_NAME, VMS, table } from './constants';
import { installCrds, VM_SERVICE_CRDS } from './crds';
import { startPublishController } from './publish-controller';
import { vmQuotaUsage } from './resources';
import { startSnapshotController } from './snapshot-controller';
import { vmServiceAdmission } from './vm-admission';
import { startVmController } from './vm-controller';
import { newRuntime } from './vm-draft';
import { startVmServiceController } from './vmservice-controller';

/**
 * VM Service (vm-operator, `vmoperator.vmware.com`): installs the CRDs, the webhooks (as an
 * admission plugin) and the VM quota evaluator, then, once the kinds are served, the
 * VirtualMachine, snapshot, VirtualMachineService, web console and publish controllers, and the
 * web console's WebSocket endpoints.
 */
export { seedVmCatalog } from './seed-catalog';
export { seedVms } from './seed-vms';
export { VM_SERVICE_CRDS } from './crds';

/** Console WebSocket paths served through core.upgradeRoutes. */
export const CONSOLE_PATHS = ['/ticket/', '/vm/web-console/proxy'];

export function startVmService(ctx: ControllerContext, hosts: Hosts): void {
  const { store, registry } = ctx.core;
  ctx.admission.use(vmServiceAdmission(store), 'mutating');
  ctx.quotas.register(table(VMS), vmQuotaUsage);
  installCrds(clientFor(ctx, MANAGER_NAME));

  const rt = newRuntime();
  const tickets = new TicketBook();
  const consoles = consoleServer({ tickets, clock: ctx.clock, target: consoleTargetFor(store, rt, ctx.clock.scale) });
  for (const path of CONSOLE_PATHS) ctx.core.upgradeRoutes?.set(path, consoles.handle);

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const served = (): boolean =>
    VM_SERVICE_CRDS.every((c) => {
      const v = c.spec.versions?.[0]?.name ?? '';
      return registry.lookup(c.spec.group ?? '', v, c.spec.names?.plural ?? '') !== undefined;
    });
  const start = (): void => {
    if (stopped) return;
    if (!served()) {
      timer = setTimeout(start, 5);
      return;
    }
    startVmController(ctx, hosts, rt);
    startSnapshotController(ctx);
    startVmServiceController(ctx);
    startWebConsoleController(ctx, tickets);
    startPublishController(ctx);
  };
  start();
  ctx.onStop(() => {
    stopped = true;
    clearTimeout(timer);
    consoles.close();
    for (const path of CONSOLE_PATHS) ctx.core.upgradeRoutes?.delete(path);
  });
}

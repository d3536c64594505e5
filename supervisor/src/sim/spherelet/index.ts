import type { ControllerContext } from '../../controllers/controller-context';
import type { Hosts } from '../hosts';
import type { HostFailureCheck } from './host-view';
import { SphereletLogs } from './logs/log-provider';
import { Spherelet } from './spherelet';

/**
 * The spherelet part of the simulated supervisor: the kubelet inside each ESXi host that runs
 * vSphere Pods. It drives every pod bound to a host that is up (status, annotations, kubelet
 * events, crash loops, completion, graceful deletion) and serves `pods/log`.
 */
export { Spherelet, SPHERELET_MANAGER } from './spherelet';
export { SphereletLogs } from './logs/log-provider';
export { vspherePodAnnotations, VSPHERE_POD_ANNOTATIONS } from './annotations';
export { namespaceSegment } from './pod-ip';

/** The hosts part's failure check, when the Hosts it returns carries one (`states.isDown`). */
function failureCheckOf(hosts: Hosts): HostFailureCheck | undefined {
  const states = (hosts as unknown as { states?: Partial<HostFailureCheck> }).states;
  return states && typeof states.isDown === 'function' ? (states as HostFailureCheck) : undefined;
}

export function startSpherelet(ctx: ControllerContext, hosts: Hosts): void {
  const spherelet = new Spherelet(ctx, failureCheckOf(hosts));
  spherelet.start();
  const logs = new SphereletLogs(ctx.core.store, ctx.clock.scale);
  ctx.core.logs = logs;
  ctx.onStop(() => logs.closeAll());
}

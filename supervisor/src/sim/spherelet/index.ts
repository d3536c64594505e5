import type { ControllerContext } from '../../controllers/controller-context';
import type { Hosts } from '../hosts';
import { hostIP, hostUp, type HostFailureCheck } from './host-view';
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

/** The hosts part's failure check, when it provides one (test doubles may not). */
function failureCheckOf(hosts: Hosts): HostFailureCheck | undefined {
  const isHostDown = hosts.isHostDown?.bind(hosts);
  if (isHostDown) return { isDown: isHostDown };
  return hosts.states;
}

export function startSpherelet(ctx: ControllerContext, hosts: Hosts): void {
  const failures = failureCheckOf(hosts);
  const spherelet = new Spherelet(ctx, failures);
  spherelet.start();
  const lookup = (nodeName: string) => {
    const node = ctx.core.store.get('core/nodes', '', nodeName)?.obj;
    return { exists: node !== undefined, up: hostUp(node, failures), ip: node ? hostIP(node) : nodeName };
  };
  const logs = new SphereletLogs(ctx.core.store, ctx.clock.scale, lookup);
  ctx.core.logs = logs;
  ctx.onStop(() => logs.closeAll());
}

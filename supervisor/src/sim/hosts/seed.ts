import { ApiError } from '../../api/errors';
import { clientFor, type ControllerContext } from '../../controllers/controller-context';
import { timestamp } from '../../core/metadata';
import { DEMO_HOSTS, nodeManifest } from './host-catalog';
import { kubeletStatus } from './node-status';
import { kubeletNodeEvents, recordKubeletStart } from './kubelet-events';

/**
 * The demo inventory's hosts: four ESXi hosts in two zones, registered as their spherelets
 * would (the Node, then its first status). Idempotent: existing Nodes are left alone, so it can
 * run on every start and from the integrator's seed. Returns the names it created.
 */
export function seedHosts(ctx: ControllerContext): string[] {
  const client = clientFor(ctx, 'supervisor-seed');
  const created: string[] = [];
  const events = kubeletNodeEvents(ctx);
  for (const host of DEMO_HOSTS) {
    if (client.get('v1', 'nodes', '', host.name)) continue;
    try {
      const node = client.create('v1', 'nodes', nodeManifest(host));
      client.updateStatus('v1', 'nodes', { ...node, status: kubeletStatus(host, {}, timestamp(new Date()), true) });
      recordKubeletStart(events, host.name);
      events(host.name, 'NodeReady');
      created.push(host.name);
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 409)) throw e;
    }
  }
  return created;
}

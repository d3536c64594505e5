import type { ControllerContext } from '../../controllers/controller-context';
import type { Placement } from '../contracts';

/** Placeholder until the hosts part lands: no hosts, nothing can be placed. */
export interface Hosts {
  placement: Placement;
}

export function startHosts(_ctx: ControllerContext): Hosts {
  return {
    placement: {
      place: () => ({ ok: false, message: '0/0 nodes are available.' }),
      allocated: () => ({ cpu: 0, memory: 0 }),
      addConsumers: () => {},
      isReady: () => false,
    },
  };
}

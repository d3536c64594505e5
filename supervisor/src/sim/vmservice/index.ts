import type { ControllerContext } from '../../controllers/controller-context';
import type { Hosts } from '../hosts';

/** Placeholder until the VM Service part lands. */
export function startVmService(_ctx: ControllerContext, _hosts: Hosts): void {}

import type { ControllerContext } from '../../controllers/controller-context';
import type { Hosts } from '../hosts';

/** Placeholder until the spherelet part lands. */
export function startSpherelet(_ctx: ControllerContext, _hosts: Hosts): void {}

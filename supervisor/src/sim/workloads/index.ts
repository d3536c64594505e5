import type { ControllerContext } from '../../controllers/controller-context';

/** Placeholder until the workloads part lands. */
export function startWorkloads(_ctx: ControllerContext): void {}

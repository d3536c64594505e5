import type { ControllerContext } from '../../controllers/controller-context';

/** Placeholder until the operators part lands. */
export function startOperators(_ctx: ControllerContext): void {}

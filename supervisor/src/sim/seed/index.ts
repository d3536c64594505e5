import type { ControllerContext } from '../../controllers/controller-context';
import { seedDemo } from './demo-seed';
import { seedScale } from './scale-seed';

/**
 * Seeds a fresh data dir per `--seed`: `default` (the demo supervisor), `scale` (large
 * inventories for the benchmark), `none` (nothing). Runs once, after the bootstrap objects exist;
 * an existing data dir is never re-seeded.
 */
export function startSeed(ctx: ControllerContext, fresh: boolean): void {
  const mode = ctx.core.config.seed;
  if (!fresh || mode === 'none') return;
  const timer = setImmediate(() => {
    const started = Date.now();
    const run = mode === 'scale' ? seedScale(ctx) : seedDemo(ctx);
    Promise.resolve(run)
      .then((summary) => {
        if (ctx.core.config.log !== 'quiet') process.stdout.write(`supervisor: seeded (${mode}) in ${Date.now() - started} ms${summary ? `: ${summary}` : ''}\n`);
      })
      .catch((e: unknown) => process.stderr.write(`supervisor: seeding failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`));
  });
  ctx.onStop(() => clearImmediate(timer));
}

import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor } from '../../../controllers/controller-context';
import { splitKey } from '../../../controllers/work-queue';
import { getCondition } from '../kit/conditions';
import { startController } from '../kit/controller-loop';
import { simSecondsLeft } from '../kit/sim-time';
import type { Job } from '../kit/types';

/**
 * The TTL-after-finished controller: a finished Job with `ttlSecondsAfterFinished` is deleted
 * (foreground, so its pods go first) that many simulated seconds after it completed or failed.
 */
export function finishedAt(job: Job): string | undefined {
  for (const type of ['Complete', 'Failed']) {
    const c = getCondition(job.status?.conditions, type);
    if (c?.status === 'True') return type === 'Complete' ? (job.status?.completionTime ?? c.lastTransitionTime) : c.lastTransitionTime;
  }
  return undefined;
}

export function startTtlAfterFinishedController(ctx: ControllerContext): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const controller = startController(ctx, {
    name: 'ttl-after-finished-controller',
    primary: 'batch/jobs',
    sync(key) {
      const { namespace, name } = splitKey(key);
      const job = ctx.core.store.get('batch/jobs', namespace, name)?.obj as Job | undefined;
      const ttl = job?.spec.ttlSecondsAfterFinished;
      if (!job || ttl === undefined || job.metadata.deletionTimestamp) return;
      const finished = finishedAt(job);
      if (!finished) return;
      const left = simSecondsLeft(finished, ttl, Date.now(), ctx.clock.scale);
      if (left > 0) return controller.requeueAfter(key, left * 1000 + 1);
      client.delete('batch/v1', 'jobs', namespace, name, { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
    },
  });
}

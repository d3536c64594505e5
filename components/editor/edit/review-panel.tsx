'use client';

import { DiffView } from '../diff-view';
import type { Review } from './use-edit-session';

/**
 * The review before a save: the server accepted the object in a dry run (admission, validation
 * and Strict field validation ran), and this is what will change — a field summary
 * ("spec.replicas: 2 → 3") and the line diff of the live object against the one to be sent.
 */
export function ReviewPanel({ review }: { review: Review }) {
  return (
    <section aria-label="Review changes" className="flex min-h-0 flex-1 flex-col gap-2">
      <p role="status" className="text-xs text-emerald-800 dark:text-emerald-300">
        The server accepted this in a dry run. Nothing is saved until you choose Save.
      </p>
      {review.warnings.length ? (
        <ul aria-label="Server warnings" className="list-disc pl-5 text-xs text-amber-800 dark:text-amber-300">
          {review.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
      <div>
        <h3 className="text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">What will change</h3>
        {review.changes.length ? (
          <ul aria-label="Field changes" className="mt-1 space-y-0.5 font-mono text-xs">
            {review.changes.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-xs text-muted dark:text-muted-dark">No field changes.</p>
        )}
      </div>
      <DiffView lines={review.lines} label="Diff of the object on the server and your edit" oldLabel="Server" newLabel="Yours" />
    </section>
  );
}

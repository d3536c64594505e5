'use client';

import { AlertCard } from '@/components/ui/alert-card';

/** Last-resort boundary for unexpected errors in a page; expected failures are rendered by the pages. */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : undefined;
  return (
    <div className="p-4">
      <AlertCard
        title="This page failed to load"
        actions={
          <button type="button" onClick={() => retry()} className="rounded-sm border border-current px-2.5 py-1 text-xs font-medium">
            Try again
          </button>
        }
      >
        <p>
          An unexpected error occurred on the server.
          {digest ? (
            <>
              {' '}
              Reference: <span className="font-mono text-xs">{digest}</span> (in the console&apos;s log).
            </>
          ) : null}
        </p>
      </AlertCard>
    </div>
  );
}

'use client';

import { useEffect, useState } from 'react';
import { elapsedText, sinceText } from './stale-text';
import { useOutage } from './use-outage';

/**
 * Under the header while live data is paused (the watch stream or a list cannot reach the API
 * server): since when, in clock time and as a ticking duration. The data on screen stays; the
 * banner goes away by itself once the stream is live again. The live region announces the
 * sentence once; the ticking duration is hidden from it so it is not re-read every second.
 */
export function StaleBanner() {
  const outage = useOutage();
  const [now, setNow] = useState(() => Date.now());
  const since = outage?.since;
  // The clock may not have ticked yet since the outage began.
  const at = Math.max(now, since ?? 0);

  useEffect(() => {
    if (since === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);

  return (
    <div role="status" className="shrink-0">
      {outage === undefined ? null : (
        <div
          className="flex shrink-0 items-center gap-2 border-b border-amber-300 bg-amber-50 px-4 py-1.5 text-[13px] text-amber-950 dark:border-amber-700/60 dark:bg-amber-950/60 dark:text-amber-100"
          title={outage.reason}
          data-testid="stale-banner"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 shrink-0 text-amber-600 dark:text-amber-400">
            <path d="M8 1.8 14.6 13.6H1.4Z" fill="currentColor" />
            <path d="M8 6v3 M8 11.2v.3" stroke="white" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          <p>
            <strong className="font-semibold">Live data paused</strong> — the supervisor has been unreachable since{' '}
            <time dateTime={new Date(outage.since).toISOString()}>{sinceText(outage.since, at)}</time>
            <span aria-hidden="true"> ({elapsedText(at - outage.since)})</span>. Showing the last known state. Retrying…
          </p>
        </div>
      )}
    </div>
  );
}

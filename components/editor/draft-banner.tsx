'use client';

import { draftTime } from '@/lib/editor/drafts';

/** "Restored your unsaved edit from 14:02 — Discard": shown when a draft replaced the server's text. */
export function DraftBanner({ savedAt, note, onDiscard }: { savedAt: number; note?: string; onDiscard(): void }) {
  return (
    <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-sm border border-l-4 border-sky-300 border-l-sky-600 bg-sky-50 px-3 py-1.5 text-xs text-sky-950 dark:border-sky-900 dark:border-l-sky-500 dark:bg-sky-950/40 dark:text-sky-100">
      <span>
        Restored your unsaved edit from {draftTime(savedAt)}.{note ? ` ${note}` : ''}
      </span>
      <button type="button" onClick={onDiscard} className="font-medium text-accent underline underline-offset-2 dark:text-accent-dark">
        Discard
      </button>
    </div>
  );
}

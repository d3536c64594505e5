'use client';

import type { EditSession } from './use-edit-session';

/** The edit's buttons for its phase: Review changes → Save (or Back to edit); Discard. */
const PRIMARY = 'h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-sky-600 dark:hover:bg-sky-500';
const SECONDARY = 'h-7 rounded-sm border border-line bg-panel px-3 text-xs font-medium hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50 dark:border-line-dark dark:bg-panel-dark dark:hover:bg-white/10';

export function EditToolbar({ session, canWrite }: { session: EditSession; canWrite: boolean }) {
  const { phase, dirty } = session;
  const reviewing = phase === 'review' || phase === 'saving';
  return (
    <div role="toolbar" aria-label="Edit actions" className="flex flex-wrap items-center gap-1.5">
      {reviewing ? (
        <>
          <button type="button" className={PRIMARY} disabled={phase === 'saving' || !canWrite} onClick={() => void session.save()}>
            {phase === 'saving' ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className={SECONDARY} disabled={phase === 'saving'} onClick={session.backToEdit}>
            Back to edit
          </button>
        </>
      ) : phase === 'conflict' ? null : (
        <button
          type="button"
          className={PRIMARY}
          disabled={!dirty || phase === 'checking' || !canWrite}
          title={!canWrite ? 'You may not change this object.' : !dirty ? 'Nothing has changed yet.' : undefined}
          onClick={() => void session.startReview()}
        >
          {phase === 'checking' ? 'Checking with the server…' : 'Review changes'}
        </button>
      )}
      {phase !== 'conflict' ? (
        <button type="button" className={SECONDARY} disabled={!dirty || phase === 'saving'} onClick={session.discard}>
          Discard changes
        </button>
      ) : null}
    </div>
  );
}

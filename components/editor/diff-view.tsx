'use client';

import { useMemo, useState } from 'react';
import { diffHunks, type DiffLine } from '@/lib/editor/diff';

/**
 * A unified line diff, as a table (old line, new line, text) so it reads well with a screen
 * reader: removed lines are marked "−" and "Removed", added ones "+" and "Added". Unchanged
 * stretches are folded to a few lines of context unless "Show all lines" is on.
 */
const ROW: Record<DiffLine['op'], string> = {
  same: '',
  add: 'bg-emerald-50 text-emerald-950 dark:bg-emerald-950/50 dark:text-emerald-100',
  del: 'bg-red-50 text-red-950 dark:bg-red-950/50 dark:text-red-100',
};
const SIGN: Record<DiffLine['op'], string> = { same: ' ', add: '+', del: '−' };
const WORD: Record<DiffLine['op'], string> = { same: '', add: 'Added: ', del: 'Removed: ' };

export function DiffView({ lines, label = 'Changes to the object on the server', oldLabel = 'Server', newLabel = 'Yours' }: { lines: readonly DiffLine[]; label?: string; oldLabel?: string; newLabel?: string }) {
  const [all, setAll] = useState(false);
  const hunks = useMemo(() => (all ? [{ oldStart: 1, newStart: 1, lines: [...lines] }] : diffHunks(lines, 3)), [lines, all]);
  const added = lines.filter((l) => l.op === 'add').length;
  const removed = lines.filter((l) => l.op === 'del').length;
  return (
    <div className="flex min-h-0 flex-col">
      <div className="flex items-center gap-3 py-1 text-xs">
        <span className="text-emerald-700 dark:text-emerald-300">+{added}</span>
        <span className="text-red-700 dark:text-red-300">−{removed}</span>
        <label className="ml-auto flex items-center gap-1.5">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} className="accent-accent" />
          Show all lines
        </label>
      </div>
      {added + removed === 0 ? (
        <p role="status" className="rounded-sm border border-line bg-panel px-3 py-2 text-muted dark:border-line-dark dark:bg-panel-dark dark:text-muted-dark">
          No changes: the server already has exactly this.
        </p>
      ) : (
        <div className="min-h-0 overflow-auto rounded-sm border border-line bg-panel dark:border-line-dark dark:bg-panel-dark">
          <table aria-label={label} className="w-full border-collapse font-mono text-xs leading-5">
            <thead className="sr-only">
              <tr>
                <th scope="col">{oldLabel} line</th>
                <th scope="col">{newLabel} line</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            {hunks.map((h, i) => (
              <tbody key={i} className="border-t border-line first:border-t-0 dark:border-line-dark">
                {!all ? (
                  <tr className="bg-slate-50 text-muted dark:bg-white/5 dark:text-muted-dark">
                    <td colSpan={3} className="px-2 py-0.5">
                      @@ {oldLabel.toLowerCase()} line {h.oldStart}, {newLabel.toLowerCase()} line {h.newStart} @@
                    </td>
                  </tr>
                ) : null}
                {h.lines.map((l, j) => (
                  <tr key={j} className={ROW[l.op]}>
                    <td className="w-10 select-none px-1 text-right align-top text-muted dark:text-muted-dark">{l.oldNo ?? ''}</td>
                    <td className="w-10 select-none px-1 text-right align-top text-muted dark:text-muted-dark">{l.newNo ?? ''}</td>
                    <td className="whitespace-pre px-2">
                      <span aria-hidden="true" className="select-none pr-1">
                        {SIGN[l.op]}
                      </span>
                      <span className="sr-only">{WORD[l.op]}</span>
                      {l.text}
                    </td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        </div>
      )}
    </div>
  );
}

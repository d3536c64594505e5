'use client';

import type { ImportRow } from './use-import';

/** One row per object: what it is, where it came from in the file, and what happened to it. */
const TONE: Record<string, string> = {
  created: 'text-emerald-700 dark:text-emerald-300',
  configured: 'text-sky-700 dark:text-sky-300',
  unchanged: 'text-muted dark:text-muted-dark',
  error: 'text-red-700 dark:text-red-300',
};

export function ImportResults({ rows, dryRun }: { rows: readonly ImportRow[]; dryRun: boolean }) {
  if (rows.length === 0) return null;
  const done = rows.filter((r) => r.result).length;
  const counts = new Map<string, number>();
  for (const r of rows) if (r.result) counts.set(r.result.outcome, (counts.get(r.result.outcome) ?? 0) + 1);
  const parts = ['created', 'configured', 'unchanged', 'error'].flatMap((o) => (counts.get(o) ? [`${counts.get(o)} ${o === 'error' ? 'failed' : o}`] : []));
  return (
    <section aria-label="Import results" className="space-y-1">
      <p role="status" className="text-xs">
        {done < rows.length
          ? `Applying ${done + 1} of ${rows.length}…`
          : `${rows.length} ${rows.length === 1 ? 'object' : 'objects'} ${dryRun ? 'checked in a dry run (nothing saved)' : 'applied'}: ${parts.join(', ')}.`}
      </p>
      <table aria-label="Results per object" className="w-full border-collapse text-xs">
        <thead>
          <tr className="border-b border-line text-left text-muted dark:border-line-dark dark:text-muted-dark">
            <th scope="col" className="py-1 pr-3 font-medium">Object</th>
            <th scope="col" className="py-1 pr-3 font-medium">Line</th>
            <th scope="col" className="py-1 pr-3 font-medium">Result</th>
            <th scope="col" className="py-1 font-medium">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => {
            const outcome = r.result?.outcome;
            const detail = r.result ? (r.result.outcome === 'error' ? r.result.message : r.result.warnings.join('; ')) : r.item.problem;
            return (
              <tr key={i} className="border-b border-line align-top dark:border-line-dark">
                <th scope="row" className="py-1 pr-3 text-left font-mono font-normal">{r.item.label}</th>
                <td className="py-1 pr-3 tabular-nums">{r.item.line}</td>
                <td className={`py-1 pr-3 font-medium ${outcome ? TONE[outcome] : ''}`}>
                  {r.running ? 'applying…' : outcome ? `${outcome}${dryRun && outcome !== 'error' ? ' (dry run)' : ''}` : 'waiting'}
                </td>
                <td className="break-words py-1">{detail ?? ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

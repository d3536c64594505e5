'use client';

import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';

/**
 * The editor's diagnostics as plain text under it — squiggles are invisible to screen readers
 * and easy to miss — each with its line and a button that moves the cursor there.
 */
export type Problem = EditorDiagnostic & { line?: number };

/** Adds 1-based line numbers (one pass over the text, then a binary search per diagnostic). */
export function withLines(text: string, diagnostics: readonly EditorDiagnostic[]): Problem[] {
  if (diagnostics.length === 0) return [];
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return diagnostics.map((d) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= d.from) lo = mid;
      else hi = mid - 1;
    }
    return { ...d, line: lo + 1 };
  });
}

const SOURCE: Record<EditorDiagnostic['source'], string> = { yaml: 'YAML', schema: 'Schema', server: 'Server' };

export function ProblemsList({ problems, onGo }: { problems: readonly Problem[]; onGo: (p: Problem) => void }) {
  if (problems.length === 0) return null;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section aria-label="Problems" className="mt-2 max-h-40 overflow-auto rounded-sm border border-red-200 bg-red-50/60 text-xs dark:border-red-900 dark:bg-red-950/40">
      <h3 className="sticky top-0 bg-inherit px-2 py-1 font-semibold text-red-800 dark:text-red-200">
        {errors} {errors === 1 ? 'problem' : 'problems'}
        {problems.length > errors ? `, ${problems.length - errors} warnings` : ''}
      </h3>
      <ul className="pb-1">
        {problems.map((p, i) => (
          <li key={i} className="flex items-start gap-2 px-2 py-0.5">
            <button type="button" onClick={() => onGo(p)} className="shrink-0 font-mono text-accent underline-offset-2 hover:underline dark:text-accent-dark" aria-label={`Go to line ${p.line ?? 1}`}>
              Line {p.line ?? 1}
            </button>
            <span className="shrink-0 text-muted dark:text-muted-dark">{SOURCE[p.source]}</span>
            <span className="min-w-0 break-words text-red-900 dark:text-red-100">{p.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

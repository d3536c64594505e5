'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { SyncedEditor } from '@/components/editor/synced-editor';
import type { SyncModel } from '@/components/forms/use-sync-model';
import type { KindSchema } from '@/lib/editor/openapi';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';

/**
 * A multi-step create wizard with the YAML alongside at every step. The steps are an ordered
 * list of buttons (the current one marked `aria-current="step"`, finished ones ticked, any one
 * can be opened); Back and Next move one step (also Alt+← / Alt+→); the new step's heading
 * takes focus so screen readers announce it. The last step is where the wizard puts its
 * review, quota preview and Create.
 */
export interface WizardStep {
  id: string;
  title: string;
  /** What was chosen, shown under the step's name ("best-effort-small"). */
  summary?: string;
  /** Why the step is not complete yet (Next still works; the review lists it). */
  incomplete?: string;
  content: ReactNode;
}

export interface WizardShellProps {
  title: string;
  subtitle?: ReactNode;
  steps: WizardStep[];
  model: SyncModel;
  yamlLabel: string;
  diagnostics?: EditorDiagnostic[];
  /** Opens at this step (e.g. the review after a failed create). */
  initialStep?: string;
  /** For a one-object wizard: the kind's schema (the YAML is then checked against it). */
  schema?: KindSchema;
}

export function WizardShell({ title, subtitle, steps, model, yamlLabel, diagnostics, initialStep, schema }: WizardShellProps) {
  const [current, setCurrent] = useState(() => Math.max(0, steps.findIndex((s) => s.id === initialStep)));
  const [visited, setVisited] = useState<Set<number>>(() => new Set([0]));
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const index = Math.min(current, steps.length - 1);
  const step = steps[index]!;

  const go = (i: number) => {
    if (i < 0 || i >= steps.length) return;
    moved.current = true;
    setCurrent(i);
    setVisited((v) => new Set(v).add(i));
  };

  useEffect(() => {
    if (moved.current) heading.current?.focus();
    moved.current = false;
  }, [index]);

  return (
    <div
      className="flex min-h-full flex-col"
      onKeyDown={(e) => {
        if (!e.altKey || e.ctrlKey || e.metaKey) return;
        if (e.key === 'ArrowRight') go(index + 1);
        else if (e.key === 'ArrowLeft') go(index - 1);
        else return;
        e.preventDefault();
      }}
    >
      <header className="px-4 pt-3">
        <h1 className="text-lg font-semibold">{title}</h1>
        {subtitle ? <div className="text-xs text-muted dark:text-muted-dark">{subtitle}</div> : null}
      </header>
      <div className="flex min-h-0 flex-1 flex-col gap-2 px-4 py-2">
        <nav aria-label="Steps" className="shrink-0">
          <ol className="flex flex-wrap gap-1">
            {steps.map((s, i) => {
              const done = visited.has(i) && i !== index && !s.incomplete;
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    aria-current={i === index ? 'step' : undefined}
                    onClick={() => go(i)}
                    className={`flex max-w-48 items-start gap-1.5 rounded-sm border px-2 py-1 text-left text-xs ${i === index ? 'border-sky-300 bg-sky-100 font-semibold text-slate-950 dark:border-sky-700 dark:bg-sky-900/60 dark:text-white' : 'border-transparent hover:bg-slate-100 dark:hover:bg-white/5'}`}
                  >
                    <span aria-hidden="true" className={`mt-px flex size-4 shrink-0 items-center justify-center rounded-full text-[10px] ${done ? 'bg-emerald-600 text-white' : i === index ? 'bg-accent text-white dark:bg-accent-dark dark:text-slate-950' : 'border border-line dark:border-line-dark'}`}>
                      {done ? '✓' : i + 1}
                    </span>
                    <span className="min-w-0">
                      <span className="block">{s.title}</span>
                      {s.summary ? <span className="block max-w-36 truncate font-normal text-[11px] text-muted dark:text-muted-dark">{s.summary}</span> : null}
                      <span className="sr-only">{done ? ', done' : s.incomplete && visited.has(i) ? `, incomplete: ${s.incomplete}` : ''}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </nav>
        <div className="min-w-0 flex-1">
          <SyncedEditor model={model} yamlLabel={yamlLabel} multi={!schema} schema={schema} diagnostics={diagnostics} formTitle={step.title}>
            <div className="rounded-sm border border-line bg-panel p-3 dark:border-line-dark dark:bg-panel-dark">
              <h2 ref={heading} tabIndex={-1} className="mb-2 text-sm font-semibold outline-none">
                <span className="text-muted dark:text-muted-dark">
                  Step {index + 1} of {steps.length}:
                </span>{' '}
                {step.title}
              </h2>
              <div key={step.id}>{step.content}</div>
              <div className="mt-3 flex items-center gap-2 border-t border-line pt-2 dark:border-line-dark">
                <button type="button" onClick={() => go(index - 1)} disabled={index === 0} aria-keyshortcuts="Alt+ArrowLeft" className="h-7 rounded-sm border border-line px-3 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 dark:border-line-dark dark:hover:bg-white/10">
                  Back
                </button>
                {index < steps.length - 1 ? (
                  <button type="button" onClick={() => go(index + 1)} aria-keyshortcuts="Alt+ArrowRight" className="h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500">
                    Next: {steps[index + 1]!.title}
                  </button>
                ) : null}
                {step.incomplete ? <span className="text-xs text-amber-800 dark:text-amber-300">{step.incomplete}</span> : null}
              </div>
            </div>
          </SyncedEditor>
        </div>
      </div>
    </div>
  );
}

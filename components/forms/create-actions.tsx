'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useState } from 'react';
import { PrimaryButton, SecondaryButton } from '@/components/actions/modal';
import { describeItem } from '@/lib/forms/create-plan';
import { documentProblems } from '@/lib/forms/yaml-locate';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';
import { pageHref } from '@/lib/resources/page-href';
import { descriptorId } from '@/lib/resources/types';
import { useCreateObjects, type ItemResult } from './use-create-objects';

/**
 * The end of every create screen: "Dry run" (the server checks everything, nothing is stored)
 * and "Create" (a dry run first, then the real creates), blocked with a reason while the YAML
 * does not parse or the quota would be exceeded. The server's problems go to the YAML editor at
 * their lines and are listed here. After a create, the new object's page opens, where it
 * becomes ready live.
 */
export interface CreateActionsProps {
  values: readonly unknown[];
  text: string;
  namespace?: string;
  /** Why Create cannot be pressed (shown next to it), or undefined. */
  blocked?: string;
  /** The document whose page opens after the create (default: the first). */
  mainIndex?: number;
  /** The server's problems as diagnostics, for the text they were found in (stale once it changes). */
  onDiagnostics(diagnostics: EditorDiagnostic[], text: string): void;
  /** What is being created, for the button ("Create virtual machine"). */
  what?: string;
}

export function itemHref(r: ItemResult): string | undefined {
  const o = r.created;
  const name = o?.metadata.name;
  if (!o || !name) return undefined;
  const i = r.item;
  return pageHref({ id: descriptorId(i.group, i.resource), group: i.group, kind: i.kind, namespaced: i.namespaced }, o.metadata.namespace, name);
}

export function CreateActions({ values, text, namespace, blocked, mainIndex = 0, onDiagnostics, what = 'Create' }: CreateActionsProps) {
  const router = useRouter();
  const { run, check, create, reset, ready } = useCreateObjects();
  const blockedId = useId();
  const [asked, setAsked] = useState<{ action: 'check' | 'create'; text: string } | undefined>();
  // A new edit makes earlier results stale: they are shown only for the text they were for.
  const current = asked?.text === text;
  const start = (action: 'check' | 'create') => {
    reset();
    setAsked({ action, text });
    void (action === 'check' ? check(values, namespace) : create(values, namespace));
  };

  useEffect(() => {
    if (!asked) return;
    const failed = run.results.find((r) => r.phase === 'failed');
    onDiagnostics(failed?.problems ? documentProblems(asked.text, failed.item.index, failed.problems) : [], asked.text);
    if (run.phase === 'created' && asked.action === 'create') {
      const main = run.results.find((r) => r.item.index === mainIndex) ?? run.results[0];
      const href = main ? itemHref(main) : undefined;
      if (href) router.push(href);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when a run finishes
  }, [run]);

  const busy = run.phase === 'checking' || run.phase === 'creating';
  const shown = current || busy ? run : { phase: 'idle' as const, results: [], planProblems: [] };
  const failed = shown.results.find((r) => r.phase === 'failed');
  const created = shown.results.filter((r) => r.phase === 'created');
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <SecondaryButton disabled={busy || !ready || !!blocked} onClick={() => start('check')}>
          Dry run
        </SecondaryButton>
        <PrimaryButton disabled={busy || !ready || !!blocked} aria-describedby={blocked ? blockedId : undefined} onClick={() => start('create')}>
          {shown.phase === 'creating' ? 'Creating…' : what}
        </PrimaryButton>
        {blocked ? (
          <span id={blockedId} className="text-xs text-red-700 dark:text-red-300">
            {blocked}
          </span>
        ) : null}
      </div>
      <div role="status" aria-live="polite" className="text-xs">
        {shown.phase === 'checking' ? <p className="text-muted dark:text-muted-dark">Checking with the server (dry run)…</p> : null}
        {shown.phase === 'checked' ? <CheckedText results={shown.results} /> : null}
        {shown.phase === 'created' ? <p className="text-emerald-800 dark:text-emerald-300">Created {created.map((r) => describeItem(r.item)).join(', ')}. Opening it…</p> : null}
      </div>
      {shown.planProblems.length ? (
        <div role="alert" className="text-xs text-red-700 dark:text-red-300">
          {shown.planProblems.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </div>
      ) : null}
      {failed ? (
        <div role="alert" className="rounded-sm border border-l-4 border-red-300 border-l-red-600 bg-red-50 px-3 py-2 text-xs text-red-950 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-semibold">
            {created.length ? 'Creating stopped' : asked?.action === 'create' ? 'Nothing was created' : 'The dry run failed'}: {describeItem(failed.item)} was refused.
          </p>
          <p className="mt-0.5">{failed.message}</p>
          {failed.problems && failed.problems.length > 1 ? (
            <ul className="mt-1 list-disc pl-4">
              {failed.problems.map((p, i) => (
                <li key={i}>{p.message}</li>
              ))}
            </ul>
          ) : null}
          {created.length ? <p className="mt-1">Already created: {created.map((r) => describeItem(r.item)).join(', ')}.</p> : null}
        </div>
      ) : null}
      {shown.results.some((r) => r.warnings?.length) ? (
        <ul className="text-xs text-amber-800 dark:text-amber-300">
          {shown.results.flatMap((r) => (r.warnings ?? []).map((w, i) => <li key={`${r.item.index}-${i}`}>{`${describeItem(r.item)}: ${w}`}</li>))}
        </ul>
      ) : null}
    </div>
  );
}

function CheckedText({ results }: { results: ItemResult[] }) {
  const checked = results.filter((r) => r.phase === 'checked');
  const skipped = results.filter((r) => r.phase === 'skipped');
  return (
    <p className="text-emerald-800 dark:text-emerald-300">
      The server accepts {results.length === 1 ? 'the object' : checked.length === results.length ? `all ${results.length} objects` : checked.map((r) => describeItem(r.item)).join(', ')} (dry run; nothing was created).
      {skipped.length ? ` ${skipped.map((r) => describeItem(r.item)).join(' and ')} will be checked once the namespace exists.` : ''}
    </p>
  );
}

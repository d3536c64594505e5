'use client';

import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { PrimaryButton, SecondaryButton } from '@/components/actions/modal';
import { useCreateObjects, type ItemResult } from '@/components/forms/use-create-objects';
import { useServerDiagnostics } from '@/components/forms/use-server-diagnostics';
import type { SyncModel } from '@/components/forms/use-sync-model';
import { QuotaPreview, useObjectsPreview } from '@/components/wizards/quota-preview';
import type { NamespaceFacts } from '@/components/wizards/use-namespace-facts';
import { describeItem } from '@/lib/forms/create-plan';
import { documentProblems } from '@/lib/forms/yaml-locate';
import type { KubeObject } from '@/lib/k8s/types';
import { placeErrors, type FieldBinding, type PlacedErrors } from '@/lib/self-service/field-errors';
import { YamlPanel } from './yaml-panel';

/**
 * The frame of every short create form: the fields (given the server's refusals placed at
 * them), the request's cost against the namespace's remaining quota (Create is blocked, with
 * the limit named and by how much, when it does not fit; a VM gets a smaller class offered),
 * "View YAML" with exactly the objects that will be sent (editable: the edits are what gets
 * applied), and Create — a server-side dry run of every object, then the creates. Refusals
 * are shown in plain words next to the field they concern, the rest above the button.
 */
export interface CreatePanelProps {
  title: string;
  namespace: string;
  model: SyncModel;
  facts: NamespaceFacts;
  bindings: readonly FieldBinding[];
  quotaFields: Readonly<Record<string, string>>;
  /** Required choices not made yet, in words. */
  missing: string[];
  createLabel: string;
  yamlLabel: string;
  onUseClass?(name: string): void;
  onCreated(created: KubeObject[]): void;
  onClose(): void;
  children(errors: Record<string, string[]>): ReactNode;
}

const NONE: PlacedErrors = { fields: {}, general: [] };

export function CreatePanel({ title, namespace, model, facts, bindings, quotaFields, missing, createLabel, yamlLabel, onUseClass, onCreated, onClose, children }: CreatePanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const blockedId = useId();
  const { run, create, reset, ready } = useCreateObjects();
  const [diagnostics, setDiagnostics] = useServerDiagnostics(model.state.text);
  const [sentText, setSentText] = useState<string | undefined>();
  const objects = useMemo(() => model.state.values.filter((v): v is KubeObject => typeof v === 'object' && v !== null), [model.state.values]);
  const quota = useObjectsPreview(objects, facts);

  // The form opens below the catalogue: bring all of it into view, not just its title line.
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
    heading.current?.closest('section')?.scrollIntoView({ block: 'start' });
  }, []);

  const failed = run.results.find((r) => r.phase === 'failed');
  // Results belong to the text they were for; an edit makes them stale.
  const current = sentText === model.state.text;
  const placed = useMemo(() => (current && failed ? placeErrors({ kind: failed.item.kind, message: failed.message ?? '', problems: failed.problems ?? [] }, bindings, quotaFields) : NONE), [current, failed, bindings, quotaFields]);
  const general = current ? [...run.planProblems, ...placed.general] : [];

  useEffect(() => {
    if (sentText === undefined) return;
    const f = run.results.find((r) => r.phase === 'failed');
    setDiagnostics(f?.problems ? documentProblems(sentText, f.item.index, f.problems) : [], sentText);
    if (run.phase === 'created') onCreated(run.results.map((r: ItemResult) => r.created).filter((o): o is KubeObject => !!o));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when a run finishes
  }, [run]);

  const busy = run.phase === 'checking' || run.phase === 'creating';
  const blocked = model.state.error
    ? `The YAML does not parse (line ${model.state.error.line}).`
    : missing.length
      ? `Still missing: ${missing.join('; ')}.`
      : facts.quotasLoading
        ? 'Reading the quota…'
        : !quota.preview.fits
          ? `Over the quota: ${quota.preview.refusals.map((r) => r.message).join('; ')}.`
          : undefined;

  const submit = () => {
    reset();
    setSentText(model.state.text);
    void create(model.state.values, namespace);
  };

  return (
    <section aria-labelledby={`${blockedId}-title`} className="rounded-sm border border-sky-300 bg-panel dark:border-sky-800 dark:bg-panel-dark">
      <div className="flex items-center gap-2 border-b border-line px-3 py-2 dark:border-line-dark">
        <h3 ref={heading} id={`${blockedId}-title`} tabIndex={-1} className="text-sm font-semibold outline-none">
          {title} <span className="font-normal text-muted dark:text-muted-dark">in {namespace}</span>
        </h3>
        <button type="button" onClick={onClose} disabled={busy} className="ml-auto h-6 rounded-sm px-2 text-xs text-muted hover:bg-slate-100 disabled:opacity-50 dark:text-muted-dark dark:hover:bg-white/10">
          Cancel
        </button>
      </div>
      <div className="grid gap-4 p-3 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="@container min-w-0 space-y-3">
          {model.state.error ? (
            <p role="alert" className="rounded-sm border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
              The YAML does not parse (line {model.state.error.line}); the form shows the last YAML that did.
            </p>
          ) : null}
          <div inert={model.state.error ? true : undefined} className={model.state.error ? 'opacity-60' : undefined}>
            {children(current ? placed.fields : {})}
          </div>
          <section aria-label={`Cost against the quota of ${namespace}`} className="rounded-sm border border-line p-2 dark:border-line-dark">
            <h4 className="mb-1 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">Cost against the quota</h4>
            <QuotaPreview namespace={namespace} facts={facts} result={quota} onUseClass={onUseClass} />
          </section>
          {general.length ? (
            <div role="alert" className="rounded-sm border border-l-4 border-red-300 border-l-red-600 bg-red-50 px-3 py-2 text-xs text-red-950 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40 dark:text-red-100">
              <p className="font-semibold">{failed ? `The server refused ${describeItem(failed.item)}:` : 'This cannot be sent:'}</p>
              <ul className="mt-0.5 list-disc pl-4">
                {general.map((g) => (
                  <li key={g}>{g}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="flex flex-wrap items-center gap-2">
            <PrimaryButton disabled={busy || !ready || !!blocked} aria-describedby={blocked ? blockedId : undefined} onClick={submit}>
              {run.phase === 'checking' ? 'Checking…' : run.phase === 'creating' ? 'Creating…' : createLabel}
            </PrimaryButton>
            <SecondaryButton onClick={onClose} disabled={busy}>
              Cancel
            </SecondaryButton>
            {blocked ? (
              <span id={blockedId} className="text-xs text-red-700 dark:text-red-300">
                {blocked}
              </span>
            ) : null}
          </div>
          <p role="status" className="text-xs text-muted dark:text-muted-dark">
            {run.phase === 'checking' ? 'The server is checking the request (dry run)…' : run.phase === 'creating' ? 'Creating…' : ''}
          </p>
        </div>
        <YamlPanel model={model} label={yamlLabel} diagnostics={diagnostics} />
      </div>
    </section>
  );
}

'use client';

import type { ReactNode } from 'react';
import { CreateActions } from '@/components/forms/create-actions';
import type { SyncModel } from '@/components/forms/use-sync-model';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';
import type { KubeObject } from '@/lib/k8s/types';
import { describeItem, planCreate } from '@/lib/forms/create-plan';
import { QuotaPreview, useObjectsPreview } from './quota-preview';
import type { NamespaceFacts } from './use-namespace-facts';

/**
 * Every wizard's last step: what will be created, what is still missing, the namespace's quota
 * after the create (Create is blocked when it does not fit), then Dry run and Create.
 */
export interface ReviewStepProps {
  model: SyncModel;
  namespace: string | undefined;
  facts: NamespaceFacts;
  summary: { label: string; value: ReactNode }[];
  /** Required choices not made yet, in words. */
  missing: string[];
  onUseClass?(name: string): void;
  onDiagnostics(d: EditorDiagnostic[], forText: string): void;
  mainIndex: number;
  createLabel: string;
  /** Skip the quota preview (e.g. the namespace wizard, whose namespace does not exist yet). */
  noQuota?: boolean;
}

export function ReviewStep({ model, namespace, facts, summary, missing, onUseClass, onDiagnostics, mainIndex, createLabel, noQuota }: ReviewStepProps) {
  const { state } = model;
  const objects = state.values.filter((v): v is KubeObject => typeof v === 'object' && v !== null);
  const quota = useObjectsPreview(objects, facts);
  const plan = planCreate(state.values, namespace, () => ({ resource: '', namespaced: true }));
  const blocked = state.error
    ? `The YAML does not parse (line ${state.error.line}).`
    : missing.length
      ? `Still missing: ${missing.join('; ')}.`
      : !noQuota && !quota.preview.fits
        ? `Over the quota: ${quota.preview.refusals.map((r) => r.message).join('; ')}.`
        : undefined;
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-0.5 text-xs">
        {summary.map((s) => (
          <div key={s.label} className="contents">
            <dt className="text-muted dark:text-muted-dark">{s.label}</dt>
            <dd className="min-w-0 break-words">{s.value}</dd>
          </div>
        ))}
      </dl>
      <div className="text-xs">
        <span className="text-muted dark:text-muted-dark">Objects, in the order they are created: </span>
        {plan.items.map((i) => describeItem(i)).join(' → ') || 'none'}
      </div>
      {missing.length ? (
        <ul className="list-disc pl-4 text-xs text-amber-800 dark:text-amber-300" aria-label="Still missing">
          {missing.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      {noQuota ? null : (
        <section aria-label="Quota after this create" className="rounded-sm border border-line p-2 dark:border-line-dark">
          <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">Quota after this create</h3>
          <QuotaPreview namespace={namespace} facts={facts} result={quota} onUseClass={onUseClass} />
        </section>
      )}
      <CreateActions values={state.values} text={state.text} namespace={namespace} blocked={blocked} mainIndex={mainIndex} onDiagnostics={onDiagnostics} what={createLabel} />
    </div>
  );
}

'use client';

import { useMemo } from 'react';
import { formatAmount } from '@/lib/quota/amounts';
import { lineText, type QuotaLine } from '@/lib/quota/preview';
import { previewObjects, type ObjectsPreview } from '@/lib/quota/preview-objects';
import type { KubeObject } from '@/lib/k8s/types';
import type { NamespaceFacts } from './use-namespace-facts';

/**
 * The namespace's quota after the create, as bars: what is used now, what this request adds
 * (hatched), against the hard limit; red when it goes over. When something does not fit, a
 * refusal names the limit and by how much, and for a VM offers the nearest smaller class that
 * fits. `useObjectsPreview` is the same check for callers that must block their Create button.
 */
export function useObjectsPreview(objects: readonly KubeObject[], facts: NamespaceFacts): ObjectsPreview {
  return useMemo(() => previewObjects(objects, facts.quotas, facts.cost), [objects, facts.quotas, facts.cost]);
}

function Bar({ line }: { line: QuotaLine }) {
  const scale = Math.max(line.hard, line.after) || 1;
  const usedPct = (Math.min(line.used, scale) / scale) * 100;
  const addPct = (Math.min(line.add, scale - Math.min(line.used, scale)) / scale) * 100;
  const hardPct = (line.hard / scale) * 100;
  const over = line.over > 0;
  const text = lineText(line);
  return (
    <li className="space-y-0.5">
      <div className="flex justify-between gap-3 text-xs">
        <span className="min-w-0 break-all font-mono text-[11px]">{line.resource}</span>
        <span className={`shrink-0 tabular-nums ${over ? 'font-semibold text-red-700 dark:text-red-300' : 'text-muted dark:text-muted-dark'}`}>
          {formatAmount(line.resource, line.used)} → {formatAmount(line.resource, line.after)} of {formatAmount(line.resource, line.hard)}
        </span>
      </div>
      <div role="meter" aria-label={line.resource} aria-valuemin={0} aria-valuemax={line.hard} aria-valuenow={Math.min(line.after, line.hard)} aria-valuetext={text} className="relative h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-white/10">
        <div className="absolute inset-y-0 left-0 bg-slate-500 dark:bg-slate-400" style={{ width: `${usedPct}%` }} />
        <div
          className={`absolute inset-y-0 ${over ? 'bg-red-600 dark:bg-red-500' : 'bg-accent dark:bg-accent-dark'} bg-[repeating-linear-gradient(45deg,transparent_0_3px,rgba(255,255,255,.35)_3px_6px)]`}
          style={{ left: `${usedPct}%`, width: `${addPct}%` }}
        />
        {over ? <div className="absolute inset-y-0 w-0.5 bg-slate-950 dark:bg-white" style={{ left: `calc(${hardPct}% - 1px)` }} /> : null}
      </div>
    </li>
  );
}

export interface QuotaPreviewProps {
  namespace: string | undefined;
  facts: NamespaceFacts;
  result: ObjectsPreview;
  /** Offered with a suggested VM class. */
  onUseClass?(name: string): void;
}

export function QuotaPreview({ namespace, facts, result, onUseClass }: QuotaPreviewProps) {
  const { preview, suggestion, vmClass, cost } = result;
  if (!namespace) return <p className="text-xs text-muted dark:text-muted-dark">Choose a namespace to see its quota.</p>;
  if (facts.canReadQuotas === false) return <p className="text-xs text-muted dark:text-muted-dark">You may not read the quota of {namespace}; the server checks it when you create.</p>;
  if (facts.quotasLoading) return <p role="status" className="text-xs text-muted dark:text-muted-dark">Reading the quota of {namespace}…</p>;
  if (facts.quotas.length === 0) return <p className="text-xs text-muted dark:text-muted-dark">{namespace} has no resource quota.</p>;
  return (
    <div className="space-y-2" data-testid="quota-preview">
      {preview.refusals.length ? (
        <div role="alert" className="rounded-sm border border-l-4 border-red-300 border-l-red-600 bg-red-50 px-3 py-2 text-xs text-red-950 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-semibold">This does not fit the quota of {namespace}; Create is blocked.</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-4">
            {preview.refusals.map((r) => (
              <li key={`${r.quota}/${r.resource}`}>
                {r.message} <span className="text-red-800/80 dark:text-red-200/80">({r.quota})</span>
              </li>
            ))}
          </ul>
          {suggestion && vmClass ? (
            <p className="mt-1.5">
              Class <strong>{suggestion.name}</strong> ({suggestion.cpus} CPU, {formatAmount('memory', suggestion.memory)} memory) fits.{' '}
              {onUseClass ? (
                <button type="button" onClick={() => onUseClass(suggestion.name)} className="font-medium text-accent underline dark:text-accent-dark">
                  Use {suggestion.name}
                </button>
              ) : null}
            </p>
          ) : vmClass ? (
            <p className="mt-1.5">No VM class of this namespace fits; power the VM off at creation or free some quota.</p>
          ) : null}
        </div>
      ) : (
        <p role="status" className="text-xs text-emerald-800 dark:text-emerald-300">
          Fits the quota of {namespace}.
        </p>
      )}
      {cost.unknown.length ? <p className="text-xs text-amber-800 dark:text-amber-300">Not counted: {cost.unknown.join(', ')} (unknown to this namespace).</p> : null}
      <ul className="space-y-1.5" aria-label={`Quota of ${namespace} after this create`}>
        {preview.lines.map((l) => (
          <Bar key={`${l.quota}/${l.resource}`} line={l} />
        ))}
      </ul>
      {preview.lines.length === 0 ? <p className="text-xs text-muted dark:text-muted-dark">Nothing here counts against the quota.</p> : null}
    </div>
  );
}

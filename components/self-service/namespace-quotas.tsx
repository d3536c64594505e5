'use client';

import { useId } from 'react';
import { useCan } from '@/components/data/use-access';
import { useKubeList } from '@/components/data/use-kube-list';
import { quotaBars, type QuotaGroup } from '@/lib/self-service/quota-bars';
import { QuotaMeter } from './quota-meter';

/**
 * "My namespaces": each namespace the user works in with its quota use, live from its
 * ResourceQuotas' status, as bars grouped by CPU, memory, storage and object counts. The quota
 * is listed only when the user may list it (otherwise the card says so). The selected
 * namespace (the one the catalogue and "My resources" use) is marked.
 */
const GROUPS: QuotaGroup[] = ['CPU', 'Memory', 'Storage', 'Objects'];

function NamespaceCard({ namespace, selected, onSelect, several }: { namespace: string; selected: boolean; onSelect(ns: string): void; several: boolean }) {
  const titleId = useId();
  const can = useCan('list', '', 'resourcequotas', namespace);
  const quotas = useKubeList(can ? `/api/v1/namespaces/${encodeURIComponent(namespace)}/resourcequotas` : undefined);
  const bars = quotaBars(quotas.data?.items ?? []);
  const body =
    can === false ? (
      <p className="text-xs text-muted dark:text-muted-dark">You may not read the quota of {namespace}.</p>
    ) : can === undefined || quotas.isPending ? (
      <p role="status" className="text-xs text-muted dark:text-muted-dark">
        Reading the quota…
      </p>
    ) : bars.length === 0 ? (
      <p className="text-xs text-muted dark:text-muted-dark">No quota limits {namespace}.</p>
    ) : (
      <div className="grid gap-x-6 gap-y-3 @xl:grid-cols-2 @4xl:grid-cols-4">
        {GROUPS.map((g) => {
          const mine = bars.filter((b) => b.group === g);
          if (!mine.length) return null;
          return (
            <div key={g} className="space-y-1.5">
              <h4 className="text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">{g}</h4>
              {mine.map((b) => (
                <QuotaMeter key={b.key} bar={b} />
              ))}
            </div>
          );
        })}
      </div>
    );
  return (
    <section aria-labelledby={titleId} className={`@container rounded-sm border bg-panel p-3 dark:bg-panel-dark ${selected && several ? 'border-sky-400 dark:border-sky-600' : 'border-line dark:border-line-dark'}`}>
      <div className="mb-2 flex items-center gap-2">
        <h3 id={titleId} className="text-sm font-semibold">
          {namespace}
        </h3>
        <span className="text-xs text-muted dark:text-muted-dark">quota used</span>
        {several ? (
          selected ? (
            <span className="ml-auto rounded-full bg-sky-100 px-2 py-0.5 text-[11px] font-medium text-sky-900 dark:bg-sky-900/60 dark:text-sky-100">Selected</span>
          ) : (
            <button type="button" onClick={() => onSelect(namespace)} className="ml-auto text-xs font-medium text-accent hover:underline dark:text-accent-dark">
              Work in {namespace}
            </button>
          )
        ) : null}
      </div>
      {body}
    </section>
  );
}

export function NamespaceQuotas({ names, selected, onSelect }: { names: string[]; selected: string; onSelect(ns: string): void }) {
  return (
    <div className="space-y-2">
      {names.map((ns) => (
        <NamespaceCard key={ns} namespace={ns} selected={ns === selected} onSelect={onSelect} several={names.length > 1} />
      ))}
    </div>
  );
}

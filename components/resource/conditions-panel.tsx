'use client';

import { Panel } from '@/components/ui/panel';
import { explainCondition } from '@/lib/health/condition-help';
import { conditionsOf, type KubeObject } from '@/lib/k8s/types';
import { age } from '@/lib/resources/format';
import type { Health, StatusSummary } from '@/lib/resources/types';
import { HealthText } from './health-text';
import { useNow } from './use-now';

/**
 * Conditions as a table (type with what it means, status judged good or bad, reason, message,
 * last transition), and the plain-language reasons an object is not healthy.
 */
const VERDICT: Record<'ok' | 'bad' | 'unknown', Health> = { ok: 'healthy', bad: 'warning', unknown: 'unknown' };

export function ConditionsPanel({ obj }: { obj: KubeObject }) {
  const now = useNow(30_000);
  const conditions = conditionsOf(obj);
  if (conditions.length === 0) return null;
  return (
    <Panel title="Conditions">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <thead>
            <tr className="text-xs text-muted dark:text-muted-dark">
              <th scope="col" className="py-1 pr-3 font-semibold">Type</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Status</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Reason</th>
              <th scope="col" className="py-1 pr-3 font-semibold">Message</th>
              <th scope="col" className="py-1 font-semibold whitespace-nowrap">Last transition</th>
            </tr>
          </thead>
          <tbody>
            {conditions.map((c) => {
              const help = explainCondition(c);
              return (
                <tr key={c.type} className="border-t border-line/60 align-top dark:border-line-dark/60">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <span className="font-medium">{c.type}</span>
                    <span className="block text-xs text-muted dark:text-muted-dark">{help.meaning}</span>
                  </th>
                  <td className="py-1 pr-3 whitespace-nowrap">
                    <HealthText health={VERDICT[help.verdict]} text={String(c.status)} />
                  </td>
                  <td className="py-1 pr-3 break-words">{c.reason ?? ''}</td>
                  <td className="py-1 pr-3 break-words">{c.message ?? ''}</td>
                  <td className="py-1 whitespace-nowrap" title={c.lastTransitionTime}>
                    {c.lastTransitionTime ? `${age(c.lastTransitionTime, now)} ago` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

const REASON_TONE: Record<Health, string> = {
  error: 'border-red-300 border-l-red-600 bg-red-50 text-red-950 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40 dark:text-red-100',
  warning: 'border-amber-300 border-l-amber-500 bg-amber-50 text-amber-950 dark:border-amber-900 dark:border-l-amber-400 dark:bg-amber-950/30 dark:text-amber-100',
  progressing: 'border-sky-300 border-l-sky-600 bg-sky-50 text-sky-950 dark:border-sky-900 dark:border-l-sky-400 dark:bg-sky-950/30 dark:text-sky-100',
  unknown: 'border-line border-l-slate-400 bg-panel dark:border-line-dark dark:bg-panel-dark',
  healthy: 'border-line bg-panel dark:border-line-dark dark:bg-panel-dark',
};

export function HealthReasons({ label, status }: { label: string; status: StatusSummary }) {
  if (status.health === 'healthy' || !status.reasons?.length) return null;
  const title = `Why is this ${label} not healthy?`;
  return (
    <section aria-label={title} className={`rounded-sm border border-l-4 px-3 py-2 ${REASON_TONE[status.health]}`}>
      <h2 className="flex items-center gap-2 font-semibold">
        <HealthText health={status.health} text={title} />
      </h2>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {status.reasons.map((r, i) => (
          <li key={i} className="break-words">
            {r}
          </li>
        ))}
      </ul>
    </section>
  );
}

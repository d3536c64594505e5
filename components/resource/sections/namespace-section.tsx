'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { Panel } from '@/components/ui/panel';
import { quotaLines } from '@/lib/health/capacity';
import { countByHealth } from '@/lib/health/roll-up';
import { parseQuantity } from '@/lib/resources/format';
import { listHref } from '@/lib/resources/links';
import type { RelatedQuery } from '@/lib/related/related-plan';
import { DESCRIPTORS } from '@/lib/resources/registry';
import type { Health } from '@/lib/resources/types';
import { HealthText } from '../health-text';
import { UsageBar } from '../usage-bar';
import { usePermittedLists } from '../use-permitted-lists';

/**
 * A namespace at a glance: ResourceQuota use (`used / hard`, from the quota status) and how
 * many VMs, pods, workloads and services it holds, by health, each linking to its list.
 */
const COUNTED = ['virtualmachines.vmoperator.vmware.com', 'pods', 'deployments.apps', 'statefulsets.apps', 'services', 'virtualmachineservices.vmoperator.vmware.com', ...DESCRIPTORS.filter((d) => d.tree?.service).map((d) => d.id)];
const HEALTH_ORDER: Health[] = ['error', 'warning', 'progressing', 'unknown', 'healthy'];

export function NamespaceSection({ namespace }: { namespace: string }) {
  const queries = useMemo<RelatedQuery[]>(
    () => [{ key: 'quotas', title: 'Quotas', descriptorId: 'resourcequotas', namespace, keep: { kind: 'all' } }, ...COUNTED.map((id) => ({ key: id, title: id, descriptorId: id, namespace, keep: { kind: 'all' } as const }))],
    [namespace],
  );
  const lists = usePermittedLists(queries);
  const lines = quotaLines(lists.results.get('quotas') ?? []);
  return (
    <div className="grid items-start gap-3 xl:grid-cols-2">
      <Panel title="Quota">
        {lists.pending ? (
          <p className="text-muted dark:text-muted-dark">Loading…</p>
        ) : lines.length === 0 ? (
          <p className="text-muted dark:text-muted-dark">{lists.skipped.some((q) => q.key === 'quotas') ? 'Quotas are not available to you.' : 'No resource quota limits this namespace.'}</p>
        ) : (
          <div className="space-y-2">
            {lines.map((l) => (
              <UsageBar key={`${l.quota}/${l.resource}`} label={l.resource} used={parseQuantity(l.used) ?? 0} total={parseQuantity(l.hard) ?? 0} text={`${l.used} / ${l.hard}`} />
            ))}
          </div>
        )}
      </Panel>
      <Panel title="Contents">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Objects in {namespace}</caption>
          <tbody>
            {COUNTED.map((id) => {
              const served = lists.served.get(id);
              if (!served || lists.skipped.some((q) => q.key === id)) return null;
              const items = lists.results.get(id);
              const d = served.descriptor;
              const counts = countByHealth((items ?? []).map((o) => d.status(o).health));
              return (
                <tr key={id} className="border-t border-line/60 first:border-t-0 dark:border-line-dark/60">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    <Link href={listHref(d, namespace)} className="text-accent hover:underline dark:text-accent-dark">
                      {d.labelPlural}
                    </Link>
                  </th>
                  <td className="py-1 pr-3 text-right font-semibold tabular-nums">{items ? items.length : '…'}</td>
                  <td className="py-1 text-xs">
                    <span className="flex flex-wrap gap-x-3">
                      {HEALTH_ORDER.filter((h) => counts[h] > 0).map((h) => (
                        <HealthText key={h} health={h} text={`${counts[h]} ${h}`} />
                      ))}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </Panel>
    </div>
  );
}

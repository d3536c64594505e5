'use client';

import Link from 'next/link';
import { HealthBadge } from '@/components/inventory/health-badge';
import type { KubeObject } from '@/lib/k8s/types';
import { pageHref } from '@/lib/resources/page-href';
import type { ResourceDescriptor } from '@/lib/resources/types';
import { useNow } from './use-now';

/**
 * A short, non-virtualised table of objects of one kind with the descriptor's main columns
 * (for a host's VMs and pods, a Deployment's ReplicaSets…); the name links to each page.
 */
export function MiniTable({ d, items, caption, hideNamespace }: { d: ResourceDescriptor; items: KubeObject[]; caption: string; hideNamespace?: boolean }) {
  const now = useNow(30_000);
  const columns = d.columns.filter((c) => c.priority !== 1 && !(hideNamespace && c.id === 'namespace')).slice(0, 6);
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="text-xs text-muted dark:text-muted-dark">
            {columns.map((c) => (
              <th key={c.id} scope="col" className={`py-1 pr-3 font-semibold whitespace-nowrap ${c.align === 'right' ? 'text-right' : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((o) => {
            const status = d.status(o);
            return (
              <tr key={o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`} className="border-t border-line/60 dark:border-line-dark/60">
                {columns.map((c, i) => {
                  const v = c.cell(o, now);
                  const text = v === undefined ? '' : String(v);
                  if (i === 0) {
                    return (
                      <td key={c.id} className="py-1 pr-3">
                        <span className="flex min-w-40 items-center gap-1.5">
                          {status.text !== '' ? <HealthBadge health={status.health} /> : null}
                          <Link href={pageHref(d, o.metadata.namespace, o.metadata.name ?? '')} className="break-words text-accent hover:underline dark:text-accent-dark">
                            {text}
                          </Link>
                          {status.text !== '' ? <span className="sr-only">{`, ${status.health}`}</span> : null}
                        </span>
                      </td>
                    );
                  }
                  return (
                    <td key={c.id} className={`py-1 pr-3 ${c.align === 'right' ? 'text-right tabular-nums' : ''}`}>
                      {text}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

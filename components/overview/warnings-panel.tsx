'use client';

import Link from 'next/link';
import { HealthBadge } from '@/components/inventory/health-badge';
import { useNow } from '@/components/resource/use-now';
import { useRefHref } from '@/components/resource/use-ref-href';
import { Panel } from '@/components/ui/panel';
import type { WarningRow } from '@/lib/overview/warning-events';
import { age } from '@/lib/resources/format';
import { namespaceHref } from '@/lib/resources/links';
import type { SlotData } from './use-overview-data';

/** The newest Warning events across the supervisor, live, each linking to the object it is about. */
const muted = 'text-muted dark:text-muted-dark';
const link = 'text-accent hover:underline dark:text-accent-dark';

export function WarningsPanel({ rows, data }: { rows?: WarningRow[]; data: SlotData }) {
  const now = useNow(15_000);
  const refHref = useRefHref();
  return (
    <Panel title="Recent warnings" className="min-w-0">
      {data.state === 'absent' ? (
        <p className={muted}>Events are not available to you.</p>
      ) : data.state === 'error' ? (
        <p className={muted}>Events could not be listed: {data.message}</p>
      ) : !rows ? (
        <p role="status" className={muted}>
          Loading events…
        </p>
      ) : rows.length === 0 ? (
        <p className={muted}>No warning events (events are kept for about an hour).</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Recent warning events, newest first</caption>
            <thead>
              <tr className={`text-xs ${muted}`}>
                <th scope="col" className="py-1 pr-3 font-semibold whitespace-nowrap">Last seen</th>
                <th scope="col" className="py-1 pr-3 font-semibold">Reason</th>
                <th scope="col" className="py-1 pr-3 font-semibold">Object</th>
                <th scope="col" className="py-1 pr-3 font-semibold">Namespace</th>
                <th scope="col" className="py-1 pr-3 font-semibold">Message</th>
                <th scope="col" className="py-1 text-right font-semibold">Count</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const href = refHref(r.involved);
                const what = `${r.involved.kind.toLowerCase()}/${r.involved.name}`;
                return (
                  <tr key={r.key} className="border-t border-line/60 align-top dark:border-line-dark/60">
                    <td className="py-1 pr-3 whitespace-nowrap tabular-nums">{r.lastSeen ? `${age(new Date(r.lastSeen).toISOString(), now)} ago` : ''}</td>
                    <td className="py-1 pr-3 font-medium whitespace-nowrap">
                      <span className="inline-flex items-center gap-1.5">
                        <HealthBadge health="warning" />
                        {r.reason}
                      </span>
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">
                      {href ? (
                        <Link href={href} className={link}>
                          {what}
                        </Link>
                      ) : (
                        what
                      )}
                    </td>
                    <td className="py-1 pr-3 whitespace-nowrap">
                      {r.namespace ? (
                        <Link href={namespaceHref(r.namespace)} className={link}>
                          {r.namespace}
                        </Link>
                      ) : null}
                    </td>
                    <td className="py-1 pr-3 break-words">{r.message}</td>
                    <td className="py-1 text-right tabular-nums">{r.count}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}

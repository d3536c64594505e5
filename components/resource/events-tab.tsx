'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import { useCan, useCanCluster } from '@/components/data/use-access';
import type { ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import type { KubeObject } from '@/lib/k8s/types';
import { age, get, str } from '@/lib/resources/format';
import { eventCount, eventFirstSeen, eventLastSeen, eventsPath, newestFirst } from '@/lib/resources/object-events';
import { HealthText } from './health-text';
import { Empty, ErrorState, Loading, NoAccess } from './states';
import { useNow } from './use-now';
import { useRefHref } from './use-ref-href';

/** Live core/v1 Events of the object (of the whole namespace on a namespace's page), newest first. */
export function EventsTab({ served, obj }: { served: ServedResource; obj: KubeObject }) {
  const d = served.descriptor;
  const namespacePage = d.group === '' && d.resource === 'namespaces';
  const { path, namespace } = eventsPath(d.kind, obj, { namespacePage });
  const inNamespace = useCan('list', '', 'events', namespace ?? '');
  const cluster = useCanCluster('list', '', 'events');
  const may = namespace ? inNamespace : cluster;
  const list = useKubeList(may ? path : undefined);
  const now = useNow(15_000);
  const refHref = useRefHref();
  const events = useMemo(() => newestFirst(list.data?.items ?? []), [list.data]);
  if (may === undefined) return <Loading label="Loading events…" />;
  if (!may) return <NoAccess what={`events${namespace ? ` in ${namespace}` : ''}`} />;
  if (list.isPending) return <Loading label="Loading events…" />;
  if (list.error && !list.data) return <ErrorState title="Events could not be listed" error={list.error} />;
  if (events.length === 0) return <Empty>No events{namespacePage ? ' in this namespace' : ' for this object'} (events are kept for about an hour).</Empty>;
  const seen = (ms: number) => (ms ? `${age(new Date(ms).toISOString(), now)} ago` : '');
  return (
    <div className="p-4">
      <table className="w-full border-collapse text-left">
        <caption className="sr-only">Events, newest first</caption>
        <thead>
          <tr className="text-xs text-muted dark:text-muted-dark">
            <th scope="col" className="py-1 pr-3 font-semibold">Type</th>
            <th scope="col" className="py-1 pr-3 font-semibold">Reason</th>
            {namespacePage ? <th scope="col" className="py-1 pr-3 font-semibold">Object</th> : null}
            <th scope="col" className="py-1 pr-3 font-semibold">Message</th>
            <th scope="col" className="py-1 pr-3 text-right font-semibold">Count</th>
            <th scope="col" className="py-1 pr-3 font-semibold whitespace-nowrap">Last seen</th>
            <th scope="col" className="py-1 font-semibold whitespace-nowrap">First seen</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const warning = e.type === 'Warning';
            const involved = { group: (str(get(e, 'involvedObject.apiVersion')) ?? '').split('/').slice(0, -1).join('/'), kind: str(get(e, 'involvedObject.kind')) ?? '', namespace: str(get(e, 'involvedObject.namespace')), name: str(get(e, 'involvedObject.name')) ?? '' };
            const href = namespacePage ? refHref(involved) : undefined;
            return (
              <tr key={e.metadata.uid ?? e.metadata.name} className="border-t border-line/60 align-top dark:border-line-dark/60">
                <td className="py-1 pr-3 whitespace-nowrap">
                  <HealthText health={warning ? 'warning' : 'healthy'} text={str(e.type) ?? 'Normal'} />
                </td>
                <td className="py-1 pr-3 font-medium">{str(e.reason) ?? ''}</td>
                {namespacePage ? (
                  <td className="py-1 pr-3 break-all">
                    {href ? (
                      <Link href={href} className="text-accent hover:underline dark:text-accent-dark">{`${involved.kind.toLowerCase()}/${involved.name}`}</Link>
                    ) : (
                      `${involved.kind.toLowerCase()}/${involved.name}`
                    )}
                  </td>
                ) : null}
                <td className="py-1 pr-3 break-words">{str(e.message) ?? ''}</td>
                <td className="py-1 pr-3 text-right tabular-nums">{eventCount(e)}</td>
                <td className="py-1 pr-3 whitespace-nowrap">{seen(eventLastSeen(e))}</td>
                <td className="py-1 whitespace-nowrap">{seen(eventFirstSeen(e))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

'use client';

import { useMemo } from 'react';
import type { ServedResource } from '@/components/data/use-discovery';
import { Panel } from '@/components/ui/panel';
import type { KubeObject } from '@/lib/k8s/types';
import { relatedGroups, relatedQueries } from '@/lib/related/related-plan';
import { MiniTable } from './mini-table';
import { OwnerChain } from './owner-chain';
import { Loading } from './states';
import { usePermittedLists } from './use-permitted-lists';

/**
 * Related objects: the owner chain up, and the children and companions down (a Deployment's
 * ReplicaSets and pods, a service instance's pods, claims, Services and Secrets, a VM's
 * VirtualMachineServices and snapshots, a Service's pods, a host's VMs and pods), all live.
 */
export function RelatedTab({ served, obj }: { served: ServedResource; obj: KubeObject }) {
  const d = served.descriptor;
  const selectorKey = JSON.stringify([obj.metadata.uid, obj.metadata.labels, (obj.spec as { selector?: unknown } | undefined)?.selector]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the plan depends only on identity, labels and selector
  const queries = useMemo(() => relatedQueries(d.id, obj), [d.id, selectorKey]);
  const lists = usePermittedLists(queries);
  const groups = relatedGroups(queries, obj, lists.results);
  // Kinds the cluster does not serve are left out silently; the others were not readable.
  const denied = lists.skipped.filter((q) => lists.served.has(q.descriptorId));
  return (
    <div className="space-y-3 p-4">
      <Panel title="Owned by">
        <OwnerChain obj={obj} />
      </Panel>
      {lists.pending ? <Loading label="Loading related objects…" /> : null}
      {lists.pending
        ? null
        : groups.map((g) => {
            const s = lists.served.get(g.query.descriptorId);
            if (!s || lists.skipped.includes(g.query)) return null;
            return (
              <Panel key={g.query.key} title={`${g.query.title} (${g.items.length})`}>
                {g.items.length ? <MiniTable d={s.descriptor} items={g.items} caption={g.query.title} hideNamespace={!!obj.metadata.namespace} /> : <p className="text-muted dark:text-muted-dark">None.</p>}
              </Panel>
            );
          })}
      {!lists.pending && denied.length ? (
        <p className="text-xs text-muted dark:text-muted-dark">
          Not shown (not available to you): {denied.map((q) => q.title).join(', ')}.
        </p>
      ) : null}
    </div>
  );
}

'use client';

import { useMemo } from 'react';
import { useRules } from '@/components/data/use-access';
import { useNow } from '@/components/resource/use-now';
import { genericStatus } from '@/lib/health/conditions';
import { progressOf } from '@/lib/self-service/progress';
import { rowKey } from '@/lib/self-service/resources';
import { ResourceRow } from './resource-row';
import type { MyResources as Mine } from './use-my-resources';

/**
 * "My resources": everything the user made in the namespace, newest first, each with its live
 * progress line. `fresh` names objects created from this page just now (highlighted and kept
 * on top), so the user watches them go from request to ready.
 */
export function MyResources({ namespace, mine, fresh }: { namespace: string; mine: Mine; fresh: ReadonlySet<string> }) {
  const { data: rules } = useRules(namespace);
  const now = useNow(5_000);
  const all = mine.rows;
  const rows = useMemo(() => {
    const isFresh = (r: (typeof all)[number]) => fresh.has(`${r.obj.kind}/${r.obj.metadata.name}`);
    return [...all.filter(isFresh), ...all.filter((r) => !isFresh(r))];
  }, [all, fresh]);

  if (mine.pending && rows.length === 0) {
    return (
      <p role="status" className="text-xs text-muted dark:text-muted-dark">
        Reading what is in {namespace}…
      </p>
    );
  }
  return (
    <div className="space-y-1.5">
      {rows.length === 0 ? (
        <p className="text-xs text-muted dark:text-muted-dark">Nothing here yet. Create something from the catalogue above.</p>
      ) : (
        <ul aria-label={`My resources in ${namespace}`} className="divide-y divide-line rounded-sm border border-line bg-panel dark:divide-line-dark dark:border-line-dark dark:bg-panel-dark">
          {rows.map((r) => {
            const served = mine.served.get(r.descriptorId);
            if (!served) return null;
            const progress = progressOf(r.obj, { events: mine.events, pods: mine.pods, status: served.descriptor.status ?? genericStatus });
            return <ResourceRow key={rowKey(r)} obj={r.obj} served={served} progress={progress} rules={rules} now={now} fresh={fresh.has(`${r.obj.kind}/${r.obj.metadata.name}`)} />;
          })}
        </ul>
      )}
      {mine.hidden.length ? <p className="text-[11px] text-muted dark:text-muted-dark">Not shown (you may not list them here): {mine.hidden.join(', ')}.</p> : null}
    </div>
  );
}

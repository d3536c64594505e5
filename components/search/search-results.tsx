'use client';

import Link from 'next/link';
import { KindIcon } from '@/components/resource/kind-icon';
import { HealthText } from '@/components/resource/health-text';
import { cachedStatus } from '@/lib/overview/status-cache';
import { filteredListHref } from '@/lib/overview/list-links';
import { countText } from '@/lib/overview/number-text';
import type { SearchGroup, SearchHit } from '@/lib/search/group';
import type { SearchQuery } from '@/lib/search/query';
import { namespaceHref } from '@/lib/resources/links';
import { pageHref } from '@/lib/resources/page-href';

/**
 * One kind's matches as a table (name with its page, namespace, status badge, the labels that
 * matched) under a heading with the count, and "Show all" to the kind's list narrowed the same
 * way when there are more than shown. Result links carry `data-search-result` for arrow keys.
 */
const muted = 'text-muted dark:text-muted-dark';
const link = 'text-accent hover:underline dark:text-accent-dark';

export function ResultGroup({ group, query, namespaces }: { group: SearchGroup; query: SearchQuery; namespaces?: string[] }) {
  const { d, total, hits } = group;
  const headingId = `search-group-${d.id}`;
  const more = total - hits.length;
  const showAll = filteredListHref(d, { namespace: namespaces?.length === 1 ? namespaces[0] : undefined, filter: query.text.join(' '), labelSelector: query.labelSelector });
  return (
    <section aria-labelledby={headingId} className="rounded-sm border border-line bg-panel dark:border-line-dark dark:bg-panel-dark">
      <h2 className="flex items-center gap-2 border-b border-line px-3 py-1.5 dark:border-line-dark">
        <KindIcon icon={d.icon} />
        <span id={headingId} className="font-semibold">
          {d.labelPlural}
        </span>
        <span className={`rounded-full bg-slate-100 px-1.5 text-xs tabular-nums dark:bg-white/10 ${muted}`} aria-label={`${countText(total)} ${total === 1 ? 'match' : 'matches'}`}>
          {countText(total)}
        </span>
      </h2>
      <table className="w-full table-fixed border-collapse text-left">
        <caption className="sr-only">{`${d.labelPlural} matching “${query.raw}”`}</caption>
        <colgroup>
          <col className="w-[30%]" />
          <col className="w-[16%]" />
          <col className="w-[18%]" />
          <col />
        </colgroup>
        <thead>
          <tr className={`text-xs ${muted}`}>
            <th scope="col" className="px-3 py-1 font-semibold">Name</th>
            <th scope="col" className="py-1 pr-3 font-semibold">Namespace</th>
            <th scope="col" className="py-1 pr-3 font-semibold">Status</th>
            <th scope="col" className="py-1 pr-3 font-semibold">Matching labels</th>
          </tr>
        </thead>
        <tbody>
          {hits.map((h) => (
            <HitRow key={h.obj.metadata.uid ?? `${h.namespace}/${h.name}`} hit={h} group={group} />
          ))}
        </tbody>
      </table>
      {more > 0 ? (
        <p className="border-t border-line px-3 py-1.5 text-xs dark:border-line-dark">
          <Link href={showAll} className={link} data-search-result="">
            Show all {countText(total)} {d.labelPlural}
          </Link>
          <span className={muted}> — {hits.length} best shown here</span>
        </p>
      ) : null}
    </section>
  );
}

function HitRow({ hit, group }: { hit: SearchHit; group: SearchGroup }) {
  const { d } = group;
  const status = hit.status ?? cachedStatus(d, hit.obj);
  return (
    <tr className="border-t border-line/60 align-middle dark:border-line-dark/60">
      <td className="px-3 py-0.5">
        <Link href={pageHref(d, hit.namespace, hit.name)} className={`wrap-anywhere ${link}`} data-search-result="">
          {hit.name}
        </Link>
      </td>
      <td className="py-0.5 pr-3 wrap-anywhere">
        {hit.namespace ? (
          <Link href={namespaceHref(hit.namespace)} className={link}>
            {hit.namespace}
          </Link>
        ) : (
          <span className={muted}>—</span>
        )}
      </td>
      <td className="py-0.5 pr-3">
        {/* A flex box, so the badge and word sit on the row's middle like the other cells' text. */}
        <div className="flex">{status.text ? <HealthText health={status.health} text={status.text} /> : <span className={muted}>—</span>}</div>
      </td>
      <td className="py-0.5 pr-3">
        <span className="inline-flex flex-wrap gap-1">
          {hit.labels.map(([k, v]) => (
            <span key={k} className="rounded-sm border border-line bg-canvas px-1 font-mono text-[11px] leading-4 wrap-anywhere dark:border-line-dark dark:bg-canvas-dark">
              {k}={v}
            </span>
          ))}
        </span>
      </td>
    </tr>
  );
}

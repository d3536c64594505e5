'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import { HealthBadge } from '@/components/inventory/health-badge';
import { HealthText } from '@/components/resource/health-text';
import { Panel } from '@/components/ui/panel';
import { filteredListHref } from '@/lib/overview/list-links';
import type { KindCounts } from '@/lib/overview/counts';
import { countText } from '@/lib/overview/number-text';
import type { Health } from '@/lib/resources/types';
import type { KindTile } from './use-overview-model';

/**
 * Compact tiles of counts by kind and status. Each row is a row header (the bucket, linking to
 * the kind's list filtered to it) and its count, so "Powered off: 3" reads as one row.
 */
const muted = 'text-muted dark:text-muted-dark';
const link = 'text-accent hover:underline dark:text-accent-dark';
const PROBLEMS: Health[] = ['error', 'warning', 'progressing', 'unknown'];

/** Non-healthy counts as badges with words; "all healthy" when there are none. */
export function HealthChips({ counts }: { counts: KindCounts }) {
  const bad = PROBLEMS.filter((h) => counts.health[h] > 0);
  if (counts.total === 0) return null;
  if (bad.length === 0) return <HealthText health="healthy" text="all healthy" className="text-xs" />;
  return (
    <span className="inline-flex flex-wrap gap-x-2.5 text-xs">
      {bad.map((h) => (
        <HealthText key={h} health={h} text={`${countText(counts.health[h])} ${h}`} />
      ))}
    </span>
  );
}

/** The same, as badges with numbers only (the word is in the title and for screen readers). */
function CompactHealth({ counts }: { counts: KindCounts }) {
  const bad = PROBLEMS.filter((h) => counts.health[h] > 0);
  if (counts.total === 0) return null;
  if (bad.length === 0) {
    return (
      <span className="inline-flex items-center align-middle" title="all healthy">
        <HealthBadge health="healthy" />
        <span className="sr-only">all healthy</span>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-x-2 align-middle text-xs leading-4 tabular-nums">
      {bad.map((h) => (
        <span key={h} className="inline-flex items-center gap-1" title={`${counts.health[h]} ${h}`}>
          <HealthBadge health={h} />
          {countText(counts.health[h])}
          <span className="sr-only"> {h}</span>
        </span>
      ))}
    </span>
  );
}

function Rows({ children, caption }: { children: ReactNode; caption: string }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{caption}</caption>
      <tbody>{children}</tbody>
    </table>
  );
}

function Row({ label, href, count, extra }: { label: string; href?: string; count: number | undefined; extra?: ReactNode }) {
  return (
    <tr className="border-t border-line/50 first:border-t-0 dark:border-line-dark/50">
      <th scope="row" className="py-0.5 pr-2 font-normal">
        {href ? (
          <Link href={href} className={link}>
            {label}
          </Link>
        ) : (
          label
        )}
      </th>
      <td className={`py-0.5 text-right font-semibold tabular-nums ${count === 0 ? muted : ''}`}>{count === undefined ? '…' : countText(count)}</td>
      {extra !== undefined ? <td className="w-0 py-0.5 pl-2 text-right align-middle leading-4 whitespace-nowrap">{extra}</td> : null}
    </tr>
  );
}

/** The total a large list's first page announced, shown while its items are still arriving. */
function loadingTotal(tile: KindTile): number | undefined {
  return tile.data.state === 'loading' ? tile.data.total : undefined;
}

function State({ tile, what }: { tile: KindTile; what: string }) {
  if (tile.data.state === 'error') return <p className={`text-xs ${muted}`}>{what} could not be listed: {tile.data.message}</p>;
  if (tile.data.state === 'absent') return <p className={`text-xs ${muted}`}>{what} are not available to you.</p>;
  return null;
}

/** A kind counted by status buckets (VMs by power state, pods by status, namespaces by phase). */
export function BucketTile({ title, tile }: { title: string; tile: KindTile }) {
  const { d, counts } = tile;
  return (
    <Panel title={title} className="min-w-0">
      <State tile={tile} what={title} />
      {tile.data.state === 'loading' || counts ? (
        <>
          <Rows caption={`${title} by status`}>
            <Row label="Total" href={d ? filteredListHref(d) : undefined} count={counts?.total ?? loadingTotal(tile)} />
            {counts?.buckets.map((b) => <Row key={b.key} label={b.label} href={d ? filteredListHref(d, { filter: b.filter }) : undefined} count={b.count} />)}
          </Rows>
          {counts ? (
            <div className="mt-1 border-t border-line/50 pt-1 dark:border-line-dark/50">
              <HealthChips counts={counts} />
            </div>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}

/** Several kinds in sections, one row each with its count and health (workloads, services). */
export function KindsTile({ title, sections }: { title: string; sections: { title: string; tiles: KindTile[]; empty: string }[] }) {
  return (
    <Panel title={title} className="min-w-0">
      {sections.map((section) => {
        const shown = section.tiles.filter((t) => t.d && t.data.state !== 'absent');
        return (
          <div key={section.title} className="mb-1.5 last:mb-0">
            <h3 className={`text-xs font-semibold ${muted}`}>{section.title}</h3>
            {shown.length === 0 ? (
              <p className={`text-xs ${muted}`}>{section.empty}</p>
            ) : (
              <Rows caption={section.title}>
                {shown.map((t) => (
                  <Row
                    key={t.slot}
                    label={t.d!.labelPlural}
                    href={filteredListHref(t.d!)}
                    count={t.counts?.total ?? loadingTotal(t)}
                    extra={t.data.state === 'error' ? <span className={`text-xs ${muted}`}>unavailable</span> : t.counts ? <CompactHealth counts={t.counts} /> : ''}
                  />
                ))}
              </Rows>
            )}
          </div>
        );
      })}
    </Panel>
  );
}

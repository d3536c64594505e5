'use client';

import { useSearchParams } from 'next/navigation';
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Loading } from '@/components/resource/states';
import { countText } from '@/lib/overview/number-text';
import { useIndexSearch } from '@/components/data/use-index-search';
import { indexGroup, searchGroups, totalHits } from '@/lib/search/group';
import { searchDescriptors } from '@/lib/search/kinds';
import { parseSearchQuery } from '@/lib/search/query';
import { ResultGroup } from './search-results';
import { SearchField } from './search-field';
import { useSearchSources } from './use-search-sources';

/**
 * Search (`/search?q=`): VMs, pods, Services and VM services, namespaces, hosts, operator-backed
 * service instances and workloads, by name and label, grouped by kind with counts. Only what the
 * user may list is searched. Arrow Up/Down move between results (and back to the query box).
 */
const CAP = 25;
const muted = 'text-muted dark:text-muted-dark';

export function SearchPage() {
  const params = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  // What the box holds now: results follow it, not the URL (which is updated debounced).
  const [text, setText] = useState(q);
  const deferred = useDeferredValue(text);
  const query = useMemo(() => parseSearchQuery(deferred), [deferred]);
  const active = query.terms.length > 0;
  const { sources, scopes, skipped, namespaces, indexed } = useSearchSources(query, active);
  const server = useIndexSearch(deferred, 'search', CAP, active && indexed.length > 0);
  const groups = useMemo(() => {
    if (!active) return [];
    const listed = searchGroups(query, sources, CAP);
    const fromIndex = indexed.map((d) => (server.error ? { d, total: 0, hits: [], loading: false, error: server.error.message } : indexGroup(d, server.data?.kinds[d.id], server.data?.groups.find((g) => g.kind === d.id))));
    // While the first answer for this query is awaited, the index's kinds are still searching.
    const fresh = server.data !== undefined && !server.placeholder;
    const all = [...listed, ...fromIndex.map((g) => (fresh || g.error ? g : { ...g, loading: true }))];
    const order = new Map(searchDescriptors().map((d, i) => [d.id, i]));
    return all.sort((a, b) => (order.get(a.d.id) ?? 0) - (order.get(b.d.id) ?? 0));
  }, [active, query, sources, indexed, server.data, server.error, server.placeholder]);
  const results = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLDivElement>(null);

  const found = groups.filter((g) => g.total > 0);
  const loading = groups.filter((g) => g.loading);
  const empty = groups.filter((g) => !g.loading && g.total === 0 && !g.error);
  const failed = groups.filter((g) => g.error);
  const total = totalHits(groups);

  const focusResult = (delta: number | 'first') => {
    const links = [...(results.current?.querySelectorAll<HTMLElement>('[data-search-result]') ?? [])];
    if (links.length === 0) return;
    if (delta === 'first') return links[0]!.focus();
    const i = links.indexOf(document.activeElement as HTMLElement);
    const next = i + delta;
    if (next < 0) field.current?.querySelector('input')?.focus();
    else links[Math.min(next, links.length - 1)]!.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    focusResult(e.key === 'ArrowDown' ? 1 : -1);
  };

  return (
    <div className="space-y-3 p-4">
      <header className="space-y-2">
        <h1 className="text-lg font-semibold">Search</h1>
        <div ref={field}>
          <SearchField q={q} onText={setText} onArrowDown={() => focusResult('first')} />
        </div>
        <p id="search-syntax" className={`text-xs ${muted}`}>
          Matches names, label keys and values. Label terms: <code className="font-mono">app=web</code>, <code className="font-mono">tier!=db</code>. All terms must match.
        </p>
      </header>
      {!active ? null : (
        <>
          <p role="status" className="text-[13px]">
            {loading.length > 0 && total === 0 ? (
              'Searching…'
            ) : (
              <>
                <strong className="font-semibold">{countText(total)}</strong> {total === 1 ? 'match' : 'matches'} for “{deferred}”
                {found.length > 0 ? ` in ${found.length} ${found.length === 1 ? 'kind' : 'kinds'}` : ''}
                {loading.length > 0 ? ' so far' : ''}
              </>
            )}
            {namespaces.length > 0 ? <span className={muted}> · searched in {namespaces.join(', ')}</span> : null}
          </p>
          <div ref={results} onKeyDown={onKeyDown} className="space-y-3">
            {found.map((g) => (
              <ResultGroup key={g.d.id} group={g} query={query} namespaces={scopes.get(g.d.id)} />
            ))}
          </div>
          {loading.length > 0 ? <Loading label={`Searching ${loading.map((g) => g.d.labelPlural).join(', ')}…`} /> : null}
          <div className={`space-y-0.5 text-xs ${muted}`}>
            {empty.length > 0 ? <p>No matches in {empty.map((g) => g.d.labelPlural).join(', ')}.</p> : null}
            {failed.map((g) => (
              <p key={g.d.id}>
                {g.d.labelPlural} could not be searched: {g.error}
              </p>
            ))}
            {skipped.length > 0 ? <p>Not searched (not available to you): {skipped.map((p) => p.d.labelPlural).join(', ')}.</p> : null}
          </div>
        </>
      )}
    </div>
  );
}

'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { filterTree } from '@/lib/inventory/filter-tree';
import { ancestorsOf, flattenTree, type FlatRow } from '@/lib/inventory/flatten';
import { HOSTS_ID, nodeForPath } from '@/lib/inventory/ids';
import { createHrefForPage } from '@/lib/resources/links';
import { InventoryTree } from './inventory-tree';
import { ListWatchers } from './list-watchers';
import { useExpanded } from './use-expanded';
import { useInventory } from './use-inventory';

/**
 * The left pane: a filter box over the inventory tree. The tree follows the page being shown
 * (it opens the way to the page's node and selects it); selecting a node opens its page.
 * While filtering, every namespace the user can see is loaded so matches can be found.
 */
export function InventoryPane({ clusterName }: { clusterName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());
  const { expanded, setOpen } = useExpanded();

  const target = useMemo(() => nodeForPath(pathname), [pathname]);
  const [reveal, setReveal] = useState<{ id: string; seq: number } | undefined>(undefined);

  // A new page: open what the id alone tells (its namespace and group); the rest once loaded.
  const [seenPath, setSeenPath] = useState<string | null>(null);
  if (pathname !== seenPath) {
    setSeenPath(pathname);
    if (target) {
      setOpen(target.ancestors, true);
      setReveal((r) => ({ id: target.id, seq: (r?.seq ?? 0) + 1 }));
    }
  }

  const wantedNamespaces = useMemo(() => {
    const out: string[] = [];
    for (const id of expanded) if (id.startsWith('ns:') && !id.includes('/')) out.push(id.slice(3));
    return out;
  }, [expanded]);
  const filtering = query.length > 0;
  const inventory = useInventory({ clusterName, namespaces: filtering ? 'all' : wantedNamespaces, hosts: filtering || expanded.has(HOSTS_ID) });
  const { tree } = inventory;

  // Deeper ancestors (a Job's CronJob) are known only from the built tree.
  useEffect(() => {
    if (!reveal) return;
    const path = ancestorsOf(tree, reveal.id);
    if (path) setOpen(path, true);
  }, [tree, reveal, setOpen]);

  const filtered = useMemo(() => filterTree(tree, query), [tree, query]);
  const rows = useMemo(
    () => flattenTree(filtered.root, filtering ? (id) => filtered.expand.has(id) || expanded.has(id) : (id) => expanded.has(id)),
    [filtered, filtering, expanded],
  );

  const onToggle = useCallback((id: string, open: boolean) => setOpen([id], open), [setOpen]);
  const onExpandMany = useCallback((ids: string[]) => setOpen(ids, true), [setOpen]);
  const onActivate = useCallback(
    (row: FlatRow, newTab: boolean) => {
      const href = row.node.href;
      if (!href) return;
      if (newTab) window.open(href, '_blank', 'noopener');
      else router.push(href);
    },
    [router],
  );
  const onCreate = useCallback(
    (row: FlatRow) => {
      const href = row.node.href ? createHrefForPage(row.node.href) : undefined;
      if (href) router.push(href);
    },
    [router],
  );

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="border-b border-line p-2 dark:border-line-dark">
        <label className="sr-only" htmlFor="inventory-filter">
          Filter inventory
        </label>
        <input
          id="inventory-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter inventory"
          autoComplete="off"
          spellCheck={false}
          className="h-7 w-full rounded-sm border border-line bg-white px-2 text-[13px] placeholder:text-slate-400 dark:border-line-dark dark:bg-canvas-dark dark:placeholder:text-slate-500"
        />
        <p role="status" className="sr-only">
          {filtering ? (filtered.root ? `${filtered.matches} ${filtered.matches === 1 ? 'match' : 'matches'}` : 'No matches') : ''}
        </p>
      </div>
      {filtering && !filtered.root ? (
        <p className="p-3 text-muted dark:text-muted-dark">Nothing in the inventory matches “{query}”.</p>
      ) : (
        <InventoryTree rows={rows} selectedId={target?.id} reveal={reveal} onToggle={onToggle} onExpandMany={onExpandMany} onActivate={onActivate} onCreate={onCreate} />
      )}
      <ListWatchers paths={inventory.paths} />
    </div>
  );
}

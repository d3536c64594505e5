'use client';

import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { useIndexSearch } from '@/components/data/use-index-search';
import { filterTree } from '@/lib/inventory/filter-tree';
import { hitsTree } from '@/lib/inventory/hits-tree';
import { flattenTree, type FlatRow } from '@/lib/inventory/flatten';
import { HOSTS_ID } from '@/lib/inventory/ids';
import type { TreeNode } from '@/lib/inventory/types';
import { createHrefForPage } from '@/lib/resources/links';
import { InventoryTree } from './inventory-tree';
import { ListWatchers } from './list-watchers';
import { useExpanded, type ExpandedState } from './use-expanded';
import { useInventory } from './use-inventory';

/**
 * The inventory tree with its filter box, shared by the console's left pane and the embedded
 * inventory: which namespaces to load (the expanded ones, or all while filtering), the filtered
 * and flattened rows, and the tree's callbacks. Where a node leads is the caller's `navigate`
 * (the router, or the host through the embed channel); it must be stable.
 */
export interface InventoryView extends ExpandedState {
  tree: TreeNode;
  /** The filter box, then the tree (or "nothing matches"), then the watchers of its lists. */
  render(props: { inputId: string; selectedId?: string; reveal?: { id: string; seq: number } }): React.JSX.Element;
}

const HITS_PER_KIND = 50;

export function useInventoryView(clusterName: string, navigate: (href: string) => void): InventoryView {
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());
  const expandedState = useExpanded();
  const { expanded, setOpen } = expandedState;

  const wantedNamespaces = useMemo(() => [...expanded].filter((id) => id.startsWith('ns:') && !id.includes('/')).map((id) => id.slice(3)), [expanded]);
  const expandedHosts = useMemo(() => [...expanded].filter((id) => id.startsWith('host:') && !id.includes('>')).map((id) => id.slice(5)), [expanded]);
  const filtering = query.length > 0;
  const { tree, paths, counted, countedGroupsOf } = useInventory({ clusterName, namespaces: filtering ? 'all' : wantedNamespaces, hosts: filtering || expanded.has(HOSTS_ID), expandedHosts });
  // With the inventory index the filter searches every object on the server; without it, the
  // loaded lists (all namespaces are loaded while filtering).
  // The index is asked with the text as typed, not the deferred one: the request leaves with the
  // keystroke instead of after the render it would otherwise wait for.
  const typed = filter.trim();
  const search = useIndexSearch(typed, 'tree', HITS_PER_KIND, typed.length > 0 && counted);
  const hits = counted && filtering ? search.data : undefined;
  const searching = counted && filtering && !hits && !search.error;

  const filtered = useMemo(() => (hits ? hitsTree(tree, hits.groups, typed, countedGroupsOf) : filterTree(tree, query)), [tree, query, typed, hits, countedGroupsOf]);
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
      else navigate(href);
    },
    [navigate],
  );
  const onCreate = useCallback(
    (row: FlatRow) => {
      const href = row.node.href ? createHrefForPage(row.node.href) : undefined;
      if (href) navigate(href);
    },
    [navigate],
  );

  const render: InventoryView['render'] = ({ inputId, selectedId, reveal }) => (
    <>
      <div className="border-b border-line p-2 dark:border-line-dark">
        <label className="sr-only" htmlFor={inputId}>
          Filter inventory
        </label>
        <input
          id={inputId}
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
        <p className="p-3 text-muted dark:text-muted-dark">{searching ? 'Searching…' : `Nothing in the inventory matches “${query}”.`}</p>
      ) : (
        <InventoryTree rows={rows} selectedId={selectedId} reveal={reveal} onToggle={onToggle} onExpandMany={onExpandMany} onActivate={onActivate} onCreate={onCreate} />
      )}
      <ListWatchers paths={paths} />
    </>
  );

  return { ...expandedState, tree, render };
}

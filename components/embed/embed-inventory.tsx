'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { InventoryTree } from '@/components/inventory/inventory-tree';
import { ListWatchers } from '@/components/inventory/list-watchers';
import { useExpanded } from '@/components/inventory/use-expanded';
import { useInventory } from '@/components/inventory/use-inventory';
import { contextTarget } from '@/lib/embed/context';
import { EMBED_VIEWS, embedHrefFor } from '@/lib/embed/routes';
import { filterTree } from '@/lib/inventory/filter-tree';
import { ancestorsOf, flattenTree, type FlatRow } from '@/lib/inventory/flatten';
import { HOSTS_ID, hostId, namespaceId, objectId } from '@/lib/inventory/ids';
import { createHrefForPage } from '@/lib/resources/links';
import { useEmbed } from './embed-runtime';

/**
 * The inventory tree as an embedded view: the console's tree (same data, same keyboard model),
 * with a filter box and no page beside it. Activating a node goes through the host (`navigate`,
 * or `app.navigateTo` under the vSphere Client); the host's selected object is selected here.
 * Opened as the vSphere global view with navigation data or a context object (the "Open in
 * Glasspane" action), it shows that object's page instead.
 */
/** The host's "show this object" (navigation data, or a context object in the vSphere global view) is followed once per document. */
let forwardedOnce = false;

function selectedNode(target: ReturnType<typeof contextTarget>): { id: string; ancestors: string[] } | undefined {
  if (target.type !== 'page') return undefined;
  if (target.descriptorId === 'nodes') return { id: hostId(target.name), ancestors: [HOSTS_ID] };
  if (target.descriptorId === 'namespaces') return { id: namespaceId(target.name), ancestors: [] };
  return target.namespace ? { id: objectId(target.descriptorId, target.namespace, target.name), ancestors: [namespaceId(target.namespace)] } : undefined;
}

export function EmbedInventory({ clusterName }: { clusterName: string }) {
  const router = useRouter();
  const { state, channel } = useEmbed();
  const [filter, setFilter] = useState('');
  const query = useDeferredValue(filter.trim());
  const { expanded, setOpen } = useExpanded();
  const selected = useMemo(() => selectedNode(contextTarget(state.context.objects[0])), [state.context]);

  const search = useSearchParams().toString();
  const [forwarded] = useState(() => {
    if (forwardedOnce) return undefined;
    if (state.navigationData) return embedHrefFor(state.navigationData.href);
    return state.mode === 'vsphere' && state.context.objects.length ? `${EMBED_VIEWS.object}?${search}` : undefined;
  });
  useEffect(() => {
    if (!forwarded) return;
    forwardedOnce = true;
    router.replace(forwarded);
  }, [forwarded, router]);

  useEffect(() => {
    if (selected) setOpen(selected.ancestors, true);
  }, [selected, setOpen]);

  const wantedNamespaces = useMemo(() => [...expanded].filter((id) => id.startsWith('ns:') && !id.includes('/')).map((id) => id.slice(3)), [expanded]);
  const filtering = query.length > 0;
  const inventory = useInventory({ clusterName, namespaces: filtering ? 'all' : wantedNamespaces, hosts: filtering || expanded.has(HOSTS_ID) });
  const { tree } = inventory;

  useEffect(() => {
    const path = selected ? ancestorsOf(tree, selected.id) : undefined;
    if (path) setOpen(path, true);
  }, [tree, selected, setOpen]);

  const filtered = useMemo(() => filterTree(tree, query), [tree, query]);
  const rows = useMemo(() => flattenTree(filtered.root, filtering ? (id) => filtered.expand.has(id) || expanded.has(id) : (id) => expanded.has(id)), [filtered, filtering, expanded]);
  const onToggle = useCallback((id: string, open: boolean) => setOpen([id], open), [setOpen]);
  const onExpandMany = useCallback((ids: string[]) => setOpen(ids, true), [setOpen]);
  const onActivate = useCallback(
    (row: FlatRow, newTab: boolean) => {
      const href = row.node.href;
      if (!href) return;
      if (newTab) window.open(href, '_blank', 'noopener');
      else channel.follow(href);
    },
    [channel],
  );
  const onCreate = useCallback(
    (row: FlatRow) => {
      const href = row.node.href ? createHrefForPage(row.node.href) : undefined;
      if (href) channel.follow(href);
    },
    [channel],
  );

  if (forwarded) return null;
  const fill = state.mode === 'vsphere';
  return (
    <div className={`flex flex-col ${fill ? 'h-dvh' : 'min-h-40'}`}>
      <div className="border-b border-line p-2 dark:border-line-dark">
        <label className="sr-only" htmlFor="embed-inventory-filter">
          Filter inventory
        </label>
        <input
          id="embed-inventory-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter inventory"
          autoComplete="off"
          spellCheck={false}
          className="h-7 w-full rounded-sm border border-line bg-white px-2 text-[13px] placeholder:text-slate-400 dark:border-line-dark dark:bg-canvas-dark dark:placeholder:text-slate-500"
        />
      </div>
      {filtering && !filtered.root ? (
        <p className="p-3 text-muted dark:text-muted-dark">Nothing in the inventory matches “{query}”.</p>
      ) : (
        <InventoryTree rows={rows} selectedId={selected?.id} onToggle={onToggle} onExpandMany={onExpandMany} onActivate={onActivate} onCreate={onCreate} />
      )}
      <ListWatchers paths={inventory.paths} />
    </div>
  );
}

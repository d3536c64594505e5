'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useInventoryView } from '@/components/inventory/use-inventory-view';
import { contextTarget } from '@/lib/embed/context';
import { EMBED_VIEWS, embedHrefFor } from '@/lib/embed/routes';
import { ancestorsOf } from '@/lib/inventory/flatten';
import { HOSTS_ID, hostId, namespaceId, objectId } from '@/lib/inventory/ids';
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
  const navigate = useCallback((href: string) => channel.follow(href), [channel]);
  const { tree, setOpen, render } = useInventoryView(clusterName, navigate);
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

  useEffect(() => {
    const path = selected ? ancestorsOf(tree, selected.id) : undefined;
    if (path) setOpen(path, true);
  }, [tree, selected, setOpen]);

  if (forwarded) return null;
  const fill = state.mode === 'vsphere';
  return (
    <div className={`flex flex-col ${fill ? 'h-dvh' : 'min-h-40'}`}>
      {render({ inputId: 'embed-inventory-filter', selectedId: selected?.id })}
    </div>
  );
}

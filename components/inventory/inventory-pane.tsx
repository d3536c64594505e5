'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ancestorsOf } from '@/lib/inventory/flatten';
import { nodeForPath } from '@/lib/inventory/ids';
import { useInventoryView } from './use-inventory-view';

/**
 * The left pane: a filter box over the inventory tree. The tree follows the page being shown
 * (it opens the way to the page's node and selects it); selecting a node opens its page.
 * While filtering, every namespace the user can see is loaded so matches can be found.
 */
export function InventoryPane({ clusterName }: { clusterName: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const navigate = useCallback((href: string) => router.push(href), [router]);
  const { tree, setOpen, render } = useInventoryView(clusterName, navigate);

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

  // Deeper ancestors (a Job's CronJob) are known only from the built tree.
  useEffect(() => {
    if (!reveal) return;
    const path = ancestorsOf(tree, reveal.id);
    if (path) setOpen(path, true);
  }, [tree, reveal, setOpen]);

  return <div className="flex h-full min-h-0 flex-col">{render({ inputId: 'inventory-filter', selectedId: target?.id, reveal })}</div>;
}

'use client';

import { useCallback, useEffect, useState } from 'react';
import { ROOT_ID } from '@/lib/inventory/ids';

/**
 * Which tree nodes are open, kept for the tab's lifetime (sessionStorage) so a reload keeps the
 * tree as it was. The root starts open, so the namespaces are visible at once.
 */
const KEY = 'glasspane.inventory.expanded';

function restore(): Set<string> {
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as unknown;
    if (Array.isArray(saved) && saved.every((x) => typeof x === 'string')) return new Set(saved);
  } catch {
    // A broken value falls back to the default.
  }
  return new Set([ROOT_ID]);
}

export interface ExpandedState {
  expanded: ReadonlySet<string>;
  setOpen(ids: readonly string[], open: boolean): void;
  toggle(id: string): void;
}

export function useExpanded(): ExpandedState {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => (typeof window === 'undefined' ? new Set([ROOT_ID]) : restore()));
  useEffect(() => {
    try {
      window.sessionStorage.setItem(KEY, JSON.stringify([...expanded]));
    } catch {
      // Storage may be full or disabled; the tree still works.
    }
  }, [expanded]);
  const setOpen = useCallback((ids: readonly string[], open: boolean) => {
    setExpanded((prev) => {
      if (ids.every((id) => prev.has(id) === open)) return prev;
      const next = new Set(prev);
      for (const id of ids) {
        if (open) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);
  const toggle = useCallback((id: string) => setExpanded((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  }), []);
  return { expanded, setOpen, toggle };
}

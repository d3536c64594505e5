'use client';

import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { FlatRow } from '@/lib/inventory/flatten';
import { isTypeAheadKey, keyCommand, typeAheadIndex } from '@/lib/inventory/tree-keys';
import { canCreateFrom, ROW_HEIGHT, TreeRow } from './tree-row';

/**
 * The inventory as a WAI-ARIA tree over a flat, virtualised list of the visible rows: only the
 * rows in view (plus the focused one, so Tab always finds it) are in the DOM. One row is
 * tabbable (roving tabindex); arrows, Home/End, Enter/Space, `*` and type-ahead work as in the
 * tree view pattern. Selection follows the page being shown; activating a row opens its page.
 */
export interface InventoryTreeProps {
  rows: readonly FlatRow[];
  selectedId?: string;
  /** Moves the roving focus to a node and scrolls to it (not DOM focus), e.g. after navigation. */
  reveal?: { id: string; seq: number };
  onToggle(id: string, open: boolean): void;
  onExpandMany(ids: string[]): void;
  onActivate(row: FlatRow, newTab: boolean): void;
  /** The create page of a namespace or group ("+" on the row, or the + key); absent: no "+". */
  onCreate?(row: FlatRow): void;
}

const TYPE_AHEAD_MS = 600;

export function InventoryTree({ rows, selectedId, reveal, onToggle, onExpandMany, onActivate, onCreate }: InventoryTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowEls = useRef(new Map<string, HTMLElement>());
  const [focusId, setFocusId] = useState<string | undefined>(undefined);
  const moveDomFocus = useRef(false);
  const typed = useRef({ text: '', at: 0 });

  const indexById = useMemo(() => new Map(rows.map((r, i) => [r.node.id, i])), [rows]);
  const focusIndex = useMemo(() => {
    const byFocus = focusId === undefined ? undefined : indexById.get(focusId);
    if (byFocus !== undefined) return byFocus;
    const bySelection = selectedId === undefined ? undefined : indexById.get(selectedId);
    return bySelection ?? 0;
  }, [focusId, selectedId, indexById]);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusIndex < rows.length && !indexes.includes(focusIndex)) indexes.push(focusIndex);
      return indexes.sort((a, b) => a - b);
    },
    [focusIndex, rows.length],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => rows[i]?.node.id ?? i,
    rangeExtractor,
  });

  const focusAt = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      moveDomFocus.current = true;
      setFocusId(row.node.id);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [rows, virtualizer],
  );

  useEffect(() => {
    if (!reveal) return;
    const index = indexById.get(reveal.id);
    if (index === undefined) return;
    setFocusId(reveal.id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
    // Only a new reveal request scrolls; later row changes must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal?.seq, reveal?.id, indexById.has(reveal?.id ?? '')]);

  useLayoutEffect(() => {
    if (!moveDomFocus.current) return;
    moveDomFocus.current = false;
    const id = rows[focusIndex]?.node.id;
    if (id) rowEls.current.get(id)?.focus({ preventScroll: true });
  });

  const setRef = useCallback((id: string, el: HTMLElement | null) => {
    if (el) rowEls.current.set(id, el);
    else rowEls.current.delete(id);
  }, []);

  const toggle = useCallback((row: FlatRow) => onToggle(row.node.id, !row.expanded), [onToggle]);

  const onRowClick = useCallback(
    (row: FlatRow, e: MouseEvent) => {
      const index = indexById.get(row.node.id);
      if (index !== undefined) focusAt(index);
      onActivate(row, e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1);
    },
    [indexById, focusAt, onActivate],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const now = Date.now();
    // "+" never starts a name (Kubernetes names have none): it creates in a namespace or group.
    if (e.key === '+') {
      const row = rows[focusIndex];
      if (row && onCreate && canCreateFrom(row.node)) {
        e.preventDefault();
        onCreate(row);
      }
      return;
    }
    if (isTypeAheadKey(e.key)) {
      const t = typed.current;
      t.text = now - t.at > TYPE_AHEAD_MS ? e.key : t.text + e.key;
      t.at = now;
      const index = typeAheadIndex(rows, focusIndex, t.text);
      if (index !== undefined) focusAt(index);
      e.preventDefault();
      return;
    }
    // A space while typing a name continues the search rather than opening the node.
    if (e.key === ' ' && now - typed.current.at < TYPE_AHEAD_MS) {
      e.preventDefault();
      return;
    }
    const cmd = keyCommand(rows, focusIndex, e.key);
    if (cmd.type === 'none') return;
    e.preventDefault();
    if (cmd.type === 'focus') focusAt(cmd.index);
    else if (cmd.type === 'expand') onToggle(cmd.id, true);
    else if (cmd.type === 'collapse') onToggle(cmd.id, false);
    else if (cmd.type === 'expandSiblings') onExpandMany(cmd.ids);
    else if (cmd.type === 'activate') {
      const row = rows[cmd.index];
      if (row) onActivate(row, false);
    }
  };

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="inventory-scroll">
      <div role="tree" aria-label="Inventory" onKeyDown={onKeyDown} className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index];
          if (!row) return null;
          return (
            <TreeRow
              key={v.key}
              row={row}
              top={v.start}
              focused={v.index === focusIndex}
              selected={row.node.id === selectedId}
              setRef={setRef}
              onRowClick={onRowClick}
              onToggle={toggle}
              onFocusRow={setFocusId}
              onCreate={onCreate}
            />
          );
        })}
      </div>
    </div>
  );
}

'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ListColumn, ListRow, SortDirection } from '@/lib/resources/list-rows';
import { DataTableRow, ROW_HEIGHT } from './data-table-row';

/**
 * A virtualised list table that stays a real table: `<table>` with a caption, `<th scope=col>`
 * headers carrying `aria-sort`, `aria-rowcount` for all rows and `aria-rowindex` on the rendered
 * ones. Rows are reachable from the keyboard with one tab stop (arrow keys, Home/End, Page
 * Up/Down move; Enter opens; Space selects). Only the visible rows are in the DOM, so 10,000
 * rows scroll smoothly.
 */
export interface TableSort {
  column: number;
  direction: SortDirection;
}

export interface DataTableProps {
  caption: string;
  columns: ListColumn[];
  rows: ListRow[];
  sort: TableSort | undefined;
  onSort(column: number): void;
  hrefFor(row: ListRow): string;
  selectable: boolean;
  selected: ReadonlySet<string>;
  onSelectedChange(next: Set<string>): void;
}

export function DataTable({ caption, columns, rows, sort, onSort, hrefFor, selectable, selected, onSelectedChange }: DataTableProps) {
  const router = useRouter();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);
  // The virtualiser returns functions that change every render; React Compiler memoisation is not wanted here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 16 });
  const items = virtualizer.getVirtualItems();
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${activeIndex}"]`);
    if (el) {
      focusWanted.current = false;
      el.focus({ preventScroll: true });
    }
  });

  const toggle = useCallback(
    (key: string) => {
      const next = new Set(selected);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      onSelectedChange(next);
    },
    [selected, onSelectedChange],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!(e.target instanceof HTMLTableRowElement)) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, Home: 0, End: rows.length - 1, PageDown: activeIndex + page, PageUp: activeIndex - page };
    if (e.key in moves) {
      e.preventDefault();
      const to = Math.max(0, Math.min(rows.length - 1, moves[e.key]!));
      setActive(to);
      focusWanted.current = true;
      virtualizer.scrollToIndex(to, { align: 'auto' });
      return;
    }
    const row = rows[activeIndex];
    if (!row) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      router.push(hrefFor(row));
    } else if (e.key === ' ' && selectable) {
      e.preventDefault();
      toggle(row.key);
    }
  };

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.key));
  const someSelected = !allSelected && rows.some((r) => selected.has(r.key));
  const span = columns.length + (selectable ? 1 : 0);
  const totalWidth = columns.reduce((n, c) => n + (c.width ?? 1), 0);
  const paddingTop = items.length ? items[0]!.start : 0;
  const paddingBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  return (
    <div ref={scrollRef} onKeyDown={onKeyDown} className="min-h-0 flex-1 overflow-auto border-t border-line dark:border-line-dark">
      <table aria-rowcount={rows.length + 1} className="w-full table-fixed border-collapse text-left">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-panel shadow-[0_1px_0_var(--color-line)] dark:bg-panel-dark dark:shadow-[0_1px_0_var(--color-line-dark)]">
          <tr aria-rowindex={1}>
            {selectable ? (
              <th scope="col" className="w-9 px-2 py-1.5">
                <input
                  type="checkbox"
                  aria-label="Select all rows"
                  checked={allSelected}
                  ref={(el) => {
                    if (el) el.indeterminate = someSelected;
                  }}
                  onChange={() => onSelectedChange(allSelected ? new Set() : new Set(rows.map((r) => r.key)))}
                  className="size-3.5 accent-accent align-middle"
                />
              </th>
            ) : null}
            {columns.map((c, i) => {
              const sorted = sort?.column === i ? sort.direction : undefined;
              return (
                <th
                  key={c.id}
                  scope="col"
                  aria-sort={sorted ?? 'none'}
                  title={c.description}
                  style={{ width: `${((c.width ?? 1) / totalWidth) * 100}%` }}
                  className={`px-2 py-1 text-xs font-semibold whitespace-nowrap text-muted dark:text-muted-dark ${c.priority === 1 ? 'hidden xl:table-cell' : ''} ${c.align === 'right' ? 'text-right' : ''}`}
                >
                  <button type="button" onClick={() => onSort(i)} className={`inline-flex max-w-full items-center gap-1 rounded-sm hover:text-slate-900 dark:hover:text-white ${c.align === 'right' ? 'flex-row-reverse' : ''}`}>
                    <span className="truncate">{c.header}</span>
                    <svg viewBox="0 0 10 10" aria-hidden="true" className={`size-2.5 shrink-0 ${sorted ? 'opacity-100' : 'opacity-0'} ${sorted === 'descending' ? 'rotate-180' : ''}`}>
                      <path d="M5 2 8.5 7.5h-7Z" fill="currentColor" />
                    </svg>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={span} />
            </tr>
          ) : null}
          {items.map((v) => {
            const row = rows[v.index]!;
            return (
              <DataTableRow
                key={row.key}
                row={row}
                index={v.index}
                columns={columns}
                href={hrefFor(row)}
                active={v.index === activeIndex}
                selectable={selectable}
                selected={selected.has(row.key)}
                onToggle={toggle}
                onActivate={setActive}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={span} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

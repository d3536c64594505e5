'use client';

import Link from 'next/link';
import { memo } from 'react';
import { HealthBadge } from '@/components/inventory/health-badge';
import type { ListColumn, ListRow } from '@/lib/resources/list-rows';

/**
 * One row of the list table. The first column links to the object's page; cells are text with
 * their full value as a tooltip. Links and checkboxes are out of the tab order: the row is the
 * single tab stop and handles Enter and Space (see DataTable).
 */
export const ROW_HEIGHT = 28;

interface Props {
  row: ListRow;
  index: number;
  columns: ListColumn[];
  href: string;
  active: boolean;
  selectable: boolean;
  selected: boolean;
  onToggle(key: string): void;
  onActivate(index: number): void;
}

export const DataTableRow = memo(function DataTableRow({ row, index, columns, href, active, selectable, selected, onToggle, onActivate }: Props) {
  return (
    <tr
      data-index={index}
      data-resource-version={row.version}
      aria-rowindex={index + 2}
      tabIndex={active ? 0 : -1}
      onFocus={(e) => e.target === e.currentTarget && onActivate(index)}
      onClick={() => onActivate(index)}
      style={{ height: ROW_HEIGHT }}
      className={`border-b border-line/60 outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent dark:border-line-dark/60 dark:focus-visible:outline-accent-dark ${
        selected ? 'bg-sky-50 dark:bg-sky-900/40' : 'hover:bg-slate-50 dark:hover:bg-white/5'
      }`}
    >
      {selectable ? (
        <td className="px-2">
          <input type="checkbox" tabIndex={-1} aria-label={`Select ${row.namespace ? `${row.namespace}/` : ''}${row.name}`} checked={selected} onChange={() => onToggle(row.key)} className="size-3.5 accent-accent align-middle" />
        </td>
      ) : null}
      {columns.map((c, i) => {
        const value = row.cells[i];
        const text = value === undefined ? '' : String(value);
        const hidden = c.priority === 1 ? 'hidden xl:table-cell' : '';
        if (i === 0) {
          return (
            <td key={c.id} className={`truncate px-2 ${hidden}`} title={text}>
              <span className="flex min-w-0 items-center gap-1.5">
                {row.health && row.statusText !== '' ? <HealthBadge health={row.health} /> : null}
                <Link href={href} tabIndex={-1} prefetch={false} className="truncate text-accent hover:underline dark:text-accent-dark">
                  {text || row.name}
                </Link>
              </span>
            </td>
          );
        }
        return (
          <td key={c.id} title={text} className={`truncate px-2 ${c.align === 'right' ? 'text-right tabular-nums' : ''} ${hidden}`}>
            {text}
          </td>
        );
      })}
    </tr>
  );
});

'use client';

import { memo, type MouseEvent } from 'react';
import type { FlatRow } from '@/lib/inventory/flatten';
import type { TreeNode } from '@/lib/inventory/types';
import { createHrefForPage } from '@/lib/resources/links';
import { HealthBadge } from './health-badge';
import { TreeIconView } from './tree-icon';

/**
 * One row of the inventory tree: a `treeitem` positioned by the virtualiser. Its accessible name
 * says what a sighted user reads from the badge and the count ("web-vm-1, warning").
 */
export const ROW_HEIGHT = 24;
const INDENT = 14;

export function accessibleName(n: TreeNode): string {
  const parts = [n.detail ? `${n.label} (${n.detail})` : n.label];
  if (n.health) parts.push(n.health);
  if (n.type === 'object' && n.health && n.health !== 'healthy' && n.statusText) parts.push(n.statusText);
  if (n.type !== 'object' && n.summary) parts.push(n.summary);
  return parts.join(', ');
}

function tooltip(n: TreeNode): string | undefined {
  const parts = [n.statusText, n.summary].filter(Boolean);
  return parts.length ? parts.join(' · ') : undefined;
}

export interface TreeRowProps {
  row: FlatRow;
  top: number;
  focused: boolean;
  selected: boolean;
  setRef(id: string, el: HTMLElement | null): void;
  onRowClick(row: FlatRow, event: MouseEvent): void;
  onToggle(row: FlatRow): void;
  onFocusRow(id: string): void;
  /** Opens the create page of a namespace or group (its "+", or the + key); absent: no "+". */
  onCreate?(row: FlatRow): void;
}

/** Namespaces and groups can create what they hold. */
export function canCreateFrom(n: TreeNode): boolean {
  return (n.type === 'group' || n.type === 'namespace') && !!n.href && createHrefForPage(n.href) !== undefined;
}

export const TreeRow = memo(function TreeRow({ row, top, focused, selected, setRef, onRowClick, onToggle, onFocusRow, onCreate }: TreeRowProps) {
  const n = row.node;
  const message = n.type === 'message';
  const creatable = !!onCreate && canCreateFrom(n);
  return (
    <div
      ref={(el) => setRef(n.id, el)}
      role="treeitem"
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={message ? undefined : selected}
      aria-disabled={message ? true : undefined}
      aria-label={accessibleName(n)}
      aria-keyshortcuts={creatable ? '+' : undefined}
      tabIndex={focused ? 0 : -1}
      title={creatable ? [tooltip(n), 'Press + to create here'].filter(Boolean).join(' · ') : tooltip(n)}
      data-node-id={n.id}
      onClick={(e) => onRowClick(row, e)}
      onFocus={(e) => e.target === e.currentTarget && onFocusRow(n.id)}
      onDoubleClick={() => row.expandable && onToggle(row)}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      className={`group/row absolute left-0 top-0 flex w-full cursor-default select-none items-center gap-1.5 whitespace-nowrap pr-2 outline-none focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent dark:focus-visible:outline-accent-dark ${
        selected
          ? 'bg-sky-100 text-slate-950 dark:bg-sky-900/60 dark:text-white'
          : 'hover:bg-slate-100 dark:hover:bg-white/5'
      } ${message ? 'italic text-muted dark:text-muted-dark' : ''}`}
    >
      <span aria-hidden="true" style={{ width: (row.level - 1) * INDENT + 4 }} className="shrink-0" />
      {row.expandable ? (
        <span
          aria-hidden="true"
          onClick={(e) => {
            e.stopPropagation();
            onToggle(row);
          }}
          className="-ml-1 flex size-4 shrink-0 items-center justify-center rounded-sm text-slate-500 hover:bg-slate-200 dark:text-slate-400 dark:hover:bg-white/10"
        >
          <svg viewBox="0 0 10 10" className={`size-2.5 transition-transform ${row.expanded ? 'rotate-90' : ''}`}>
            <path d="M3 1.5 7 5 3 8.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </span>
      ) : (
        <span aria-hidden="true" className="-ml-1 size-4 shrink-0" />
      )}
      <TreeIconView icon={n.icon} />
      <span className="min-w-0 truncate">
        {n.label}
        {n.detail ? <span className="ml-1.5 text-xs text-muted dark:text-muted-dark">{n.detail}</span> : null}
      </span>
      <span aria-hidden="true" className="ml-auto flex shrink-0 items-center gap-1.5 pl-2">
        {creatable ? (
          <span
            title={`Create in ${n.label}`}
            onClick={(e) => {
              e.stopPropagation();
              onCreate?.(row);
            }}
            className={`flex size-4 items-center justify-center rounded-sm text-sm leading-none text-slate-500 hover:bg-slate-200 hover:text-accent dark:text-slate-400 dark:hover:bg-white/10 dark:hover:text-accent-dark ${selected || focused ? '' : 'invisible group-hover/row:visible'}`}
          >
            +
          </span>
        ) : null}
        {n.count !== undefined && n.type !== 'object' ? (
          <span className="min-w-5 rounded-full bg-slate-200/80 px-1.5 text-center text-[11px] leading-4 text-slate-700 tabular-nums dark:bg-white/10 dark:text-slate-300">{n.count}</span>
        ) : null}
        {n.health ? <HealthBadge health={n.health} /> : null}
      </span>
    </div>
  );
});

'use client';

import { useMemo } from 'react';
import { descriptorRows, listColumns, type ListColumn, type ListRow } from '@/lib/resources/list-rows';
import { serverTableColumns, serverTableRows } from '@/lib/resources/server-table';
import type { ResourceDescriptor } from '@/lib/resources/types';
import type { KubeError } from '@/lib/k8s/status';
import { mergeItems, useLiveLists } from './use-live-lists';
import { useNow } from './use-now';
import { useServerTables } from './use-server-tables';

/**
 * The two sources of list rows: live objects through the registry descriptor's columns, or the
 * server's Table output (printer columns) for kinds the registry does not describe.
 */
export interface ListData {
  columns: ListColumn[];
  rows: ListRow[];
  pending: boolean;
  /** The rows are a large list's first pages; more are arriving. */
  loadingMore?: boolean;
  error: KubeError | null;
}

export function useDescriptorList(d: ResourceDescriptor, paths: string[], oneNamespace: boolean): ListData {
  const { lists, errors, pending, loadingMore } = useLiveLists(paths);
  const now = useNow(30_000);
  const columns = useMemo(() => d.columns.filter((c) => !(oneNamespace && c.id === 'namespace')), [d, oneNamespace]);
  const items = useMemo(() => mergeItems(lists), [lists]);
  const rows = useMemo(() => descriptorRows({ columns, status: d.status }, items, now), [columns, d, items, now]);
  const listCols = useMemo(() => listColumns(columns), [columns]);
  return { columns: listCols, rows, pending, loadingMore, error: errors.find((e) => e) ?? null };
}

const NAMESPACE_COLUMN: ListColumn = { id: 'namespace', header: 'Namespace', width: 1 };

export function useTableList(paths: string[], showNamespace: boolean): ListData {
  const { tables, errors, pending } = useServerTables(paths);
  return useMemo(() => {
    const first = tables.find((t) => t);
    if (!first) return { columns: [], rows: [], pending, error: errors.find((e) => e) ?? null };
    const { columns, indexes } = serverTableColumns(first);
    let rows = tables.flatMap((t) => (t ? serverTableRows(t, indexes) : []));
    let cols = columns;
    if (showNamespace) {
      // kubectl adds the NAMESPACE column itself for -A; the Table output does not carry it.
      cols = [columns[0]!, NAMESPACE_COLUMN, ...columns.slice(1)];
      rows = rows.map((r) => ({ ...r, cells: [r.cells[0], r.namespace, ...r.cells.slice(1)], sort: [r.sort[0], r.namespace, ...r.sort.slice(1)] }));
    }
    return { columns: cols, rows, pending, error: errors.find((e) => e) ?? null };
  }, [tables, errors, pending, showNamespace]);
}

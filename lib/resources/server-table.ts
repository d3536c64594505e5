import type { ObjectMeta } from '../k8s/types';
import type { ListColumn, ListRow } from './list-rows';

/**
 * The API server's Table output (meta.k8s.io/v1, `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`):
 * the printer columns of any kind, CRDs included, turned into the list model. Cells arrive
 * formatted by the server ("5m", "True"); durations and numbers get numeric sort keys.
 */
export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: ObjectMeta };
}

export interface ServerTable {
  kind: 'Table';
  metadata: { resourceVersion?: string; continue?: string };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[] | null;
}

export function isServerTable(v: unknown): v is ServerTable {
  return typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'Table' && Array.isArray((v as ServerTable).columnDefinitions);
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, y: 31536000 };

/** Seconds of a kubectl-style duration ("45s", "3m20s", "2d4h", "5y"); undefined otherwise. */
export function durationSeconds(text: string): number | undefined {
  if (!/^(\d+[smhdy])+$/.test(text)) return undefined;
  let total = 0;
  for (const m of text.matchAll(/(\d+)([smhdy])/g)) total += Number(m[1]) * UNITS[m[2]!]!;
  return total;
}

function cellText(v: unknown): string | number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Columns with priority 0 (what `kubectl get` shows without `-o wide`) are the table's columns. */
export function serverTableColumns(t: ServerTable): { columns: ListColumn[]; indexes: number[] } {
  const columns: ListColumn[] = [];
  const indexes: number[] = [];
  t.columnDefinitions.forEach((c, i) => {
    if ((c.priority ?? 0) > 0) return;
    const numeric = c.type === 'integer' || c.type === 'number';
    columns.push({ id: `c${i}`, header: c.name, align: numeric || c.type === 'date' ? 'right' : 'left', width: c.format === 'name' ? 2 : 1, description: c.description });
    indexes.push(i);
  });
  return { columns, indexes };
}

export function serverTableRows(t: ServerTable, indexes: number[]): ListRow[] {
  const nameIndex = t.columnDefinitions.findIndex((c) => c.format === 'name');
  return (t.rows ?? []).map((row, i) => {
    const meta = row.object?.metadata ?? {};
    const name = meta.name ?? String(row.cells[nameIndex >= 0 ? nameIndex : 0] ?? '');
    const cells = indexes.map((ci) => cellText(row.cells[ci]));
    const sort = indexes.map((ci, k) => {
      const def = t.columnDefinitions[ci]!;
      const v = cells[k];
      if (def.type === 'date' && typeof v === 'string') return durationSeconds(v) ?? v;
      return v;
    });
    return { key: meta.uid ?? `${meta.namespace ?? ''}/${name}/${i}`, name, namespace: meta.namespace, cells, sort };
  });
}

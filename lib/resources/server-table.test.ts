import { describe, expect, it } from 'vitest';
import { sortRows } from './list-rows';
import { durationSeconds, isServerTable, serverTableColumns, serverTableRows, type ServerTable } from './server-table';

const table: ServerTable = {
  kind: 'Table',
  metadata: { resourceVersion: '361' },
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique', priority: 0 },
    { name: 'PackageMetadata Name', type: 'string', format: '', priority: 0 },
    { name: 'Replicas', type: 'integer', format: '', priority: 0 },
    { name: 'Detail', type: 'string', format: '', priority: 1 },
    { name: 'Age', type: 'date', format: '', priority: 0 },
  ],
  rows: [
    { cells: ['cass-operator.1.22.4', 'cass-operator', 3, 'x', '20s'], object: { metadata: { name: 'cass-operator.1.22.4', namespace: 'vmware-system-supervisor-services', uid: 'u1' } } },
    { cells: ['cnpg.1.24.1', 'cnpg', 10, 'y', '3d4h'], object: { metadata: { name: 'cnpg.1.24.1', namespace: 'vmware-system-supervisor-services', uid: 'u2' } } },
    { cells: ['minio.6.0.4', null, 2, 'z', '5m'], object: { metadata: { name: 'minio.6.0.4', namespace: 'vmware-system-supervisor-services', uid: 'u3' } } },
  ],
};

describe('server Table output', () => {
  it('recognises a Table', () => {
    expect(isServerTable(table)).toBe(true);
    expect(isServerTable({ kind: 'PodList', items: [] })).toBe(false);
  });

  it('keeps the priority-0 printer columns', () => {
    const { columns, indexes } = serverTableColumns(table);
    expect(columns.map((c) => c.header)).toEqual(['Name', 'PackageMetadata Name', 'Replicas', 'Age']);
    expect(indexes).toEqual([0, 1, 2, 4]);
    expect(columns[2]!.align).toBe('right');
  });

  it('makes rows keyed by uid with the object’s name and namespace', () => {
    const { indexes } = serverTableColumns(table);
    const rows = serverTableRows(table, indexes);
    expect(rows[2]).toMatchObject({ key: 'u3', name: 'minio.6.0.4', namespace: 'vmware-system-supervisor-services', cells: ['minio.6.0.4', undefined, 2, '5m'] });
  });

  it('sorts ages as durations and integers as numbers', () => {
    const { indexes } = serverTableColumns(table);
    const rows = serverTableRows(table, indexes);
    expect(sortRows(rows, 3, 'ascending').map((r) => r.cells[3])).toEqual(['20s', '5m', '3d4h']);
    expect(sortRows(rows, 2, 'descending').map((r) => r.cells[2])).toEqual([10, 3, 2]);
  });

  it('reads kubectl durations', () => {
    expect(durationSeconds('45s')).toBe(45);
    expect(durationSeconds('3m20s')).toBe(200);
    expect(durationSeconds('2d4h')).toBe(2 * 86400 + 4 * 3600);
    expect(durationSeconds('<unknown>')).toBeUndefined();
  });

  it('accepts a table without rows', () => {
    expect(serverTableRows({ ...table, rows: null }, [0])).toEqual([]);
  });
});

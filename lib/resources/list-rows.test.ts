import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { descriptorRows, filterRows, listColumns, sortRows } from './list-rows';
import { descriptorById } from './registry';

const pods = descriptorById('pods')!;
const now = Date.parse('2026-01-01T12:00:00Z');
const pod = (name: string, ns: string, created: string, phase: string, restarts = 0): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, uid: `uid-${name}`, creationTimestamp: created },
  spec: { containers: [{ name: 'app', image: 'nginx' }], nodeName: 'esxi-01.vsphere.local' },
  status: { phase, containerStatuses: [{ name: 'app', ready: phase === 'Running', restartCount: restarts, state: phase === 'Running' ? { running: {} } : { waiting: { reason: 'ContainerCreating' } } }], conditions: [{ type: 'Ready', status: phase === 'Running' ? 'True' : 'False' }] },
});

const items = [pod('web-10', 'team-a', '2026-01-01T11:00:00Z', 'Running', 3), pod('web-9', 'team-b', '2026-01-01T11:59:00Z', 'Pending'), pod('db-1', 'team-a', '2026-01-01T10:00:00Z', 'Running')];

describe('list rows', () => {
  it('builds rows from the descriptor’s columns with health', () => {
    const rows = descriptorRows(pods, items, now);
    const cols = listColumns(pods.columns);
    expect(cols.map((c) => c.header)).toEqual(['Name', 'Namespace', 'Ready', 'Status', 'Restarts', 'Host', 'IP', 'Age']);
    expect(rows[0]).toMatchObject({ key: 'uid-web-10', name: 'web-10', namespace: 'team-a', health: 'healthy' });
    expect(rows[0]!.cells).toEqual(['web-10', 'team-a', '1/1', 'Running', 3, 'esxi-01.vsphere.local', undefined, '60m']);
    expect(rows[1]!.health).toBe('progressing');
  });

  it('sorts names naturally, numbers numerically, ages by creation, empty last', () => {
    const rows = descriptorRows(pods, items, now);
    expect(sortRows(rows, 0, 'ascending').map((r) => r.name)).toEqual(['db-1', 'web-9', 'web-10']);
    expect(sortRows(rows, 0, 'descending').map((r) => r.name)).toEqual(['web-10', 'web-9', 'db-1']);
    expect(sortRows(rows, 4, 'descending').map((r) => r.name)).toEqual(['web-10', 'web-9', 'db-1']);
    expect(sortRows(rows, 7, 'ascending').map((r) => r.name)).toEqual(['web-9', 'web-10', 'db-1']);
    const withEmpty = [...rows, { key: 'x', name: 'x', cells: [], sort: [undefined] }];
    expect(sortRows(withEmpty, 0, 'descending').at(-1)!.name).toBe('x');
  });

  it('filters on every word across name, namespace and cells', () => {
    const rows = descriptorRows(pods, items, now);
    expect(filterRows(rows, 'web').map((r) => r.name)).toEqual(['web-10', 'web-9']);
    expect(filterRows(rows, 'TEAM-A running').map((r) => r.name)).toEqual(['web-10', 'db-1']);
    expect(filterRows(rows, '  ')).toBe(rows);
    expect(filterRows(rows, 'nothing-like-this')).toEqual([]);
  });

  it('sorts and filters 10,000 rows quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => pod(`cm-${i}`, `ns-${i % 7}`, '2026-01-01T11:00:00Z', i % 3 ? 'Running' : 'Pending', i % 5));
    const started = performance.now();
    const rows = descriptorRows(pods, many, now);
    const sorted = sortRows(rows, 0, 'descending');
    const filtered = filterRows(sorted, 'ns-3 containercreating');
    expect(sorted[0]!.name).toBe('cm-9999');
    expect(filtered.length).toBe(477);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { crdTableColumns, type CrdColumn } from './crd-printer';

const now = Date.parse('2025-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const HOUR = 3_600_000;

// The additionalPrinterColumns of a served CRD version, as a CRD author writes them.
const columns: CrdColumn[] = [
  { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
  { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status', description: 'Whether the widget is ready' },
  { name: 'Phase', type: 'string', jsonPath: '.status.phase', priority: 1 },
  { name: 'Ratio', type: 'number', jsonPath: '.status.ratio' },
  { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
  { name: 'Hosts', type: 'string', jsonPath: '.spec.hosts', priority: 1 },
  { name: 'Last Backup', type: 'date', jsonPath: '.status.lastBackupTime' },
  { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
];

function widget(name: string, spec: Record<string, unknown>, status?: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, generation: 2, creationTimestamp: ago(5 * 24 * HOUR) },
    spec,
    ...(status ? { status } : {}),
  };
}

describe('crdTableColumns', () => {
  const printer = crdTableColumns(columns);

  it('puts Name first and keeps each column definition', () => {
    expect(printer.columns[0]).toMatchObject({ name: 'Name', type: 'string', format: 'name', priority: 0 });
    expect(printer.columns.slice(1, 4)).toEqual([
      { name: 'Replicas', type: 'integer', format: '', description: 'Custom resource definition column (in JSONPath format): .spec.replicas', priority: 0 },
      { name: 'Ready', type: 'string', format: '', description: 'Whether the widget is ready', priority: 0 },
      { name: 'Phase', type: 'string', format: '', description: 'Custom resource definition column (in JSONPath format): .status.phase', priority: 1 },
    ]);
    expect(printer.columns).toHaveLength(columns.length + 1);
  });

  it('fills cells with typed values, a condition filter, JSON for arrays and durations for dates', () => {
    const w = widget(
      'blue',
      { replicas: 3, paused: false, hosts: ['a.example.com', 'b.example.com'] },
      {
        phase: 'Running',
        ratio: 0.75,
        lastBackupTime: ago(4 * HOUR + 5 * 60_000),
        conditions: [
          { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
          { type: 'Ready', status: 'True', reason: 'AllReplicasReady', lastTransitionTime: ago(HOUR) },
        ],
      },
    );
    expect(printer.row(w, now)).toEqual(['blue', 3, 'True', 'Running', 0.75, false, '["a.example.com","b.example.com"]', '4h5m', '5d']);
  });

  it('gives null cells for missing values and values of the wrong type', () => {
    const w = widget('green', { replicas: '3', paused: 'no' });
    expect(printer.row(w, now)).toEqual(['green', null, null, null, null, null, null, null, '5d']);
  });

  it('converts like upstream cellForJSONValue and PrintResults', () => {
    const w = widget('red', { replicas: 2.9, hosts: 7 }, { phase: null, ratio: 2, lastBackupTime: 'last tuesday', conditions: [{ type: 'Ready', status: 'False' }] });
    expect(printer.row(w, now)).toEqual(['red', 2, 'False', '<no value>', 2, null, '7', '<invalid>', '5d']);
  });

  it('defaults to an Age column when the version declares none', () => {
    const fallback = crdTableColumns([]);
    expect(fallback.columns.map((c) => [c.name, c.type])).toEqual([
      ['Name', 'string'],
      ['Age', 'date'],
    ]);
    expect(fallback.row(widget('blue', {}), now)).toEqual(['blue', '5d']);
    expect(crdTableColumns(undefined).columns).toHaveLength(2);
  });

  it('keeps the header of a column whose path does not parse and prints null for it', () => {
    const broken = crdTableColumns([{ name: 'Bad', type: 'string', jsonPath: '.spec.items[' }]);
    expect(broken.columns.map((c) => c.name)).toEqual(['Name', 'Bad']);
    expect(broken.row(widget('blue', { items: [1] }), now)).toEqual(['blue', null]);
  });
});

import { describe, expect, it } from 'vitest';
import { describeChange, objectChanges } from './changes';
import { diffForSave, diffHunks, diffLines } from './diff';
import { liveDeployment } from './test-support/fixtures';

describe('diffLines', () => {
  it('finds the minimal line edits', () => {
    const d = diffLines('a\nb\nc\nd\n', 'a\nc\nd\ne\n');
    expect(d.map((l) => `${l.op[0]}${l.text}`)).toEqual(['sa', 'db', 'sc', 'sd', 'ae']);
    expect(d[4]).toMatchObject({ newNo: 4 });
  });

  it('diffs from and to nothing', () => {
    expect(diffLines('', 'x\n')).toEqual([{ op: 'add', text: 'x', newNo: 1 }]);
    expect(diffLines('x\n', '')).toEqual([{ op: 'del', text: 'x', oldNo: 1 }]);
  });

  it('interleaves changes in the middle of long texts', () => {
    const a = Array.from({ length: 500 }, (_, i) => `line ${i}`);
    const b = [...a];
    b[100] = 'changed';
    b.splice(300, 1);
    const d = diffLines(a.join('\n'), b.join('\n'));
    expect(d.filter((l) => l.op !== 'same').map((l) => `${l.op}:${l.text}`)).toEqual(['del:line 100', 'add:changed', 'del:line 300']);
  });

  it('groups changes into hunks with context', () => {
    const a = Array.from({ length: 40 }, (_, i) => `l${i}`);
    const b = a.map((l, i) => (i === 5 || i === 30 ? `${l}!` : l));
    const hunks = diffHunks(diffLines(a.join('\n'), b.join('\n')), 2);
    expect(hunks).toHaveLength(2);
    expect(hunks[0]).toMatchObject({ oldStart: 4, newStart: 4 });
    expect(hunks[0]!.lines.map((l) => l.text)).toEqual(['l3', 'l4', 'l5', 'l5!', 'l6', 'l7']);
  });
});

describe('diffForSave', () => {
  it('shows only the edit: no managedFields, no status, live key order', () => {
    const live = liveDeployment();
    const edited = structuredClone(live) as Record<string, unknown> & typeof live;
    edited.spec.replicas = 3;
    // An edit written with keys in another order, without status and managedFields.
    const { status: _s, ...noStatus } = edited;
    const reordered = { spec: noStatus.spec, metadata: { ...noStatus.metadata, managedFields: undefined }, kind: noStatus.kind, apiVersion: noStatus.apiVersion };
    const lines = diffForSave(live, JSON.parse(JSON.stringify(reordered)));
    expect(lines.filter((l) => l.op !== 'same').map((l) => `${l.op}:${l.text.trim()}`)).toEqual(['del:replicas: 2', 'add:replicas: 3']);
    expect(lines.some((l) => l.text.includes('managedFields') || l.text.includes('readyReplicas'))).toBe(false);
  });
});

describe('objectChanges', () => {
  it('summarises field changes, named list items by name', () => {
    const before = liveDeployment();
    const after = liveDeployment({ replicas: 3, labels: { app: 'web', tier: 'front' }, image: 'nginx:1.28' });
    expect(objectChanges(before, after).map(describeChange)).toEqual([
      'metadata.labels.tier: added (front)',
      'spec.replicas: 2 → 3',
      'spec.template.spec.containers[0].image: nginx:1.27 → nginx:1.28',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { editText } from './edit-object';
import { merge3, rebase } from './merge3';
import { liveDeployment } from './test-support/fixtures';
import { parseYamlSafe, type YamlDoc } from './yaml-model';

function doc(text: string): YamlDoc {
  const r = parseYamlSafe(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('merge3', () => {
  it('takes non-conflicting changes from both sides', () => {
    const base = { a: 1, b: 1, m: { x: 1 } };
    const r = merge3(base, { a: 2, b: 1, m: { x: 1, y: 2 } }, { a: 1, b: 3, m: { x: 1 } });
    expect(r).toEqual({ merged: { a: 2, b: 3, m: { x: 1, y: 2 } }, conflicts: [] });
  });

  it('lists a conflict with all three values and keeps mine by default', () => {
    const r = merge3({ spec: { replicas: 2 } }, { spec: { replicas: 5 } }, { spec: { replicas: 3 } });
    expect(r.conflicts).toEqual([{ id: 'spec.replicas', path: ['spec', 'replicas'], base: 2, theirs: 5, mine: 3, chosen: 'mine' }]);
    expect(r.merged).toEqual({ spec: { replicas: 3 } });
    expect(merge3({ spec: { replicas: 2 } }, { spec: { replicas: 5 } }, { spec: { replicas: 3 } }, { 'spec.replicas': 'theirs' }).merged).toEqual({ spec: { replicas: 5 } });
  });

  it('merges named lists item by item', () => {
    const base = { containers: [{ name: 'a', image: 'x:1' }, { name: 'b', image: 'y:1' }] };
    const theirs = { containers: [{ name: 'a', image: 'x:1', env: [{ name: 'E', value: '1' }] }, { name: 'b', image: 'y:1' }] };
    const mine = { containers: [{ name: 'a', image: 'x:2' }, { name: 'b', image: 'y:1' }, { name: 'c', image: 'z:1' }] };
    const r = merge3(base, theirs, mine);
    expect(r.conflicts).toEqual([]);
    expect(r.merged).toEqual({ containers: [{ name: 'a', image: 'x:2', env: [{ name: 'E', value: '1' }] }, { name: 'b', image: 'y:1' }, { name: 'c', image: 'z:1' }] });
  });

  it('names conflicts in named items by name', () => {
    const base = { containers: [{ name: 'a', image: 'x:1' }] };
    const r = merge3(base, { containers: [{ name: 'a', image: 'x:3' }] }, { containers: [{ name: 'a', image: 'x:2' }] });
    expect(r.conflicts.map((c) => c.id)).toEqual(['containers[name=a].image']);
  });

  it('a deletion against an edit is a conflict; a deletion on one side alone applies', () => {
    expect(merge3({ a: 1, b: 1 }, { b: 1 }, { a: 1, b: 2 }).merged).toEqual({ b: 2 });
    const r = merge3({ a: 1 }, {}, { a: 2 });
    expect(r.conflicts).toMatchObject([{ id: 'a', theirs: undefined, mine: 2 }]);
  });
});

describe('rebase', () => {
  it('re-applies my edit on the server’s version, keeping my comments and their change', () => {
    const base = liveDeployment();
    const startText = editText(base);
    const mineText = startText.replace('replicas: 2', 'replicas: 3 # scaled for the sale');
    const theirs = liveDeployment({ resourceVersion: '1050', labels: { app: 'web', team: 'shop' } });
    const r = rebase(doc(mineText), base, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.text).toContain('replicas: 3 # scaled for the sale');
    expect(r.text).toContain('team: shop');
    expect(r.text).toContain('resourceVersion: "1050"');
    expect(r.text).not.toContain('managedFields');
    expect(r.text).not.toContain('readyReplicas');
    expect(r.merged.metadata.resourceVersion).toBe('1050');
  });

  it('applies the chosen side for a conflict', () => {
    const base = liveDeployment();
    const mine = doc(editText(base).replace('replicas: 2', 'replicas: 3'));
    const theirs = liveDeployment({ resourceVersion: '1051', replicas: 4 });
    expect(rebase(mine, base, theirs).conflicts).toMatchObject([{ id: 'spec.replicas', base: 2, theirs: 4, mine: 3 }]);
    expect(rebase(mine, base, theirs, { 'spec.replicas': 'theirs' }).merged.spec?.replicas).toBe(4);
    expect(rebase(mine, base, theirs).merged.spec?.replicas).toBe(3);
  });
});

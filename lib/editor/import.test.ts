import { describe, expect, it } from 'vitest';
import { planImport, type ResolveKind } from './import';

const KINDS: Record<string, { resource: string; namespaced: boolean }> = {
  '/ConfigMap': { resource: 'configmaps', namespaced: true },
  'apps/Deployment': { resource: 'deployments', namespaced: true },
  '/Namespace': { resource: 'namespaces', namespaced: false },
};
const resolve: ResolveKind = (group, kind) => KINDS[`${group}/${kind}`];

describe('planImport', () => {
  it('plans each document with its path, defaulting the namespace', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: "1"
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec: {}
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  namespace: ignored
`;
    const plan = planImport(text, 'team-a', resolve);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.items.map((i) => [i.label, i.path, i.line])).toEqual([
      ['ConfigMap team-a/settings', '/api/v1/namespaces/team-a/configmaps/settings', 1],
      ['Deployment shop/web', '/apis/apps/v1/namespaces/shop/deployments/web', 8],
      ['Namespace shop', '/api/v1/namespaces/shop', 15],
    ]);
    expect(plan.items[2]!.object!.metadata.namespace).toBeUndefined();
  });

  it('expands Lists and reports per-document problems', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: a
- apiVersion: example.com/v1
  kind: Widget
  metadata:
    name: w
---
apiVersion: v1
kind: ConfigMap
metadata:
  generateName: x-
`;
    const plan = planImport(text, 'default', resolve);
    if (!plan.ok) throw new Error('plan');
    expect(plan.items.map((i) => i.problem ?? 'ok')).toEqual(['ok', 'The cluster does not serve Widget in example.com/v1.', 'metadata.name is required (generateName cannot be applied).']);
  });

  it('refuses hostile input as a whole, like the editor', () => {
    const plan = planImport('a: 1\na: 2\n', 'default', resolve);
    expect(plan).toMatchObject({ ok: false, error: { code: 'duplicate-key' } });
  });
});

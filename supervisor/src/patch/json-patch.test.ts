import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { apiErrorOf } from '../testing/api-error-of';
import { applyJsonPatch, parsePointer } from './json-patch';

const configMap = () => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'demo', namespace: 'default', labels: { app: 'web' }, annotations: { 'app.kubernetes.io/name': 'web', 'a~b': 'tilde' } },
  data: { a: '1', b: '2' },
});

const deployment = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] },
          { name: 'side', image: 'busybox', args: ['sleep', '3600'] },
        ],
      },
    },
  },
});

describe('applyJsonPatch', () => {
  it('applies add, remove, replace, move, copy and test to a ConfigMap', () => {
    const doc = configMap();
    const out = applyJsonPatch(doc, [
      { op: 'test', path: '/data/a', value: '1' },
      { op: 'add', path: '/data/c', value: '3' },
      { op: 'replace', path: '/data/a', value: 'one' },
      { op: 'remove', path: '/data/b' },
      { op: 'copy', from: '/data/c', path: '/data/d' },
      { op: 'move', from: '/data/c', path: '/metadata/labels/tier' },
    ]);
    expect(out).toEqual({ ...doc, metadata: { ...doc.metadata, labels: { app: 'web', tier: '3' } }, data: { a: 'one', d: '3' } });
    expect(doc).toEqual(configMap());
  });

  it('unescapes ~1 and ~0 in pointers (annotation keys with slashes)', () => {
    const out = applyJsonPatch(configMap(), [
      { op: 'replace', path: '/metadata/annotations/app.kubernetes.io~1name', value: 'api' },
      { op: 'remove', path: '/metadata/annotations/a~0b' },
    ]) as ReturnType<typeof configMap>;
    expect(out.metadata.annotations).toEqual({ 'app.kubernetes.io/name': 'api' });
    expect(parsePointer('/a~1b/c~0d/~01')).toEqual(['a/b', 'c~d', '~1']);
  });

  it('appends with "-" and inserts, replaces and removes by index in container lists', () => {
    const out = applyJsonPatch(deployment(), [
      { op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'log', image: 'fluentbit' } },
      { op: 'add', path: '/spec/template/spec/containers/0/ports/0', value: { containerPort: 443 } },
      { op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'busybox:1.36' },
      { op: 'remove', path: '/spec/template/spec/containers/1/args/1' },
      { op: 'replace', path: '/spec/replicas', value: 3 },
    ]) as ReturnType<typeof deployment>;
    const containers = out.spec.template.spec.containers;
    expect(containers.map((c) => c.name)).toEqual(['nginx', 'side', 'log']);
    expect(containers[0]?.ports).toEqual([{ containerPort: 443 }, { containerPort: 80 }]);
    expect(containers[1]).toEqual({ name: 'side', image: 'busybox:1.36', args: ['sleep'] });
    expect(out.spec.replicas).toBe(3);
  });

  it('test compares structurally, ignoring key order', () => {
    expect(() => applyJsonPatch(deployment(), [{ op: 'test', path: '/spec/template/spec/containers/0/ports', value: [{ containerPort: 80 }] }])).not.toThrow();
    expect(() => applyJsonPatch(configMap(), [{ op: 'test', path: '/metadata/labels', value: { app: 'web' } }])).not.toThrow();
  });

  it('replaces the whole document with path ""', () => {
    expect(applyJsonPatch(configMap(), [{ op: 'replace', path: '', value: { kind: 'ConfigMap' } }])).toEqual({ kind: 'ConfigMap' });
  });

  it('a failed test is a 422 naming the op and path', () => {
    const err = apiErrorOf(() => applyJsonPatch(configMap(), [{ op: 'test', path: '/data/a', value: '2' }]));
    expect(err.code).toBe(422);
    expect(err.reason).toBe('Invalid');
    expect(err.message).toContain('test');
    expect(err.message).toContain('"/data/a"');
    expect(err.details?.causes?.[0]?.field).toBe('/data/a');
  });

  it.each([
    ['remove of a missing path', [{ op: 'remove', path: '/data/zzz' }]],
    ['replace of a missing path', [{ op: 'replace', path: '/spec/x', value: 1 }]],
    ['add under a missing parent', [{ op: 'add', path: '/spec/missing/x', value: 1 }]],
    ['index out of range', [{ op: 'add', path: '/metadata/finalizers/0', value: 'x' }]],
    ['remove with "-"', [{ op: 'remove', path: '/data/-' }]],
    ['move into its own child', [{ op: 'move', from: '/data', path: '/data/inner' }]],
  ])('%s is a 422', (_name, patch) => {
    const err = apiErrorOf(() => applyJsonPatch(configMap(), patch));
    expect(err.code).toBe(422);
  });

  it('rejects out-of-range list indexes with a 422', () => {
    const err = apiErrorOf(() => applyJsonPatch(deployment(), [{ op: 'remove', path: '/spec/template/spec/containers/2' }]));
    expect(err.code).toBe(422);
    expect(err.message).toContain('out of range');
  });

  it.each([
    ['an object body', { op: 'add', path: '/a', value: 1 }],
    ['an unknown op', [{ op: 'merge', path: '/a', value: 1 }]],
    ['a missing value', [{ op: 'add', path: '/a' }]],
    ['a missing from', [{ op: 'copy', path: '/a' }]],
    ['a pointer without a leading slash', [{ op: 'remove', path: 'data/a' }]],
    ['a non-object operation', ['remove']],
  ])('rejects %s with a 400', (_name, patch) => {
    const err = apiErrorOf(() => applyJsonPatch(configMap(), patch));
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
  });

  it('applies nothing when a later operation fails', () => {
    const doc = configMap();
    expect(() =>
      applyJsonPatch(doc, [
        { op: 'replace', path: '/data/a', value: 'x' },
        { op: 'test', path: '/data/b', value: 'nope' },
      ]),
    ).toThrow(ApiError);
    expect(doc.data.a).toBe('1');
  });
});

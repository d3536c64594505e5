import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { applyMergePatch } from './merge-patch';

const configMap = () => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'demo', namespace: 'default', labels: { app: 'web', tier: 'front' }, annotations: { note: 'x' } },
  data: { a: '1', b: '2' },
});

describe('applyMergePatch', () => {
  it('merges labels and deletes with null, as kubectl label does', () => {
    const doc = configMap();
    const out = applyMergePatch(doc, { metadata: { labels: { tier: null, env: 'prod' } } });
    expect(out.metadata).toEqual({ name: 'demo', namespace: 'default', labels: { app: 'web', env: 'prod' }, annotations: { note: 'x' } });
    expect(doc).toEqual(configMap());
  });

  it('replaces lists wholesale and creates missing maps', () => {
    const out = applyMergePatch(
      { spec: { template: { spec: { containers: [{ name: 'a' }, { name: 'b' }] } } } },
      { spec: { template: { spec: { containers: [{ name: 'c' }] } }, replicas: 3 }, status: { ready: true } },
    );
    expect(out).toEqual({ spec: { template: { spec: { containers: [{ name: 'c' }] } }, replicas: 3 }, status: { ready: true } });
  });

  it('replaces a scalar with an object and drops nulls inside new objects', () => {
    expect(applyMergePatch({ data: 'x' }, { data: { a: '1', b: null } })).toEqual({ data: { a: '1' } });
  });

  it('deletes a whole map with null', () => {
    expect(applyMergePatch(configMap(), { data: null })).not.toHaveProperty('data');
  });

  it('returns a result that shares nothing with the input', () => {
    const doc = configMap();
    const out = applyMergePatch(doc, { data: { c: '3' } }) as ReturnType<typeof configMap>;
    out.metadata.labels.app = 'changed';
    expect(doc.metadata.labels.app).toBe('web');
  });

  it.each([[null], [[{ op: 'add' }]], ['text'], [3]])('rejects the non-object body %j with a 400', (patch) => {
    try {
      applyMergePatch(configMap(), patch);
      throw new Error('expected a failure');
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe(400);
    }
  });
});

import https from 'node:https';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { configMap, toYaml } from './manifests';

/**
 * Lists are gzipped as kube-apiserver gzips them: at level 1 when the client accepts gzip and the
 * body is at least 128 KiB; smaller lists and clients that do not ask stay uncompressed; kubectl
 * (which always asks) reads the compressed list.
 */
describe('list compression', () => {
  const sv = useSupervisor();
  const ns = 'gzip';
  const big = 'x'.repeat(12 * 1024);

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
    await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...Array.from({ length: 16 }, (_, i) => configMap(`big-${i}`, ns, { blob: big }))) });
    await sv().kubectl.ok(['create', 'namespace', `${ns}-small`]);
    await sv().kubectl.ok(['create', 'configmap', 'one', '-n', `${ns}-small`, '--from-literal=a=b']);
  });

  const get = (path: string, encoding?: string) =>
    new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      const req = https.request(new URL(path, sv().url), { ca: sv().caPem(), headers: { authorization: `Bearer ${sv().token()}`, accept: 'application/json', ...(encoding ? { 'accept-encoding': encoding } : {}) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  it('gzips a list of at least 128 KiB for a client that accepts gzip, and only then', async () => {
    const path = `/api/v1/namespaces/${ns}/configmaps`;
    const plain = await get(path);
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(128 * 1024);
    const zipped = await get(path, 'gzip, deflate, br');
    expect(zipped.encoding).toBe('gzip');
    expect(zipped.body.length).toBeLessThan(plain.body.length / 10);
    const a = JSON.parse(gunzipSync(zipped.body).toString('utf8')) as { items: { metadata: { name: string } }[] };
    const b = JSON.parse(plain.body.toString('utf8')) as typeof a;
    expect(a.items.map((i) => i.metadata.name)).toEqual(b.items.map((i) => i.metadata.name));
    expect((await get(path, 'gzip;q=0')).encoding).toBeUndefined();
    expect((await get(`/api/v1/namespaces/${ns}-small/configmaps`, 'gzip')).encoding).toBeUndefined();
  });

  it('kubectl reads the compressed list', async () => {
    const out = await sv().kubectl.ok(['get', 'configmaps', '-n', ns, '-o', 'name']);
    expect(out.split('\n').filter((l) => l.startsWith('configmap/big-'))).toHaveLength(16);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { configMap, toYaml } from './manifests';
import { parseTable } from './tables';

/** Chunked lists, label and field selectors, and `kubectl get -w`. */
describe('kubectl lists, selectors and watches', () => {
  const sv = useSupervisor();
  const ns = 'lists';
  const names = Array.from({ length: 12 }, (_, i) => `item-${String(i + 1).padStart(2, '0')}`);
  const tierOf = (i: number): Record<string, string> => (i < 3 ? { tier: 'web' } : i < 5 ? { tier: 'db' } : i < 7 ? { tier: 'cache' } : {});

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
    await sv().kubectl.ok(['apply', '-f', '-'], { stdin: toYaml(...names.map((n, i) => configMap(n, ns, { i: String(i) }, { labels: { set: 'chunk', ...tierOf(i) } }))) });
  });

  const selectNames = async (...args: string[]): Promise<string[]> => {
    const out = await sv().kubectl.ok(['get', 'cm', '-n', ns, '-o', 'name', ...args]);
    return out.split('\n').filter(Boolean).map((l) => l.replace(/^configmap\//, ''));
  };

  it('--chunk-size=5 over 12 objects returns all 12, fetched with continue tokens', async () => {
    const r = await sv().kubectl.run(['get', 'cm', '-n', ns, '-l', 'set=chunk', '--chunk-size=5', '-v=6']);
    expect(r.code).toBe(0);
    expect(parseTable(r.stdout).map((row) => row.NAME)).toEqual(names);
    const requests = r.stderr.split('\n').filter((l) => /GET https:\S+\/api\/v1\/namespaces\/lists\/configmaps\?/.test(l));
    expect(requests).toHaveLength(3);
    expect(requests[0]).not.toContain('continue=');
    for (const line of requests) {
      expect(line).toContain('limit=5');
      expect(line).toMatch(/ 200 OK /);
    }
    const tokens = requests.slice(1).map((l) => /continue=([^&\s]+)/.exec(l)?.[1]);
    expect(tokens.every(Boolean)).toBe(true);
    expect(new Set(tokens).size).toBe(2);
    expect(await selectNames('-l', 'set=chunk', '--chunk-size=5')).toEqual(names);
  });

  it('label selectors: equality, inequality, in, notin, exists and !exists', async () => {
    expect(await selectNames('-l', 'tier=web')).toEqual(names.slice(0, 3));
    expect(await selectNames('-l', 'tier==db')).toEqual(names.slice(3, 5));
    expect(await selectNames('-l', 'set=chunk,tier!=web')).toEqual(names.slice(3));
    expect(await selectNames('-l', 'tier in (web,db)')).toEqual(names.slice(0, 5));
    expect(await selectNames('-l', 'set=chunk,tier notin (web,cache)')).toEqual([...names.slice(3, 5), ...names.slice(7)]);
    expect(await selectNames('-l', 'tier')).toEqual(names.slice(0, 7));
    expect(await selectNames('-l', 'set,!tier')).toEqual(names.slice(7));
    const bad = await sv().kubectl.run(['get', 'cm', '-n', ns, '-l', 'tier in web']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('Error from server (BadRequest)');
    expect(bad.stderr).toContain('unable to parse requirement');
  });

  it('field selectors: metadata.name =, != and unsupported fields', async () => {
    expect(await selectNames('--field-selector', 'metadata.name=item-07')).toEqual(['item-07']);
    expect(await selectNames('-l', 'set=chunk', '--field-selector', 'metadata.name!=item-07,metadata.name!=item-08')).toEqual(names.filter((n) => n !== 'item-07' && n !== 'item-08'));
    expect(await selectNames('--field-selector', 'metadata.namespace=other')).toEqual([]);
    const r = await sv().kubectl.run(['get', 'cm', '-n', ns, '--field-selector', 'data.i=1']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=configmaps" that match label selector "", field selector "data.i=1": field label not supported: data.i');
  });

  it('kubectl get -w prints the initial rows, then a row for each change', async () => {
    const watchNs = 'watch-table';
    await sv().kubectl.ok(['create', 'namespace', watchNs]);
    await sv().kubectl.ok(['create', 'configmap', 'before', '-n', watchNs, '--from-literal=a=1']);
    const w = sv().kubectl.background(['get', 'cm', '-n', watchNs, '-w']);
    try {
      await w.waitForOutput(/^before\s+1\s+\d+s$/m);
      expect(w.stdout.split('\n')[0]).toMatch(/^NAME\s+DATA\s+AGE$/);
      await sv().kubectl.ok(['create', 'configmap', 'during', '-n', watchNs, '--from-literal=a=1', '--from-literal=b=2']);
      await w.waitForOutput(/^during\s+2\s+\d+s$/m);
      await sv().kubectl.ok(['patch', 'cm', 'before', '-n', watchNs, '--type', 'merge', '-p', '{"data":{"x":"1","y":"2"}}']);
      await w.waitForOutput(/^before\s+3\s+\d+s$/m);
      // One header only: watch events are single-row Tables without column definitions after the first.
      expect(w.stdout.match(/^NAME\s+DATA\s+AGE$/gm)).toHaveLength(1);
    } finally {
      await w.stop();
    }
  });

  it('kubectl get -w --output-watch-events shows ADDED, MODIFIED and DELETED in order', async () => {
    const watchNs = 'watch-events';
    await sv().kubectl.ok(['create', 'namespace', watchNs]);
    const w = sv().kubectl.background(['get', 'cm', '-n', watchNs, '-w', '--output-watch-events']);
    try {
      await w.waitForOutput(/^ADDED\s+kube-root-ca\.crt\s/m);
      await sv().kubectl.ok(['create', 'configmap', 'ev', '-n', watchNs]);
      await w.waitForOutput(/^ADDED\s+ev\s/m);
      await sv().kubectl.ok(['label', 'cm', 'ev', '-n', watchNs, 'step=two']);
      await w.waitForOutput(/^MODIFIED\s+ev\s/m);
      await sv().kubectl.ok(['delete', 'cm', 'ev', '-n', watchNs]);
      await w.waitForOutput(/^DELETED\s+ev\s/m);
      const events = parseTable(w.stdout).filter((r) => r.NAME === 'ev').map((r) => r.EVENT);
      expect(events).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    } finally {
      await w.stop();
    }
  });

  it('kubectl get <name> -w watches one object (field selector on metadata.name)', async () => {
    const w = sv().kubectl.background(['get', 'cm', 'item-01', '-n', ns, '-w', '-o', 'jsonpath={.metadata.name}={.data.i}{"\\n"}']);
    try {
      await w.waitForOutput('item-01=0\n');
      await sv().kubectl.ok(['patch', 'cm', 'item-02', '-n', ns, '--type', 'merge', '-p', '{"data":{"i":"other"}}']);
      await sv().kubectl.ok(['patch', 'cm', 'item-01', '-n', ns, '--type', 'merge', '-p', '{"data":{"i":"changed"}}']);
      await w.waitForOutput('item-01=changed\n');
      expect(w.stdout).toBe('item-01=0\nitem-01=changed\n');
    } finally {
      await w.stop();
    }
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { waitFor } from './poll';
import { parseTable } from './tables';

/** ResourceQuota: kubectl create quota, admission denials, and the usage kubectl describes. */
describe('ResourceQuota', () => {
  const sv = useSupervisor();
  const ns = 'quota';

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
  });

  const used = async (): Promise<Record<string, string> | undefined> => {
    const q = JSON.parse(await sv().kubectl.ok(['get', 'quota', 'limits', '-n', ns, '-o', 'json'])) as { status?: { used?: Record<string, string> } };
    return q.status?.used;
  };

  it('create quota, then usage is counted (the namespace starts with kube-root-ca.crt)', async () => {
    expect(await sv().kubectl.ok(['create', 'quota', 'limits', '-n', ns, '--hard=configmaps=3,secrets=1,count/deployments.apps=1'])).toBe('resourcequota/limits created\n');
    const spec = JSON.parse(await sv().kubectl.ok(['get', 'quota', 'limits', '-n', ns, '-o', 'jsonpath={.spec.hard}'])) as Record<string, string>;
    expect(spec).toEqual({ configmaps: '3', secrets: '1', 'count/deployments.apps': '1' });
    const usage = await waitFor(async () => {
      const u = await used();
      return u && Object.keys(u).length === 3 ? u : undefined;
    }, { what: 'the quota controller to fill status.used' });
    expect(usage).toEqual({ configmaps: '1', secrets: '0', 'count/deployments.apps': '0' });
  });

  it('objects beyond the quota are rejected with "exceeded quota"', async () => {
    expect(await sv().kubectl.ok(['create', 'configmap', 'c1', '-n', ns])).toBe('configmap/c1 created\n');
    expect(await sv().kubectl.ok(['create', 'configmap', 'c2', '-n', ns])).toBe('configmap/c2 created\n');
    const cm = await sv().kubectl.run(['create', 'configmap', 'c3', '-n', ns]);
    expect([cm.code, cm.stderr.trim()]).toEqual([1, 'error: failed to create configmap: configmaps "c3" is forbidden: exceeded quota: limits, requested: configmaps=1, used: configmaps=3, limited: configmaps=3']);

    expect(await sv().kubectl.ok(['create', 'secret', 'generic', 's1', '-n', ns, '--from-literal=a=b'])).toBe('secret/s1 created\n');
    const secret = await sv().kubectl.run(['create', 'secret', 'generic', 's2', '-n', ns, '--from-literal=a=b']);
    expect(secret.code).toBe(1);
    expect(secret.stderr).toContain('secrets "s2" is forbidden: exceeded quota: limits, requested: secrets=1, used: secrets=1, limited: secrets=1');

    expect(await sv().kubectl.ok(['create', 'deployment', 'd1', '-n', ns, '--image=nginx:1.27'])).toBe('deployment.apps/d1 created\n');
    const dep = await sv().kubectl.run(['create', 'deployment', 'd2', '-n', ns, '--image=nginx:1.27']);
    expect(dep.stderr.trim()).toBe('error: failed to create deployment: deployments.apps "d2" is forbidden: exceeded quota: limits, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1');

    // Server-side dry runs are checked against the quota too, and other namespaces are not limited.
    const dry = await sv().kubectl.run(['create', 'configmap', 'c4', '-n', ns, '--dry-run=server']);
    expect(dry.stderr).toContain('exceeded quota: limits');
    expect(await sv().kubectl.ok(['create', 'configmap', 'c3', '-n', 'default'])).toBe('configmap/c3 created\n');
  });

  it('kubectl describe quota and get quota show used against hard', async () => {
    await waitFor(async () => (await used())?.configmaps === '3' && (await used())?.secrets === '1', { what: 'status.used to catch up' });
    const out = await sv().kubectl.ok(['describe', 'quota', 'limits', '-n', ns]);
    expect(out).toMatch(/^Name:\s+limits$/m);
    expect(out).toMatch(/^Namespace:\s+quota$/m);
    const table = out.slice(out.indexOf('Resource'));
    const rows = parseTable(table).filter((r) => !r.Resource!.startsWith('-'));
    expect(rows).toEqual([
      { Resource: 'configmaps', Used: '3', Hard: '3' },
      { Resource: 'count/deployments.apps', Used: '1', Hard: '1' },
      { Resource: 'secrets', Used: '1', Hard: '1' },
    ]);
    const get = parseTable(await sv().kubectl.ok(['get', 'quota', '-n', ns]));
    expect(get).toEqual([expect.objectContaining({ NAME: 'limits', REQUEST: 'configmaps: 3/3, count/deployments.apps: 1/1, secrets: 1/1', LIMIT: '' })]);
  });

  it('deleting an object frees quota for a new one', async () => {
    await sv().kubectl.ok(['delete', 'configmap', 'c1', '-n', ns]);
    await waitFor(async () => (await used())?.configmaps === '2', { what: 'used configmaps to drop to 2' });
    expect(await sv().kubectl.ok(['create', 'configmap', 'c3', '-n', ns])).toBe('configmap/c3 created\n');
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useSupervisor } from './harness';
import { configMap, deployment, toYaml } from './manifests';

/** kubectl patch (json, merge, strategic), replace with optimistic concurrency, label, annotate. */
describe('kubectl patch, replace, label and annotate', () => {
  const sv = useSupervisor();
  const ns = 'patches';

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
    await sv().kubectl.ok(['apply', '-f', '-'], {
      stdin: toYaml(
        configMap('target', ns, { a: '1', b: '2' }),
        deployment('web', ns, [
          { name: 'nginx', image: 'nginx:1.26' },
          { name: 'side', image: 'busybox:1.36' },
        ]),
      ),
    });
  });

  const dataOf = async (name: string): Promise<Record<string, string>> => JSON.parse(await sv().kubectl.ok(['get', 'cm', name, '-n', ns, '-o', 'jsonpath={.data}'])) as Record<string, string>;
  const containersOf = async (): Promise<string[][]> => {
    const spec = JSON.parse(await sv().kubectl.ok(['get', 'deploy', 'web', '-n', ns, '-o', 'jsonpath={.spec.template.spec.containers}'])) as { name: string; image: string }[];
    return spec.map((c) => [c.name, c.image]);
  };

  it('--type json applies RFC 6902 operations; a failed test operation changes nothing', async () => {
    const ops = '[{"op":"add","path":"/data/c","value":"3"},{"op":"remove","path":"/data/a"},{"op":"replace","path":"/data/b","value":"20"}]';
    expect(await sv().kubectl.ok(['patch', 'cm', 'target', '-n', ns, '--type', 'json', '-p', ops])).toBe('configmap/target patched\n');
    expect(await dataOf('target')).toEqual({ b: '20', c: '3' });
    const failed = await sv().kubectl.run(['patch', 'cm', 'target', '-n', ns, '--type', 'json', '-p', '[{"op":"test","path":"/data/b","value":"nope"},{"op":"remove","path":"/data/b"}]']);
    expect(failed.code).toBe(1);
    // 422 Invalid; kubectl prints the Invalid form (the exact detail text is the server's).
    expect(failed.stderr).toMatch(/^The request is invalid/);
    expect(await dataOf('target')).toEqual({ b: '20', c: '3' });
  });

  it('--type merge applies RFC 7386 (null deletes a key)', async () => {
    expect(await sv().kubectl.ok(['patch', 'cm', 'target', '-n', ns, '--type', 'merge', '-p', '{"data":{"c":null,"d":"4"}}'])).toBe('configmap/target patched\n');
    expect(await dataOf('target')).toEqual({ b: '20', d: '4' });
    expect(await sv().kubectl.ok(['patch', 'cm', 'target', '-n', ns, '--type', 'merge', '-p', '{"data":{"d":"4"}}'])).toBe('configmap/target patched (no change)\n');
  });

  it('--type strategic merges containers by name; merge patch replaces the list', async () => {
    const smp = '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}}}';
    expect(await sv().kubectl.ok(['patch', 'deploy', 'web', '-n', ns, '--type', 'strategic', '-p', smp])).toBe('deployment.apps/web patched\n');
    expect(await containersOf()).toEqual([
      ['nginx', 'nginx:1.27'],
      ['side', 'busybox:1.36'],
    ]);
    // The default patch type is strategic too; $patch: delete removes one keyed element.
    const del = '{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}';
    expect(await sv().kubectl.ok(['patch', 'deploy', 'web', '-n', ns, '-p', del])).toBe('deployment.apps/web patched\n');
    expect(await containersOf()).toEqual([['nginx', 'nginx:1.27']]);
    const merge = '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"redis:7"}]}}}}';
    expect(await sv().kubectl.ok(['patch', 'deploy', 'web', '-n', ns, '--type', 'merge', '-p', merge])).toBe('deployment.apps/web patched\n');
    expect(await containersOf()).toEqual([['only', 'redis:7']]);
  });

  it('replace with a stale resourceVersion is a 409 Conflict; with the current one it succeeds', async () => {
    const stale = parse(await sv().kubectl.ok(['get', 'cm', 'target', '-n', ns, '-o', 'yaml'])) as { data: Record<string, string>; metadata: { resourceVersion: string } } & Record<string, unknown>;
    await sv().kubectl.ok(['patch', 'cm', 'target', '-n', ns, '--type', 'merge', '-p', '{"data":{"e":"5"}}']);
    stale.data = { replaced: 'by-replace' };
    const r = await sv().kubectl.run(['replace', '-f', '-'], { stdin: toYaml(stale) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "target": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(await dataOf('target')).toEqual({ b: '20', d: '4', e: '5' });

    const fresh = parse(await sv().kubectl.ok(['get', 'cm', 'target', '-n', ns, '-o', 'yaml'])) as { data: Record<string, string>; metadata: { resourceVersion: string } } & Record<string, unknown>;
    fresh.data = { replaced: 'by-replace' };
    expect(await sv().kubectl.ok(['replace', '-f', '-'], { stdin: toYaml(fresh) })).toBe('configmap/target replaced\n');
    expect(await dataOf('target')).toEqual({ replaced: 'by-replace' });
    const rv = await sv().kubectl.ok(['get', 'cm', 'target', '-n', ns, '-o', 'jsonpath={.metadata.resourceVersion}']);
    expect(Number(rv)).toBeGreaterThan(Number(fresh.metadata.resourceVersion));
  });

  it('label and annotate add, refuse to overwrite without --overwrite, and remove', async () => {
    await sv().kubectl.ok(['create', 'configmap', 'tagged', '-n', ns]);
    expect(await sv().kubectl.ok(['label', 'cm', 'tagged', '-n', ns, 'env=prod', 'team=blue'])).toBe('configmap/tagged labeled\n');
    const clash = await sv().kubectl.run(['label', 'cm', 'tagged', '-n', ns, 'env=dev']);
    expect(clash.code).toBe(1);
    expect(clash.stderr.trim()).toBe("error: 'env' already has a value (prod), and --overwrite is false");
    expect(await sv().kubectl.ok(['label', 'cm', 'tagged', '-n', ns, 'env=dev', '--overwrite'])).toBe('configmap/tagged labeled\n');
    expect(await sv().kubectl.ok(['label', 'cm', 'tagged', '-n', ns, 'team-'])).toBe('configmap/tagged unlabeled\n');
    expect(JSON.parse(await sv().kubectl.ok(['get', 'cm', 'tagged', '-n', ns, '-o', 'jsonpath={.metadata.labels}']))).toEqual({ env: 'dev' });
    expect(await sv().kubectl.ok(['get', 'cm', '-n', ns, '-l', 'env=dev', '-o', 'name'])).toBe('configmap/tagged\n');

    expect(await sv().kubectl.ok(['annotate', 'cm', 'tagged', '-n', ns, 'example.com/owner=ops', 'note=first'])).toBe('configmap/tagged annotated\n');
    expect(await sv().kubectl.ok(['annotate', 'cm', 'tagged', '-n', ns, 'note=second', '--overwrite'])).toBe('configmap/tagged annotated\n');
    expect(await sv().kubectl.ok(['annotate', 'cm', 'tagged', '-n', ns, 'example.com/owner-'])).toBe('configmap/tagged annotated\n');
    expect(JSON.parse(await sv().kubectl.ok(['get', 'cm', 'tagged', '-n', ns, '-o', 'jsonpath={.metadata.annotations}']))).toEqual({ note: 'second' });

    const dry = await sv().kubectl.ok(['label', 'cm', 'tagged', '-n', ns, 'dry=run', '--dry-run=server']);
    expect(dry).toBe('configmap/tagged labeled (server dry run)\n');
    expect(JSON.parse(await sv().kubectl.ok(['get', 'cm', 'tagged', '-n', ns, '-o', 'jsonpath={.metadata.labels}']))).toEqual({ env: 'dev' });
  });

  it('removing the last label leaves no empty labels map (Go omitempty)', async () => {
    await sv().kubectl.ok(['create', 'configmap', 'one-label', '-n', ns]);
    await sv().kubectl.ok(['label', 'cm', 'one-label', '-n', ns, 'only=1']);
    await sv().kubectl.ok(['label', 'cm', 'one-label', '-n', ns, 'only-']);
    const obj = JSON.parse(await sv().kubectl.ok(['get', 'cm', 'one-label', '-n', ns, '-o', 'json'])) as { metadata: Record<string, unknown> };
    expect(obj.metadata).not.toHaveProperty('labels');
  });
});

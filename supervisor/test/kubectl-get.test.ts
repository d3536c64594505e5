import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { useSupervisor } from './harness';
import { configMap, deployment, toYaml } from './manifests';
import { parseTable } from './tables';

/** kubectl get/describe: tables, output formats, chunked lists and selectors. */
describe('kubectl get and describe', () => {
  const sv = useSupervisor();
  const ns = 'reads';

  beforeAll(async () => {
    await sv().kubectl.ok(['create', 'namespace', ns]);
    await sv().kubectl.ok(['apply', '-f', '-'], {
      stdin: toYaml(
        configMap('alpha', ns, { a: '1', b: '2' }, { labels: { tier: 'web', app: 'shop' } }),
        configMap('beta', ns, { a: '1' }, { labels: { tier: 'db' } }),
        configMap('gamma', ns, {}, { labels: { app: 'shop' } }),
        deployment('web', ns, [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'sidecar', image: 'busybox:1.36' }]),
      ),
    });
  });

  it('kubectl get prints the ConfigMap table (NAME DATA AGE)', async () => {
    const out = await sv().kubectl.ok(['get', 'configmaps', '-n', ns]);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+DATA\s+AGE$/);
    const rows = parseTable(out).filter((r) => r.NAME !== 'kube-root-ca.crt');
    expect(rows.map((r) => [r.NAME, r.DATA])).toEqual([
      ['alpha', '2'],
      ['beta', '1'],
      ['gamma', '0'],
    ]);
    for (const r of rows) expect(r.AGE).toMatch(/^\d+s$/);
  });

  it('kubectl get -o yaml returns the full object without managedFields', async () => {
    const obj = parse(await sv().kubectl.ok(['get', 'cm', 'alpha', '-n', ns, '-o', 'yaml'])) as {
      apiVersion: string;
      kind: string;
      data: Record<string, string>;
      metadata: Record<string, unknown>;
    };
    expect(obj.apiVersion).toBe('v1');
    expect(obj.kind).toBe('ConfigMap');
    expect(obj.data).toEqual({ a: '1', b: '2' });
    expect(obj.metadata).toMatchObject({ name: 'alpha', namespace: ns, labels: { tier: 'web', app: 'shop' } });
    expect(obj.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(obj.metadata.resourceVersion).toMatch(/^[1-9]\d*$/);
    expect(obj.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(obj.metadata.managedFields).toBeUndefined();
    const withManaged = parse(await sv().kubectl.ok(['get', 'cm', 'alpha', '-n', ns, '-o', 'yaml', '--show-managed-fields'])) as { metadata: { managedFields: { manager: string; operation: string }[] } };
    expect(withManaged.metadata.managedFields).toContainEqual(expect.objectContaining({ manager: 'kubectl-client-side-apply', operation: 'Update' }));
  });

  it('kubectl get -o json returns a List of items; -o name prints kind/name', async () => {
    const list = JSON.parse(await sv().kubectl.ok(['get', 'cm', '-n', ns, '-l', 'app=shop', '-o', 'json'])) as { kind: string; apiVersion: string; items: { kind: string; metadata: { name: string } }[] };
    expect(list.kind).toBe('List');
    expect(list.apiVersion).toBe('v1');
    expect(list.items.map((i) => [i.kind, i.metadata.name])).toEqual([
      ['ConfigMap', 'alpha'],
      ['ConfigMap', 'gamma'],
    ]);
    expect(await sv().kubectl.ok(['get', 'cm', 'beta', '-n', ns, '-o', 'name'])).toBe('configmap/beta\n');
    expect(await sv().kubectl.ok(['get', 'deploy', '-n', ns, '-o', 'name'])).toBe('deployment.apps/web\n');
  });

  it('kubectl get -o jsonpath evaluates over lists and single objects', async () => {
    expect(await sv().kubectl.ok(['get', 'cm', '-n', ns, '-l', 'tier', '-o', 'jsonpath={.items[*].metadata.name}'])).toBe('alpha beta');
    expect(await sv().kubectl.ok(['get', 'cm', 'alpha', '-n', ns, '-o', 'jsonpath={.data.b}'])).toBe('2');
    expect(await sv().kubectl.ok(['get', 'deploy', 'web', '-n', ns, '-o', 'jsonpath={range .spec.template.spec.containers[*]}{.name}={.image};{end}'])).toBe('nginx=nginx:1.27;sidecar=busybox:1.36;');
  });

  it('kubectl get -o wide adds the priority columns (deployments: containers, images, selector)', async () => {
    const plain = await sv().kubectl.ok(['get', 'deploy', '-n', ns]);
    expect(plain.split('\n')[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
    const wide = await sv().kubectl.ok(['get', 'deploy', '-n', ns, '-o', 'wide']);
    expect(wide.split('\n')[0]).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/);
    // READY/UP-TO-DATE/AVAILABLE depend on the workload controllers, so only the spec columns are checked.
    expect(parseTable(wide)[0]).toMatchObject({ NAME: 'web', CONTAINERS: 'nginx,sidecar', IMAGES: 'nginx:1.27,busybox:1.36', SELECTOR: 'app=web' });
    expect(parseTable(wide)[0]!.READY).toMatch(/^\d+\/1$/);
  });

  it('kubectl get -A --show-labels adds NAMESPACE and LABELS columns', async () => {
    const out = await sv().kubectl.ok(['get', 'cm', '-A', '--show-labels']);
    expect(out.split('\n')[0]).toMatch(/^NAMESPACE\s+NAME\s+DATA\s+AGE\s+LABELS$/);
    const rows = parseTable(out);
    expect(rows.find((r) => r.NAME === 'alpha')).toMatchObject({ NAMESPACE: ns, LABELS: 'app=shop,tier=web' });
    expect(rows.find((r) => r.NAME === 'beta')).toMatchObject({ NAMESPACE: ns, LABELS: 'tier=db' });
    const namespaces = new Set(rows.filter((r) => r.NAME === 'kube-root-ca.crt').map((r) => r.NAMESPACE));
    for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'team-a', ns]) expect(namespaces).toContain(n);
  });

  it('kubectl describe configmap prints metadata and data sections', async () => {
    const out = await sv().kubectl.ok(['describe', 'cm', 'alpha', '-n', ns]);
    expect(out).toMatch(/^Name:\s+alpha$/m);
    expect(out).toMatch(/^Namespace:\s+reads$/m);
    expect(out).toMatch(/^Labels:\s+app=shop\n\s+tier=web$/m);
    // kubectl walks the data map in Go's random order, so each entry is checked on its own.
    expect(out).toMatch(/^Data\n====\n/m);
    expect(out).toMatch(/^a:\n----\n1\n/m);
    expect(out).toMatch(/^b:\n----\n2\n/m);
    expect(out).toMatch(/^Events:\s+<none>$/m);
  });

  it('kubectl describe deployment renders the spec', async () => {
    const out = await sv().kubectl.ok(['describe', 'deployment', 'web', '-n', ns]);
    expect(out).toMatch(/^Selector:\s+app=web$/m);
    expect(out).toMatch(/^Replicas:\s+1 desired \| \d+ updated \| \d+ total \| \d+ available \| \d+ unavailable$/m);
    expect(out).toMatch(/^StrategyType:\s+RollingUpdate$/m);
    expect(out).toMatch(/^ {3}nginx:\n\s+Image:\s+nginx:1\.27$/m);
    expect(out).toMatch(/^ {3}sidecar:\n\s+Image:\s+busybox:1\.36$/m);
  });

  it('kubectl get with a missing name reports NotFound', async () => {
    const r = await sv().kubectl.run(['get', 'cm', 'missing', '-n', ns]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): configmaps "missing" not found');
    const r2 = await sv().kubectl.run(['get', 'cm', '-n', 'no-such-namespace']);
    expect(r2.code).toBe(0);
    expect(r2.stderr.trim()).toBe('No resources found in no-such-namespace namespace.');
  });
});

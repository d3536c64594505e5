import { describe, expect, it } from 'vitest';
import { useSupervisor } from './harness';
import { parseTable, rowWhere } from './tables';

/** kubectl version, discovery (api-resources, api-versions) and OpenAPI v3 (explain). */
describe('kubectl discovery and explain', () => {
  const sv = useSupervisor();

  it('kubectl version reports a v1.32 server (to a v1.32 kubectl)', async () => {
    const r = await sv().kubectl.run(['version']);
    expect(r.code).toBe(0);
    expect(r.stdout, 'this suite expects kubectl v1.32 (set $KUBECTL)').toMatch(/^Client Version: v1\.32\.\d+/m);
    expect(r.stdout).toMatch(/^Server Version: v1\.32\.\d+\S*$/m);
    expect(r.stderr).not.toMatch(/WARNING: version difference/);
    const json = JSON.parse(await sv().kubectl.ok(['version', '-o', 'json'])) as { serverVersion: Record<string, string> };
    expect(json.serverVersion).toMatchObject({ major: '1', minor: '32', compiler: 'gc', platform: 'linux/amd64' });
    expect(json.serverVersion.gitVersion).toMatch(/^v1\.32\.\d+/);
  });

  it('kubectl api-resources lists built-in kinds with short names, group/version and scope', async () => {
    const out = await sv().kubectl.ok(['api-resources']);
    expect(out.split('\n')[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    const expectations: [string, string, string, string, string][] = [
      ['configmaps', 'cm', 'v1', 'true', 'ConfigMap'],
      ['namespaces', 'ns', 'v1', 'false', 'Namespace'],
      ['pods', 'po', 'v1', 'true', 'Pod'],
      ['secrets', '', 'v1', 'true', 'Secret'],
      ['deployments', 'deploy', 'apps/v1', 'true', 'Deployment'],
      ['customresourcedefinitions', 'crd,crds', 'apiextensions.k8s.io/v1', 'false', 'CustomResourceDefinition'],
      ['clusterroles', '', 'rbac.authorization.k8s.io/v1', 'false', 'ClusterRole'],
      ['roles', '', 'rbac.authorization.k8s.io/v1', 'true', 'Role'],
      ['resourcequotas', 'quota', 'v1', 'true', 'ResourceQuota'],
    ];
    const rows = parseTable(out);
    for (const [name, shortNames, apiVersion, namespaced, kind] of expectations) {
      const row = rows.find((r) => r.NAME === name && r.APIVERSION === apiVersion);
      expect(row, `row for ${name}`).toEqual({ NAME: name, SHORTNAMES: shortNames, APIVERSION: apiVersion, NAMESPACED: namespaced, KIND: kind });
    }
    // Subresources are separate discovery entries that api-resources must not print as rows.
    expect(rows.some((r) => r.NAME!.includes('/'))).toBe(false);
  });

  it('kubectl api-resources -o wide shows verbs and categories; --namespaced=false filters', async () => {
    const wide = await sv().kubectl.ok(['api-resources', '-o', 'wide']);
    const deploy = rowWhere(wide, 'NAME', 'deployments');
    expect(deploy.VERBS).toBe('create,delete,deletecollection,get,list,patch,update,watch');
    expect(deploy.CATEGORIES).toBe('all');
    expect(rowWhere(wide, 'NAME', 'configmaps').CATEGORIES).toBe('');
    const cluster = parseTable(await sv().kubectl.ok(['api-resources', '--namespaced=false']));
    expect(cluster.map((r) => r.NAME)).toEqual(expect.arrayContaining(['namespaces', 'customresourcedefinitions', 'clusterroles']));
    expect(cluster.every((r) => r.NAMESPACED === 'false')).toBe(true);
  });

  it('kubectl api-versions lists every served group/version, sorted', async () => {
    const versions = (await sv().kubectl.ok(['api-versions'])).trim().split('\n');
    expect(versions).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'batch/v1', 'apiextensions.k8s.io/v1', 'rbac.authorization.k8s.io/v1', 'authorization.k8s.io/v1', 'authentication.k8s.io/v1']));
    expect(versions).toEqual([...versions].sort());
  });

  it('kubectl explain configmaps shows the kind, its description and fields', async () => {
    const out = await sv().kubectl.ok(['explain', 'configmaps']);
    expect(out).toMatch(/^KIND:\s+ConfigMap$/m);
    expect(out).toMatch(/^VERSION:\s+v1$/m);
    expect(out).toContain('ConfigMap holds configuration data for pods to consume.');
    const fields = out.split('\n').filter((l) => /^ {2}\w+\t</.test(l));
    expect(fields).toEqual([
      '  apiVersion\t<string>',
      '  binaryData\t<map[string]string>',
      '  data\t<map[string]string>',
      '  immutable\t<boolean>',
      '  kind\t<string>',
      '  metadata\t<ObjectMeta>',
    ]);
  });

  it('kubectl explain deployments.spec.template.spec.containers walks nested schemas', async () => {
    const out = await sv().kubectl.ok(['explain', 'deployments.spec.template.spec.containers']);
    expect(out).toMatch(/^GROUP:\s+apps$/m);
    expect(out).toMatch(/^KIND:\s+Deployment$/m);
    expect(out).toMatch(/^FIELD: containers <\[\]Container>$/m);
    expect(out).toContain('List of containers belonging to the pod.');
    expect(out).toMatch(/^ {2}image\t<string>$/m);
    expect(out).toMatch(/^ {2}name\t<string> -required-$/m);
    expect(out).toMatch(/^ {2}ports\t<\[\]ContainerPort>$/m);
  });

  it('kubectl explain of an unknown field fails with kubectl\'s message', async () => {
    const r = await sv().kubectl.run(['explain', 'configmaps.spec']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('error: field "spec" does not exist');
  });
});

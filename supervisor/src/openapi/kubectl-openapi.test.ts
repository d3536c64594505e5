import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_OPENAPI_RESOURCES } from './builtin-resources';
import { buildCustomResourceDocument, customResourceComponents } from './custom-resource-document';
import { OpenAPIDocumentCache } from './root';
import { buildGroupVersionDocument, groupByGroupVersion, groupVersionPath } from './group-version-document';
import { startStubServer, type StubServer } from './testing/kubectl-stub-server';
import { CRON_TAB } from './testing/sample-crd';
import type { OpenAPIV3Document } from './types';

/**
 * Runs the real kubectl (explain, client-side apply) against the documents, served by a stub
 * API server. kubectl keeps discovery and OpenAPI on disk, so each run gets a fresh HOME and
 * cache directory. Skipped when no kubectl is on PATH.
 */

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const run = promisify(execFile);

const DEPLOY_PATH = '/apis/apps/v1/namespaces/default/deployments/web';
const CRONTAB_PATH = '/apis/stable.example.com/v1/namespaces/default/crontabs/nightly';

function deployment(containers: { name: string; image: string }[]): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers } },
    },
  };
}

/** A stored object as a server returns it after an earlier `kubectl apply` of `applied`. */
function stored(applied: Record<string, unknown>): Record<string, unknown> {
  const metadata = applied.metadata as Record<string, unknown>;
  return {
    ...applied,
    metadata: {
      ...metadata,
      uid: '4b8e5c7e-1111-4c1d-9a5e-2f0b7a3c9d10',
      resourceVersion: '42',
      creationTimestamp: '2025-01-01T00:00:00Z',
      annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(applied) },
    },
  };
}

const cronTab = { apiVersion: 'stable.example.com/v1', kind: 'CronTab', metadata: { name: 'nightly', namespace: 'default' }, spec: { cronSpec: '0 3 * * *', image: 'backup:1' } };

let server: StubServer;
let workDir: string;

async function kubectl(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const home = mkdtempSync(path.join(workDir, 'home-'));
  const env = { ...process.env, HOME: home, KUBECONFIG: path.join(home, 'no-kubeconfig') };
  return run('kubectl', [`--server=${server.url}`, `--cache-dir=${path.join(home, 'cache')}`, ...args], { env, timeout: 30_000 });
}

describe.skipIf(!hasKubectl)('real kubectl against the OpenAPI documents', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'openapi-kubectl-'));
    const crd = customResourceComponents(CRON_TAB).resource;
    const builders = new Map<string, () => OpenAPIV3Document>();
    for (const [gvPath, resources] of groupByGroupVersion(BUILTIN_OPENAPI_RESOURCES)) {
      builders.set(gvPath, () => buildGroupVersionDocument({ group: resources[0]!.group, version: resources[0]!.version, resources }));
    }
    builders.set(groupVersionPath(crd.group, crd.version), () => buildCustomResourceDocument(CRON_TAB));
    const cache = new OpenAPIDocumentCache();
    const openapiRoot = cache.root(builders);
    const documents = new Map([...builders].map(([p, build]) => [p, cache.get(p, build).json]));
    const objects = new Map<string, unknown>([
      [DEPLOY_PATH, stored(deployment([{ name: 'nginx', image: 'nginx:1.26' }, { name: 'side', image: 'busybox:1.36' }]))],
      [CRONTAB_PATH, stored(cronTab)],
    ]);
    server = await startStubServer({ resources: [...BUILTIN_OPENAPI_RESOURCES, crd], openapiRoot, documents, objects });
  });

  afterAll(async () => {
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('explains a nested built-in field from the v3 document', async () => {
    const { stdout } = await kubectl('explain', 'deployments.spec.template.spec.containers');
    expect(stdout).toContain('KIND:       Deployment');
    expect(stdout).toContain('FIELD: containers <[]Container>');
    expect(stdout).toContain('List of containers belonging to the pod.');
    expect(stdout).toMatch(/name\t<string> -required-/);
    expect(stdout).toMatch(/ports\t<\[\]ContainerPort>/);
  }, 40_000);

  it('explains a core kind', async () => {
    const { stdout } = await kubectl('explain', 'configmaps');
    expect(stdout).toContain('KIND:       ConfigMap');
    expect(stdout).toContain('ConfigMap holds configuration data for pods to consume.');
    expect(stdout).toMatch(/data\t<map\[string\]string>/);
    expect(stdout).toMatch(/metadata\t<ObjectMeta>/);
  }, 40_000);

  it('explains a custom resource from its CRD schema', async () => {
    const { stdout } = await kubectl('explain', 'crontabs.spec');
    expect(stdout).toContain('KIND:       CronTab');
    expect(stdout).toMatch(/cronSpec\t<string> -required-/);
    expect(stdout).toContain('A cron expression');
  }, 40_000);

  it('computes a strategic merge patch from the v3 schema on apply, with server-side field validation', async () => {
    const file = path.join(workDir, 'deploy.json');
    writeFileSync(file, JSON.stringify(deployment([{ name: 'nginx', image: 'nginx:1.27' }])));
    const seen = server.requests.length;
    const { stdout, stderr } = await kubectl('apply', '-f', file);
    expect(stdout).toContain('deployment.apps/web configured');
    expect(stderr).not.toMatch(/error calculating patch|warning/i);
    const patch = server.requests.slice(seen).find((r) => r.method === 'PATCH');
    expect(patch?.url).toBe(`${DEPLOY_PATH}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`);
    expect(stderr).toBe('');
    // Without a usable v3 schema kubectl would fall back to /openapi/v2 and its compiled structs.
    expect(server.requests.slice(seen).filter((r) => r.url.startsWith('/openapi/v2'))).toEqual([]);
    expect(patch?.contentType).toBe('application/strategic-merge-patch+json');
    const body = JSON.parse(patch!.body) as { spec: { template: { spec: Record<string, unknown> } } };
    expect(body.spec.template.spec).toEqual({
      '$setElementOrder/containers': [{ name: 'nginx' }],
      containers: [{ image: 'nginx:1.27', name: 'nginx' }, { $patch: 'delete', name: 'side' }],
    });
  }, 40_000);

  it('applies a custom resource with a merge patch and server-side field validation', async () => {
    const file = path.join(workDir, 'crontab.json');
    writeFileSync(file, JSON.stringify({ ...cronTab, spec: { ...cronTab.spec, image: 'backup:2' } }));
    const seen = server.requests.length;
    const { stderr } = await kubectl('apply', '-f', file);
    expect(stderr).not.toMatch(/warning/i);
    const patch = server.requests.slice(seen).find((r) => r.method === 'PATCH');
    expect(patch?.url).toBe(`${CRONTAB_PATH}?fieldManager=kubectl-client-side-apply&fieldValidation=Strict`);
    expect(patch?.contentType).toBe('application/merge-patch+json');
    expect(JSON.parse(patch!.body)).toMatchObject({ spec: { image: 'backup:2' } });
  }, 40_000);
});

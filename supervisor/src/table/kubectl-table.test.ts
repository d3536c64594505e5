/**
 * The real kubectl against a throwaway HTTP server that answers with these Tables: checks that
 * kubectl prints our headers and cells for `get pods`, `-o wide`, `-A --show-labels` and `-w`.
 * Skipped when no kubectl binary is found (set KUBECTL to point at one).
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { tableWatchEncoder, toTable } from './table';

const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const hasKubectl = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).status === 0;

const now = Date.parse('2025-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

function pod(namespace: string, name: string, labels: Record<string, string>, created: number, spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels, uid: `uid-${name}`, resourceVersion: '500', creationTimestamp: ago(created) }, spec, status };
}

const web = pod('default', 'web-7d4b9c8f5-x2kqz', { app: 'web', 'pod-template-hash': '7d4b9c8f5' }, 5 * HOUR, { nodeName: 'worker-1', containers: [{ name: 'nginx' }, { name: 'envoy' }] }, {
  phase: 'Running',
  podIPs: [{ ip: '10.244.1.17' }],
  conditions: [{ type: 'Ready', status: 'True' }],
  containerStatuses: [
    { name: 'nginx', ready: true, restartCount: 1, state: { running: {} }, lastState: { terminated: { exitCode: 137, finishedAt: ago(3 * HOUR) } } },
    { name: 'envoy', ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(10 * MIN) } } },
  ],
});
const api = pod('default', 'api-5f6d7c9b8-kq2lm', { app: 'api' }, 3 * 24 * HOUR, { nodeName: 'worker-2', containers: [{ name: 'api' }] }, {
  phase: 'Running',
  podIPs: [{ ip: '10.244.2.9' }],
  containerStatuses: [{ name: 'api', ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(45_000) } } }],
});
const backup = pod('ops', 'backup-28923450-zt7hn', {}, 20 * MIN, { nodeName: 'worker-1', containers: [{ name: 'backup' }] }, {
  phase: 'Succeeded',
  containerStatuses: [{ name: 'backup', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }],
});

const discovery: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
  '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [
      { name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', verbs: ['get', 'list', 'watch'], shortNames: ['po'], categories: ['all'] },
      { name: 'configmaps', singularName: 'configmap', namespaced: true, kind: 'ConfigMap', verbs: ['get', 'list', 'watch'], shortNames: ['cm'] },
    ],
  },
};

function sendJson(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const wantsTable = (req.headers.accept ?? '').includes('as=Table');
  const fixed = discovery[url.pathname];
  if (fixed) return sendJson(res, 200, fixed);
  const pods = url.pathname === '/api/v1/pods' ? [web, api, backup] : url.pathname === '/api/v1/namespaces/default/pods' ? [web, api] : undefined;
  if (!pods) return sendJson(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
  if (!wantsTable) return sendJson(res, 406, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'test server serves Tables only', reason: 'NotAcceptable', code: 406 });
  if (url.searchParams.get('watch') === 'true') {
    // Two events, then the server ends the watch; kubectl prints the rows and exits cleanly.
    const encode = tableWatchEncoder({ kindKey: 'pods', includeObject: 'Metadata' });
    const restarted = { ...api, metadata: { ...api.metadata, resourceVersion: '501' }, status: { ...(api.status as object), containerStatuses: [{ name: 'api', ready: true, restartCount: 8, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(5_000) } } }] } };
    const added = pod('default', 'web-7d4b9c8f5-n3w00', { app: 'web' }, 0, { containers: [{ name: 'nginx' }, { name: 'envoy' }] }, { phase: 'Pending' });
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    res.write(`${JSON.stringify(encode({ type: 'MODIFIED', object: restarted }, now))}\n`);
    res.end(`${JSON.stringify(encode({ type: 'ADDED', object: { ...added, metadata: { ...added.metadata, resourceVersion: '502' } } }, now))}\n`);
    return;
  }
  sendJson(res, 200, toTable({ kindKey: 'pods', objects: pods, listMeta: { resourceVersion: '500' }, includeObject: 'Metadata', now }));
}

describe.skipIf(!hasKubectl)('kubectl get against Table output', () => {
  let server: Server;
  let base: string;
  let home: string;

  beforeAll(async () => {
    home = mkdtempSync(path.join(tmpdir(), 'kubectl-table-'));
    server = createServer(handle);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(home, { recursive: true, force: true });
  });

  /** Runs kubectl (asynchronously: the server lives in this process) and splits its output into cells. */
  async function kubectl(...args: string[]): Promise<string[][]> {
    // A fresh HOME and no KUBECONFIG: no user config, credentials or cached discovery leak in.
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home };
    delete env.KUBECONFIG;
    const stdout = await new Promise<string>((resolve, reject) => {
      const argv = [`--server=${base}`, `--cache-dir=${path.join(home, 'cache')}`, ...args];
      execFile(KUBECTL, argv, { env, timeout: 30_000, encoding: 'utf8' }, (err: Error | null, out: string, errOut: string) =>
        err ? reject(new Error(`kubectl ${args.join(' ')} failed: ${err.message}\n${errOut}`)) : resolve(out),
      );
    });
    return stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.trim().split(/\s{2,}/));
  }

  it('prints the pod columns and cells', async () => {
    expect(await kubectl('get', 'pods')).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['web-7d4b9c8f5-x2kqz', '2/2', 'Running', '3 (10m ago)', '5h'],
      ['api-5f6d7c9b8-kq2lm', '0/1', 'CrashLoopBackOff', '7 (45s ago)', '3d'],
    ]);
  });

  it('prints the priority-1 columns with -o wide', async () => {
    expect(await kubectl('get', 'pods', '-o', 'wide')).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
      ['web-7d4b9c8f5-x2kqz', '2/2', 'Running', '3 (10m ago)', '5h', '10.244.1.17', 'worker-1', '<none>', '<none>'],
      ['api-5f6d7c9b8-kq2lm', '0/1', 'CrashLoopBackOff', '7 (45s ago)', '3d', '10.244.2.9', 'worker-2', '<none>', '<none>'],
    ]);
  });

  it('takes NAMESPACE and LABELS from the rows’ PartialObjectMetadata with -A --show-labels', async () => {
    expect(await kubectl('get', 'pods', '-A', '--show-labels')).toEqual([
      ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'LABELS'],
      ['default', 'web-7d4b9c8f5-x2kqz', '2/2', 'Running', '3 (10m ago)', '5h', 'app=web,pod-template-hash=7d4b9c8f5'],
      ['default', 'api-5f6d7c9b8-kq2lm', '0/1', 'CrashLoopBackOff', '7 (45s ago)', '3d', 'app=api'],
      ['ops', 'backup-28923450-zt7hn', '0/1', 'Completed', '0', '20m', '<none>'],
    ]);
  });

  it('prints watch events as rows under the single list header', async () => {
    expect(await kubectl('get', 'pods', '-w')).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
      ['web-7d4b9c8f5-x2kqz', '2/2', 'Running', '3 (10m ago)', '5h'],
      ['api-5f6d7c9b8-kq2lm', '0/1', 'CrashLoopBackOff', '7 (45s ago)', '3d'],
      ['api-5f6d7c9b8-kq2lm', '1/1', 'Running', '8 (5s ago)', '3d'],
      ['web-7d4b9c8f5-n3w00', '0/2', 'Pending', '0', '0s'],
    ]);
  });
});

import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';
import { createTestTls, type TestTls } from './test-support/test-tls';

vi.mock('server-only', () => ({}));

const { getClusterOverview } = await import('./cluster-overview');

const VERSION = { major: '1', minor: '32', gitVersion: 'v1.32.4', platform: 'linux/amd64' };

let dir: string;
let tls: TestTls;
let server: https.Server;
let serverUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'glasspane-overview-'));
  tls = await createTestTls();
  server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(VERSION));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  serverUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

async function kubeconfigFor(server: string, name: string): Promise<string> {
  const file = path.join(dir, name);
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'supervisor', cluster: { server, 'certificate-authority-data': Buffer.from(tls.caPem).toString('base64') } },
    ],
    users: [{ name: 'developer', user: { token: 'developer-token' } }],
    contexts: [{ name: 'developer', context: { cluster: 'supervisor', user: 'developer', namespace: 'team-a' } }],
    'current-context': 'developer',
  };
  await writeFile(file, stringify(doc));
  return file;
}

describe('getClusterOverview', () => {
  it('is connected when the kubeconfig names a reachable server', async () => {
    const kubeconfig = await kubeconfigFor(serverUrl, 'good');
    const overview = await getClusterOverview({ GLASSPANE_KUBECONFIG: kubeconfig, GLASSPANE_EMBEDDED: '1' });
    expect(overview).toMatchObject({
      state: 'connected',
      source: { kubeconfigPath: kubeconfig, embedded: true },
      cluster: { server: serverUrl, contextName: 'developer', namespace: 'team-a' },
      version: VERSION,
    });
  });

  it('is unreachable, with the reason, when nothing listens at the server URL', async () => {
    const kubeconfig = await kubeconfigFor('https://127.0.0.1:1', 'down');
    const overview = await getClusterOverview({ GLASSPANE_KUBECONFIG: kubeconfig });
    expect(overview).toMatchObject({ state: 'unreachable', cluster: { server: 'https://127.0.0.1:1' } });
    expect(overview.state === 'unreachable' && overview.reason).toMatch(/Connection refused/);
  });

  it('is misconfigured when the environment or the kubeconfig is unusable', async () => {
    await expect(getClusterOverview({})).resolves.toMatchObject({
      state: 'misconfigured',
      reason: expect.stringMatching(/GLASSPANE_KUBECONFIG is not set/),
    });
    const absent = path.join(dir, 'absent');
    await expect(getClusterOverview({ GLASSPANE_KUBECONFIG: absent })).resolves.toMatchObject({
      state: 'misconfigured',
      source: { kubeconfigPath: absent },
      reason: expect.stringMatching(/does not exist/),
    });
  });
});

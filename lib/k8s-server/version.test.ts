import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import https from 'node:https';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestTls, type TestTls } from './test-support/test-tls';

vi.mock('server-only', () => ({}));

const { fetchServerVersion, parseVersionBody } = await import('./version');
const { ClusterRequestError } = await import('./connection-errors');
const { apiUrl } = await import('./anonymous-get');

const VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

type Handler = http.RequestListener;

let tls: TestTls;
let otherTls: TestTls;
const servers: http.Server[] = [];

beforeAll(async () => {
  [tls, otherTls] = await Promise.all([createTestTls(), createTestTls()]);
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function listen(server: http.Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return String((server.address() as AddressInfo).port);
}

async function startHttps(handler: Handler, certs: TestTls = tls): Promise<string> {
  const port = await listen(https.createServer({ cert: certs.certPem, key: certs.keyPem }, handler));
  return `https://127.0.0.1:${port}`;
}

const json = (status: number, body: unknown): Handler => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

const caData = (certs: TestTls) => Buffer.from(certs.caPem).toString('base64');
const cluster = (server: string, extra: Partial<{ caData: string; skipTLSVerify: boolean }> = {}) => ({
  server,
  clusterName: 'supervisor',
  skipTLSVerify: false,
  contextName: 'admin',
  ...extra,
});

describe('fetchServerVersion', () => {
  it('reads /version over HTTPS, trusting only the kubeconfig CA, without credentials', async () => {
    const seen: http.IncomingMessage[] = [];
    const server = await startHttps((req, res) => {
      seen.push(req);
      json(200, VERSION)(req, res);
    });
    const version = await fetchServerVersion(cluster(server, { caData: caData(tls) }));
    expect(version).toEqual(VERSION);
    expect(seen.map((req) => req.url)).toEqual(['/version']);
    expect(seen[0]?.headers.authorization).toBeUndefined();
  });

  it('refuses a server whose certificate another CA signed', async () => {
    const server = await startHttps(json(200, VERSION), otherTls);
    const failure = fetchServerVersion(cluster(server, { caData: caData(tls) }));
    await expect(failure).rejects.toBeInstanceOf(ClusterRequestError);
    await expect(failure).rejects.toThrow(/not signed by the kubeconfig's certificate authority/);
  });

  it('accepts any certificate when the kubeconfig says insecure-skip-tls-verify', async () => {
    const server = await startHttps(json(200, VERSION), otherTls);
    await expect(fetchServerVersion(cluster(server, { skipTLSVerify: true }))).resolves.toEqual(VERSION);
  });

  it('explains a refused connection', async () => {
    const closed = http.createServer();
    const port = await listen(closed);
    closed.close();
    await once(closed, 'close');
    await expect(fetchServerVersion(cluster(`https://127.0.0.1:${port}`))).rejects.toThrow(
      `Connection refused: nothing is listening on 127.0.0.1:${port}.`,
    );
  });

  it('gives up after the timeout when the server never answers', async () => {
    const server = await startHttps(() => {
      // Never answers: the client's deadline must end the request.
    });
    await expect(
      fetchServerVersion(cluster(server, { caData: caData(tls) }), { timeoutMs: 300 }),
    ).rejects.toThrow(/No answer from 127\.0\.0\.1:\d+ within 0\.3 s/);
  });

  it('quotes the Status message when anonymous access is refused', async () => {
    const status = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 };
    const server = await startHttps(json(401, status));
    const failure = fetchServerVersion(cluster(server, { caData: caData(tls) }));
    await expect(failure).rejects.toThrow(/refused anonymous access to \/version \(HTTP 401\): Unauthorized/);
    await expect(failure).rejects.toMatchObject({ details: { status: 401 } });
  });

  it('reports a body that is not a version document', async () => {
    const server = await startHttps(json(200, { kind: 'Status' }));
    await expect(fetchServerVersion(cluster(server, { caData: caData(tls) }))).rejects.toThrow(
      /not a Kubernetes version \(bad fields: major, minor, gitVersion, platform\)/,
    );
  });

  it('speaks plain HTTP to an http:// server (kubectl proxy)', async () => {
    const port = await listen(http.createServer(json(200, VERSION)));
    await expect(fetchServerVersion(cluster(`http://127.0.0.1:${port}`))).resolves.toEqual(VERSION);
  });
});

describe('parseVersionBody', () => {
  it('drops unknown fields and rejects non-JSON', () => {
    expect(parseVersionBody(JSON.stringify({ ...VERSION, emulationMajor: '1' }), 'u')).toEqual(VERSION);
    expect(() => parseVersionBody('<html>', 'u')).toThrow(/not JSON: <html>/);
  });
});

describe('apiUrl', () => {
  it('keeps a path prefix on the server URL', () => {
    expect(apiUrl('https://rancher.example/k8s/clusters/c-1', '/version').href).toBe(
      'https://rancher.example/k8s/clusters/c-1/version',
    );
    expect(apiUrl('https://127.0.0.1:6443', '/version').href).toBe('https://127.0.0.1:6443/version');
  });
});

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpenAPIResource } from '../types';

/**
 * A throwaway plain-HTTP API server for tests that run the real kubectl against the OpenAPI
 * documents: legacy discovery for the given resources, `/openapi/v3` (root and documents), a
 * fixed set of objects to GET, and a log of every request (with bodies) for assertions.
 * Writes answer with the stored object unchanged; nothing is persisted.
 */

export interface RecordedRequest {
  method: string;
  url: string;
  contentType?: string;
  body: string;
}

export interface StubServerOptions {
  resources: readonly OpenAPIResource[];
  /** "/openapi/v3" root body. */
  openapiRoot: unknown;
  /** OpenAPI v3 path ("apis/apps/v1") → serialized document. */
  documents: ReadonlyMap<string, string>;
  /** URL path ("/apis/apps/v1/namespaces/default/deployments/web") → object served by GET. */
  objects: ReadonlyMap<string, unknown>;
}

export interface StubServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function notFound(res: ServerResponse, path: string): void {
  send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${path} not found`, reason: 'NotFound', code: 404 });
}

function discovery(resources: readonly OpenAPIResource[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const groups = new Map<string, OpenAPIResource[]>();
  for (const r of resources) {
    const gv = r.group === '' ? r.version : `${r.group}/${r.version}`;
    groups.set(gv, [...(groups.get(gv) ?? []), r]);
  }
  const named = [...groups.keys()].filter((gv) => gv.includes('/'));
  out.set('/api', { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
  out.set('/apis', {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: named.map((gv) => {
      const [name, version] = gv.split('/') as [string, string];
      const v = { groupVersion: gv, version };
      return { name, versions: [v], preferredVersion: v };
    }),
  });
  for (const [gv, list] of groups) {
    out.set(gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: gv,
      resources: list.map((r) => ({ name: r.resource, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: r.verbs })),
    });
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startStubServer(opts: StubServerOptions): Promise<StubServer> {
  const requests: RecordedRequest[] = [];
  const fixed = discovery(opts.resources);
  fixed.set('/version', { major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' });
  fixed.set('/openapi/v3', opts.openapiRoot);

  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://stub');
      requests.push({ method: req.method ?? 'GET', url: url.pathname + url.search, contentType: req.headers['content-type'], body });
      const path = url.pathname;
      if (req.method === 'GET' && fixed.has(path)) return send(res, 200, fixed.get(path));
      if (req.method === 'GET' && path.startsWith('/openapi/v3/')) {
        const doc = opts.documents.get(path.slice('/openapi/v3/'.length));
        return doc === undefined ? notFound(res, path) : send(res, 200, doc);
      }
      const object = opts.objects.get(path);
      if (object === undefined) return notFound(res, path);
      send(res, 200, object);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

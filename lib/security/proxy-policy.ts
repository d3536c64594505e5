/**
 * What the console's proxy forwards to the API server. Only Kubernetes API paths pass (parsed by
 * the same grammar as the API server's request info), never subresources that tunnel to
 * workloads or nodes (proxy, exec, attach, portforward); only a few request headers travel, so a
 * client can never smuggle its own Authorization, Impersonate-* or hop-by-hop headers upstream.
 */
export type PathVerdict = { ok: true; path: string } | { ok: false; code: number; message: string };

const TUNNELLING_SUBRESOURCES = new Set(['proxy', 'exec', 'attach', 'portforward']);
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
const SEGMENT = /^[A-Za-z0-9._~:@!$&'()*+,;=-]+$/;

function refuse(message: string, code = 403): PathVerdict {
  return { ok: false, code, message };
}

/** Checks an upstream path (without query) for a method; returns the normalized path. */
export function checkUpstreamPath(rawPath: string, method: string): PathVerdict {
  if (!METHODS.has(method)) return refuse(`method ${method} is not allowed`, 405);
  if (!rawPath.startsWith('/') || rawPath.includes('\\') || rawPath.includes('//')) return refuse('malformed path', 400);
  if (/%2f|%5c|%2e/i.test(rawPath)) return refuse('encoded separators are not allowed in API paths', 400);
  const parts = rawPath.split('/').filter((p) => p !== '');
  if (parts.some((p) => p === '.' || p === '..' || !SEGMENT.test(p))) return refuse('malformed path', 400);
  const path = `/${parts.join('/')}`;
  const [root, ...rest] = parts;
  if (root === 'version' && rest.length === 0) return method === 'GET' ? { ok: true, path } : refuse('only GET is allowed on /version', 405);
  if (root === 'openapi') {
    if (method !== 'GET') return refuse('only GET is allowed on /openapi', 405);
    if ((rest[0] === 'v3' || (rest[0] === 'v2' && rest.length === 1))) return { ok: true, path };
    return refuse(`${path} is not a Kubernetes API path the console forwards`);
  }
  if (root !== 'api' && root !== 'apis') return refuse(`${path} is not a Kubernetes API path the console forwards`);
  let r = rest;
  if (root === 'apis') {
    if (r.length <= 2) return method === 'GET' ? { ok: true, path } : refuse('discovery is read-only', 405);
    r = r.slice(2);
  } else {
    if (r.length <= 1) return method === 'GET' ? { ok: true, path } : refuse('discovery is read-only', 405);
    r = r.slice(1);
  }
  if (r[0] === 'watch' || r[0] === 'proxy') return refuse(`legacy /${r[0]}/ paths are not forwarded`);
  if (r[0] === 'namespaces' && r.length > 2 && r[2] !== 'status' && r[2] !== 'finalize') r = r.slice(2);
  const [, name, subresource, ...extra] = r;
  if (name !== undefined && name.includes(':') && subresource === 'proxy') return refuse('proxy subresources are not forwarded');
  if (subresource !== undefined && TUNNELLING_SUBRESOURCES.has(subresource)) return refuse(`the ${subresource} subresource is not forwarded`);
  if (extra.length > 0) return refuse(`${path} is not a Kubernetes API path the console forwards`);
  return { ok: true, path };
}

/**
 * Request headers copied upstream (lower-case). Everything else, Authorization included, is
 * dropped. `accept-encoding` travels so a large list comes gzipped from the API server and goes
 * to the browser as it is (the proxy runs outside Next.js, which would compress it again).
 */
const REQUEST_HEADERS = ['accept', 'content-type', 'accept-encoding'];
/** Response headers copied back to the browser (`content-encoding` with the body it describes). */
const RESPONSE_HEADERS = ['content-type', 'content-encoding', 'vary', 'warning', 'retry-after', 'audit-id'];
/** API answers are data, never documents: nothing in them may run or be framed. */
export const API_SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" } as const;

/** What the policies read of a request's headers: a fetch `Headers`, or a view of Node's. */
export type HeaderReader = Pick<Headers, 'get'>;

export function upstreamRequestHeaders(incoming: HeaderReader, token: string): Record<string, string> {
  const out: Record<string, string> = { authorization: `Bearer ${token}`, 'user-agent': 'glasspane-console/0.1' };
  for (const name of REQUEST_HEADERS) {
    const v = incoming.get(name);
    if (v && !/[\r\n]/.test(v)) out[name] = v;
  }
  return out;
}

/** The allowed upstream response headers (lower-case names, repeated ones as arrays), plus the API's own. */
export function downstreamResponseHeaders(upstream: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = { 'cache-control': 'no-store', ...API_SECURITY_HEADERS };
  for (const name of RESPONSE_HEADERS) {
    const v = upstream[name];
    if (v !== undefined && v !== '') out[name] = v;
  }
  return out;
}

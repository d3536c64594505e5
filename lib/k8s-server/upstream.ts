import 'server-only';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { readServerEnv } from '../env';
import { loadClusterConfig, type ClusterConfig } from './cluster-config';
import { apiUrl } from './anonymous-get';
import { describeConnectionError } from './connection-errors';

/**
 * Requests to the API server on behalf of the signed-in user. The upstream address and CA come
 * from the console's kubeconfig (never from the request); the credential is the user's own
 * token. One keep-alive agent per cluster; the config is re-read when the kubeconfig changes.
 */
interface Upstream {
  cluster: ClusterConfig;
  agent: https.Agent | http.Agent;
}

let cached: { path: string; mtimeMs: number; checkedAt: number; upstream: Upstream } | undefined;
/** How long a kubeconfig is trusted unchanged before it is stat'ed again (a syscall per request otherwise). */
const RECHECK_MS = 1000;

export async function upstream(): Promise<Upstream> {
  const { kubeconfigPath } = readServerEnv();
  if (cached && cached.path === kubeconfigPath && Date.now() - cached.checkedAt < RECHECK_MS) return cached.upstream;
  const { mtimeMs } = await stat(kubeconfigPath);
  if (cached && cached.path === kubeconfigPath && cached.mtimeMs === mtimeMs) {
    cached.checkedAt = Date.now();
    return cached.upstream;
  }
  const cluster = await loadClusterConfig(kubeconfigPath);
  cached?.upstream.agent.destroy();
  const isHttps = cluster.server.startsWith('https:');
  const agent = isHttps
    ? new https.Agent({ keepAlive: true, maxSockets: 64, ca: cluster.caData ? Buffer.from(cluster.caData, 'base64') : undefined, rejectUnauthorized: !cluster.skipTLSVerify, servername: cluster.tlsServerName })
    : new http.Agent({ keepAlive: true, maxSockets: 64 });
  cached = { path: kubeconfigPath, mtimeMs, checkedAt: Date.now(), upstream: { cluster, agent } };
  return cached.upstream;
}

export interface UpstreamRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/namespaces?limit=500`. */
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
  signal?: AbortSignal;
  /** Give up if no response headers arrive in time (not applied to the body of streams). */
  timeoutMs?: number;
}

/** Thrown when the API server cannot be reached; `message` is operator-readable. */
export class UpstreamUnavailable extends Error {
  override readonly name = 'UpstreamUnavailable';
}

/** Sends a request and resolves with the response once its headers arrive; the body streams. */
export async function sendUpstream(req: UpstreamRequest): Promise<http.IncomingMessage> {
  const { cluster, agent } = await upstream();
  const url = apiUrl(cluster.server, req.path);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body) headers['content-length'] = String(req.body.length);
    const r = transport.request(url, { method: req.method, headers, agent, signal: req.signal }, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    const timer = setTimeout(() => r.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), req.timeoutMs ?? 15_000);
    r.on('error', (e) => {
      clearTimeout(timer);
      if (req.signal?.aborted) reject(e);
      else reject(new UpstreamUnavailable(describeConnectionError(e, url, req.timeoutMs ?? 15_000)));
    });
    r.end(req.body);
  });
}

/** Reads a whole (non-streaming) upstream response. */
export async function readAll(res: http.IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('upstream response too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A JSON request with the user's token; resolves with the status code and parsed body. */
export async function upstreamJson(token: string, method: string, path: string, body?: unknown, accept = 'application/json'): Promise<{ code: number; body: unknown }> {
  const res = await sendUpstream({
    method,
    path,
    headers: { authorization: `Bearer ${token}`, accept, 'content-type': 'application/json', 'user-agent': 'glasspane-console/0.1' },
    body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
    timeoutMs: 10_000,
  });
  const text = (await readAll(res)).toString('utf8');
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // keep text
  }
  return { code: res.statusCode ?? 0, body: parsed };
}

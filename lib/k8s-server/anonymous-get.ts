import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { ClusterConfig } from './cluster-config';
import { ClusterRequestError, describeConnectionError, describeHttpFailure } from './connection-errors';

export const DEFAULT_TIMEOUT_MS = 5_000;

/** Answers larger than this are cut off: anonymous endpoints return a few hundred bytes. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface AnonymousGetOptions {
  /** Deadline for the whole exchange, connection to last byte. */
  timeoutMs?: number;
}

/** Joins an API path onto the server URL, keeping any path prefix the server URL carries. */
export function apiUrl(server: string, apiPath: string): URL {
  const base = server.endsWith('/') ? server : `${server}/`;
  return new URL(apiPath.replace(/^\//, ''), base);
}

/**
 * GETs `apiPath` without credentials, trusting only the kubeconfig's CA (or nothing, when the
 * kubeconfig says insecure-skip-tls-verify). Resolves with the body of a 2xx answer.
 * @throws ClusterRequestError with an operator-readable message for every failure.
 */
export function anonymousGet(
  cluster: ClusterConfig,
  apiPath: string,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: AnonymousGetOptions = {},
): Promise<string> {
  const url = apiUrl(cluster.server, apiPath);
  const fail = (message: string, details: { code?: string; status?: number } = {}) =>
    new ClusterRequestError(message, url.href, details);

  return new Promise((resolve, reject) => {
    const onError = (error: unknown) => {
      const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
      reject(fail(describeConnectionError(error, url, timeoutMs), code ? { code } : {}));
    };
    const options: https.RequestOptions = {
      headers: { accept: 'application/json' },
      // A fresh agent per request: no pooled socket outlives the page render.
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    };
    if (url.protocol === 'https:') {
      if (cluster.caData) options.ca = Buffer.from(cluster.caData, 'base64');
      options.rejectUnauthorized = !cluster.skipTLSVerify;
      if (cluster.tlsServerName) options.servername = cluster.tlsServerName;
    } else if (url.protocol !== 'http:') {
      reject(fail(`Unsupported server URL scheme ${url.protocol} in the kubeconfig.`));
      return;
    }
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.get(url, options, (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          request.destroy();
          reject(fail(`${url.host} sent more than ${MAX_BODY_BYTES} bytes for ${url.pathname}.`));
          return;
        }
        chunks.push(chunk);
      });
      response.on('error', onError);
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve(body);
        else reject(fail(describeHttpFailure(status, body, url), { status }));
      });
    });
    request.on('error', onError);
  });
}

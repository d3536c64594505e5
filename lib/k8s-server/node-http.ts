import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { statusOf } from '../k8s/status';
import { API_SECURITY_HEADERS, type HeaderReader } from '../security/proxy-policy';
import { openSession, SESSION_COOKIE, SESSION_HEADER, type Session } from './session-core';

/**
 * The console's API endpoints that answer on Node's own request and response (server.ts): the
 * Kubernetes proxy and the inventory index. Reading headers and the session, and answering
 * JSON, as the Next.js routes do through next/headers and Response.
 */

/** Node's request headers read like fetch's (lower-case names, repeated ones joined). */
export function headersOf(req: IncomingMessage): HeaderReader {
  return {
    get: (name) => {
      const v = req.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

function cookie(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The request's session: the frame session header alone decides when present (as `currentSession` does). */
export function sessionOf(h: HeaderReader): Session | undefined {
  const framed = h.get(SESSION_HEADER);
  return openSession(framed !== null ? framed : cookie(h.get('cookie'), SESSION_COOKIE));
}

export function sendJson(res: ServerResponse, code: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'content-type': 'application/json', 'cache-control': 'no-store', ...API_SECURITY_HEADERS, ...extra, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** A Kubernetes Status answer, the one error shape the browser handles. */
export function sendStatus(res: ServerResponse, code: number, reason: string, message: string, extra: Record<string, string> = {}): void {
  sendJson(res, code, statusOf(code, reason, message), extra);
}

/** Aborted when the client goes away before the answer is complete. */
export function abortOnClose(res: ServerResponse): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  return abort.signal;
}

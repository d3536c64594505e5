import type { ServerResponse } from 'node:http';
import { ApiError, toApiError } from '../api/errors';

/**
 * Response writing and content negotiation. The supervisor always answers JSON (every client
 * that sends protobuf also accepts JSON); `as=Table` and `as=PartialObjectMetadata(List)` select
 * server-side projections.
 */
export type Projection = 'object' | 'table' | 'metadata';

export interface Negotiated {
  projection: Projection;
  /** Content-Type to answer with. */
  contentType: string;
}

interface MediaRange {
  type: string;
  params: Record<string, string>;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').map((part) => {
    const [type, ...rest] = part.trim().split(';');
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
    }
    return { type: (type ?? '').trim().toLowerCase(), params };
  });
}

const JSON_TYPES = new Set(['application/json', 'application/*', '*/*', '']);

/** Picks the first acceptable representation; 406 when nothing JSON-compatible is acceptable. */
export function negotiate(accept: string | undefined, allowTable: boolean): Negotiated {
  const ranges = parseAccept(accept ?? '*/*');
  for (const r of ranges) {
    if (!JSON_TYPES.has(r.type)) continue;
    const as = r.params.as;
    if (!as) return { projection: 'object', contentType: 'application/json' };
    const gOk = r.params.g === 'meta.k8s.io' && (r.params.v === 'v1' || r.params.v === 'v1beta1');
    if (as === 'Table' && gOk && allowTable) return { projection: 'table', contentType: 'application/json;as=Table;v=v1;g=meta.k8s.io' };
    if ((as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') && gOk) {
      return { projection: 'metadata', contentType: `application/json;as=${as};v=v1;g=meta.k8s.io` };
    }
  }
  if (ranges.some((r) => r.type === 'application/vnd.kubernetes.protobuf')) {
    // Protobuf-only clients are not supported; tell them what is.
    throw new ApiError(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/yaml');
  }
  throw new ApiError(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/json;as=Table;v=v1;g=meta.k8s.io');
}

export function writeJson(res: ServerResponse, code: number, body: unknown, headers: Record<string, string | string[]> = {}, contentType = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function writeText(res: ServerResponse, code: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'X-Content-Type-Options': 'nosniff', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function writeError(res: ServerResponse, e: unknown): void {
  const err = toApiError(e);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeJson(res, err.code, err.toStatus(), err.headers);
}

/** Formats HTTP Warning headers the way apiserver does (`299 - "message"`). */
export function warningHeader(warnings: string[]): Record<string, string[]> {
  if (warnings.length === 0) return {};
  return { Warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`) };
}

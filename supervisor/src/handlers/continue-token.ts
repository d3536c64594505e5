import { errors } from '../api/errors';
import type { Stored } from '../storage/store';

/**
 * Continue tokens, shaped like upstream's (base64 of {"v":"meta.k8s.io/v1","rv":N,"start":key}):
 * every page of a paged list is read at the first page's resourceVersion.
 */
export function keyOf(s: Stored): string {
  const ns = s.obj.metadata.namespace;
  return ns ? `${ns}/${s.obj.metadata.name}` : (s.obj.metadata.name ?? '');
}

export function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

export function decodeContinue(token: string): { rv: number; start: string } {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { v?: string; rv?: number; start?: string };
    if (parsed.v !== 'meta.k8s.io/v1' || typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') throw new Error('bad token');
    return { rv: parsed.rv, start: parsed.start };
  } catch {
    throw errors.badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
}

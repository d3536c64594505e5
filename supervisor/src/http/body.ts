import type { IncomingMessage } from 'node:http';
import { parseDocument } from 'yaml';
import { ApiError, errors } from '../api/errors';

/**
 * Request bodies: read with a hard size limit, then decoded by media type. Nothing is decoded
 * until the whole body is in, and every decoding failure is a 400 with its cause, so nothing
 * half-parsed ever reaches storage.
 */
export const MAX_BODY_BYTES = 3 * 1024 * 1024;
const MAX_YAML_ALIASES = 100;
const MAX_DEPTH = 100;

export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      req.resume();
      reject(errors.tooLarge(`the request body is ${declared} bytes, which is more than the limit of ${limit} bytes`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(errors.tooLarge(`the request body is larger than the limit of ${limit} bytes`));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(errors.badRequest(`error reading the request body: ${e.message}`));
    });
  });
}

export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

function checkDepth(value: unknown, depth = 0): void {
  if (depth > MAX_DEPTH) throw errors.badRequest(`the request body is nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) for (const v of value) checkDepth(v, depth + 1);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) checkDepth(v, depth + 1);
}

/** Parses a JSON body; `duplicates` collects keys that appear twice in one object (for fieldValidation). */
export function parseJson(text: string): unknown {
  try {
    const value = JSON.parse(text) as unknown;
    checkDepth(value);
    return value;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw errors.badRequest(`the request body is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Parses a YAML body with the limits of a hostile-input parser: one document, at most 100 alias
 * uses (billion laughs), bounded depth, and duplicate keys rejected.
 */
export function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, merge: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const where = e.linePos?.[0] ? ` (line ${e.linePos[0].line}, column ${e.linePos[0].col})` : '';
    throw errors.badRequest(`the request body is not valid YAML${where}: ${e.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    throw errors.badRequest(`the request body is not valid YAML: ${(e as Error).message}`);
  }
  checkDepth(value);
  return value;
}

/** Decodes a JSON or YAML body for create/update; other media types are handled by the caller. */
export function decodeStructured(body: Buffer, type: string): unknown {
  const text = body.toString('utf8');
  if (type === 'application/yaml' || type === 'application/apply-patch+yaml' || type === 'text/yaml' || type === 'application/x-yaml') return parseYaml(text);
  return parseJson(text);
}

import { createHash } from 'node:crypto';
import type { OpenAPIV3Document } from './types';

/**
 * The `/openapi/v3` discovery document and the hashes its URLs carry. Upstream names each
 * group-version document by the upper-case hex SHA-512 of its JSON; clients (client-go's
 * openapi3 root, kubectl's disk cache) treat `?hash=` URLs as immutable, so the hash must change
 * whenever the document does.
 */

export interface OpenAPIV3RootEntry {
  /** "api/v1", "apis/apps/v1". */
  path: string;
  hash: string;
}

export interface OpenAPIV3Root {
  paths: Record<string, { serverRelativeURL: string }>;
}

export function openapiV3Root(entries: readonly OpenAPIV3RootEntry[]): OpenAPIV3Root {
  const sorted = [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    paths: Object.fromEntries(sorted.map((e) => [e.path, { serverRelativeURL: `/openapi/v3/${e.path}?hash=${e.hash}` }])),
  };
}

/** Hash of a document's serialized JSON (pass the exact string that is served when you have it). */
export function documentHash(doc: unknown): string {
  const json = typeof doc === 'string' ? doc : JSON.stringify(doc);
  return createHash('sha512').update(json).digest('hex').toUpperCase();
}

/** A built document with the exact bytes to serve and their hash. */
export interface CachedDocument {
  doc: OpenAPIV3Document;
  json: string;
  hash: string;
}

/**
 * Per-group-version cache of OpenAPI v3 documents. The caller supplies the builder on each
 * lookup and invalidates a path when what it describes changes (a CRD added, changed or
 * removed); unchanged group-versions keep their bytes and hash, so clients' caches stay valid.
 */
export class OpenAPIDocumentCache {
  private readonly docs = new Map<string, CachedDocument>();

  get(path: string, build: () => OpenAPIV3Document): CachedDocument {
    let cached = this.docs.get(path);
    if (!cached) {
      const doc = build();
      const json = JSON.stringify(doc);
      cached = { doc, json, hash: documentHash(json) };
      this.docs.set(path, cached);
    }
    return cached;
  }

  /** Drops one group-version ("apis/stable.example.com/v1"), or everything when called without a path. */
  invalidate(path?: string): void {
    if (path === undefined) this.docs.clear();
    else this.docs.delete(path);
  }

  /** The `/openapi/v3` root for the given group-version paths, building missing documents. */
  root(builders: ReadonlyMap<string, () => OpenAPIV3Document>): OpenAPIV3Root {
    return openapiV3Root([...builders].map(([path, build]) => ({ path, hash: this.get(path, build).hash })));
  }
}

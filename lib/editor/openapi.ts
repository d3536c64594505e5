import { kubeFetch } from '../k8s/client';
import { findKindSchema, type GroupVersionKind, type KindSchema, type OpenApiDocument } from './openapi-schema';

/**
 * The cluster's live OpenAPI v3, fetched through the console's proxy: the `/openapi/v3` root
 * (re-read after ROOT_TTL_MS, so new CRDs show up) and one document per group-version, cached
 * by its `serverRelativeURL` — that URL carries the document's hash, so a cached document is
 * never stale. Concurrent callers share one request.
 */
export interface OpenApiRoot {
  paths: Record<string, { serverRelativeURL: string }>;
}

const ROOT_TTL_MS = 60_000;

let rootCache: { at: number; promise: Promise<OpenApiRoot> } | undefined;
const documents = new Map<string, Promise<OpenApiDocument>>();

/** "api/v1" for the core group, "apis/<group>/<version>" otherwise. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

export function loadOpenApiRoot(now = Date.now()): Promise<OpenApiRoot> {
  if (!rootCache || now - rootCache.at > ROOT_TTL_MS) {
    const promise = kubeFetch<OpenApiRoot>('/openapi/v3').then((r) => r.data);
    rootCache = { at: now, promise };
    promise.catch(() => {
      if (rootCache?.promise === promise) rootCache = undefined;
    });
  }
  return rootCache.promise;
}

/** The group-version's document, or undefined when the server does not describe it. */
export async function loadGroupVersionDocument(group: string, version: string): Promise<OpenApiDocument | undefined> {
  let root = await loadOpenApiRoot();
  let entry = root.paths[groupVersionPath(group, version)];
  if (!entry) {
    // A CRD created moments ago: look once more with a fresh root.
    rootCache = undefined;
    root = await loadOpenApiRoot();
    entry = root.paths[groupVersionPath(group, version)];
  }
  if (!entry) return undefined;
  const url = entry.serverRelativeURL;
  let doc = documents.get(url);
  if (!doc) {
    doc = kubeFetch<OpenApiDocument>(url).then((r) => r.data);
    documents.set(url, doc);
    doc.catch(() => documents.delete(url));
  }
  return doc;
}

/** The kind's schema from the live OpenAPI (built-ins and CRDs alike), or undefined. */
export async function loadKindSchema(gvk: GroupVersionKind): Promise<KindSchema | undefined> {
  const doc = await loadGroupVersionDocument(gvk.group, gvk.version);
  return doc ? findKindSchema(doc, gvk) : undefined;
}

/** "apps/v1" → { group: "apps", version: "v1" }; "v1" → core. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.indexOf('/');
  return i < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** Forgets everything (tests; after sign-out). */
export function clearOpenApiCache(): void {
  rootCache = undefined;
  documents.clear();
}

export type { GroupVersionKind, KindSchema, OpenApiDocument, OpenApiSchema } from './openapi-schema';
export { schemaAtPath, childSchema, resolveSchema, findKindSchema, typeLabel, acceptedTypes, allowsUnknownFields } from './openapi-schema';

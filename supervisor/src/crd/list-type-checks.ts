/**
 * Checks that are not JSON-schema keywords but Kubernetes extensions, with apiextensions'
 * messages: `x-kubernetes-list-type` set/map uniqueness (`pkg/apiserver/schema/listtype`) and
 * `x-kubernetes-embedded-resource` type metadata (`pkg/apiserver/schema/objectmeta`).
 */
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import { child, index } from './field-path';
import { isDns1035Label, isDns1123Label, isValidPathSegmentName } from './names';
import type { Report } from './report';
import { canonicalJson } from './value-checks';

/** Indices of the second occurrence of each repeated key (each duplicate is reported once). */
function duplicateIndices(keys: string[]): number[] {
  const seen = new Map<string, number>();
  const found: number[] = [];
  keys.forEach((k, i) => {
    const times = seen.get(k) ?? 0;
    if (times === 1) found.push(i);
    seen.set(k, times + 1);
  });
  return found;
}

export function checkListType(r: Report, list: unknown[], s: SchemaNode, path: string): void {
  const listType = s['x-kubernetes-list-type'];
  if (listType === 'set') {
    for (const i of duplicateIndices(list.map((v) => canonicalJson(v)))) r.duplicate(index(path, i), list[i]);
  } else if (listType === 'map') {
    checkListMap(r, list, s['x-kubernetes-list-map-keys'] ?? [], path);
  }
}

function checkListMap(r: Report, list: unknown[], mapKeys: string[], path: string): void {
  const bad = list.findIndex((item) => item !== null && !isObject(item));
  if (bad >= 0) {
    r.invalid(index(path, bad), list[bad], 'must be an object for an array of list-type map');
    return;
  }
  // A missing key field (or a null item) counts as "unspecified", which is itself a key value.
  const tuples = list.map((item) => {
    const tuple: Record<string, unknown> = {};
    if (isObject(item)) for (const k of mapKeys) if (k in item) tuple[k] = item[k];
    return tuple;
  });
  for (const i of duplicateIndices(tuples.map((t) => canonicalJson(t)))) r.duplicate(index(path, i), tuples[i]);
}

/** apimachinery's ParseGroupVersion accepts "v1" or "group/version", nothing with more slashes. */
function groupVersionError(apiVersion: string): string | undefined {
  const parts = apiVersion.split('/');
  if (parts.length <= 2 && parts.every((p) => p.length > 0)) return undefined;
  return `unexpected GroupVersion string: ${apiVersion}`;
}

/** An object under `x-kubernetes-embedded-resource: true` must carry its own apiVersion and kind. */
export function checkEmbeddedResource(r: Report, value: Record<string, unknown>, path: string): void {
  const apiVersionPath = child(path, 'apiVersion');
  const kindPath = child(path, 'kind');
  const { apiVersion, kind, metadata } = value;
  if (!('apiVersion' in value)) r.required(apiVersionPath, 'must not be empty');
  else if (typeof apiVersion !== 'string') r.invalid(apiVersionPath, apiVersion, 'must be a string');
  else if (apiVersion === '') r.invalid(apiVersionPath, apiVersion, 'must not be empty');
  else {
    const err = groupVersionError(apiVersion);
    if (err) r.invalid(apiVersionPath, apiVersion, err);
  }
  if (!('kind' in value)) r.required(kindPath, 'must not be empty');
  else if (typeof kind !== 'string') r.invalid(kindPath, kind, 'must be a string');
  else if (kind === '') r.invalid(kindPath, kind, 'must not be empty');
  else {
    const errs = isDns1035Label(kind.toLowerCase());
    if (errs.length) r.invalid(kindPath, kind, `may have mixed case, but should otherwise match: ${errs.join(',')}`);
  }
  if (metadata !== undefined) checkEmbeddedMetadata(r, metadata, child(path, 'metadata'));
}

function checkEmbeddedMetadata(r: Report, metadata: unknown, path: string): void {
  if (!isObject(metadata)) {
    r.invalid(path, metadata, 'must be an object');
    return;
  }
  const { name, namespace } = metadata;
  if (typeof name === 'string' && name !== '') {
    for (const msg of isValidPathSegmentName(name)) r.invalid(child(path, 'name'), name, msg);
  }
  if (typeof namespace === 'string' && namespace !== '') {
    for (const msg of isDns1123Label(namespace)) r.invalid(child(path, 'namespace'), namespace, msg);
  }
}

/**
 * The bridge between client-side and server-side apply for the `kubectl` field manager, after
 * apimachinery's lastAppliedManager and lastAppliedUpdater:
 * - a conflict is allowed (the apply is forced) when every conflicting field is in the
 *   `kubectl.kubernetes.io/last-applied-configuration` annotation with the value live still has,
 *   so `kubectl apply --server-side` can take over objects `kubectl apply` created;
 * - after such an apply, an existing annotation is rewritten to the applied configuration, so a later
 *   client-side apply computes its three-way patch from the right base.
 */
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import { compareObjects } from './compare';
import type { FieldSet } from './field-set';
import { fieldSetOf, type FieldScope } from './field-set-of';
import { canonicalJson, cloneJson, isObject, type Obj } from './json-util';
import { metadataOf } from './update-managed-fields';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** Only this manager converts between client-side and server-side apply upstream. */
export const KUBECTL_SSA_MANAGER = 'kubectl';
/** Annotations as a whole may not exceed this many bytes; a larger last-applied is dropped instead. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function lastAppliedOf(obj: unknown): Obj | undefined {
  const annotations = metadataOf(obj).annotations;
  const text = isObject(annotations) ? annotations[LAST_APPLIED_ANNOTATION] : undefined;
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** True when every path of `conflicts` was last applied by client-side apply with the value live still has. */
export function conflictsAllowedByLastApplied(
  live: unknown,
  conflicts: FieldSet,
  schema: SchemaNode | undefined,
  resolve: SchemaResolver,
  scope: FieldScope,
): boolean {
  const lastApplied = lastAppliedOf(live);
  if (!lastApplied) return false;
  const cmp = compareObjects(lastApplied, live, schema, resolve, scope);
  const unchanged = fieldSetOf(lastApplied, schema, resolve, scope).difference(cmp.modified).difference(cmp.removed);
  return conflicts.difference(unchanged).isEmpty();
}

/** Rewrites an existing last-applied annotation on `result` (a private copy) to the applied configuration. */
export function syncLastApplied(result: Obj, applied: Obj): void {
  const meta = metadataOf(result);
  const annotations = meta.annotations;
  if (!isObject(annotations) || !(LAST_APPLIED_ANNOTATION in annotations)) return;
  const config = cloneJson(applied);
  const configAnnotations = metadataOf(config).annotations;
  if (isObject(configAnnotations)) {
    delete configAnnotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(configAnnotations).length === 0) delete metadataOf(config).annotations;
  }
  const value = canonicalJson(config);
  const others = Object.entries(annotations)
    .filter(([k]) => k !== LAST_APPLIED_ANNOTATION)
    .reduce((n, [k, v]) => n + k.length + String(v).length, 0);
  if (others + LAST_APPLIED_ANNOTATION.length + value.length > TOTAL_ANNOTATION_SIZE_LIMIT) delete annotations[LAST_APPLIED_ANNOTATION];
  else annotations[LAST_APPLIED_ANNOTATION] = value;
}

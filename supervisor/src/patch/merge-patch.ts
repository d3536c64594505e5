/**
 * JSON merge patch (RFC 7386), as `kubectl patch --type merge`, `kubectl label/annotate` and
 * client-side apply of custom resources send it (`application/merge-patch+json`).
 */
import { errors } from '../api/errors';
import { cloneJson, isObject, type Obj } from './json-util';

/**
 * Applies `patch` to `doc` and returns a new object; neither input is mutated.
 * `null` members delete, objects merge recursively, anything else (arrays included) replaces.
 * A patch body that is not a JSON object is a 400: the result must be a Kubernetes object.
 */
export function applyMergePatch(doc: unknown, patch: unknown): Obj {
  if (!isObject(patch)) throw errors.badRequest('invalid JSON merge patch: the patch body must be a JSON object');
  // The result shares nothing with the inputs, so callers may edit it freely.
  return mergeInto(isObject(doc) ? cloneJson(doc) : {}, patch);
}

/** Merges `patch` into `out` in place; `out` is always a private copy. */
function mergeInto(out: Obj, patch: Obj): Obj {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isObject(value)) {
      const current = out[key];
      out[key] = mergeInto(isObject(current) ? current : {}, value);
    } else {
      out[key] = cloneJson(value);
    }
  }
  return out;
}

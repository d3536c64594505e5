/**
 * FieldsV1, the JSON form of a field set stored in `metadata.managedFields[].fieldsV1`:
 *   {"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{}}}}}
 * Each key is a path element; `"."` inside an element's object marks the element itself as a member
 * (it also has children); an element with no children is a member written as `{}`.
 */
import type { JsonObject } from '../api/types';
import { canonicalElement } from './field-path';
import { FieldSet } from './field-set';
import { isObject } from './json-util';

/** Encodes a field set as FieldsV1, elements sorted as upstream serialises them ("." first). */
export function fieldSetToFieldsV1(set: FieldSet): JsonObject {
  const out: JsonObject = {};
  for (const element of set.elements()) {
    const below = set.child(element);
    if (below.isEmpty()) {
      out[element] = {};
    } else {
      const encoded = fieldSetToFieldsV1(below);
      out[element] = set.hasMember(element) ? { '.': {}, ...encoded } : encoded;
    }
  }
  return out;
}

/** Decodes FieldsV1 into a field set; throws an Error naming the problem when it is malformed. */
export function fieldSetFromFieldsV1(fields: unknown): FieldSet {
  if (!isObject(fields)) throw new Error('fieldsV1 must be a JSON object');
  const set = new FieldSet();
  decodeInto(set, [], fields);
  return set;
}

function decodeInto(set: FieldSet, prefix: string[], fields: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (!isObject(value)) throw new Error(`fieldsV1 entry ${JSON.stringify(key)} must be a JSON object`);
    if (key === '.') {
      if (prefix.length === 0) throw new Error('fieldsV1 may not mark the root with "."');
      set.insert(prefix);
      continue;
    }
    let element: string;
    try {
      element = canonicalElement(key);
    } catch (e) {
      throw new Error(`fieldsV1 has an invalid path element ${JSON.stringify(key)}: ${(e as Error).message}`);
    }
    const path = [...prefix, element];
    if (Object.keys(value).length === 0) set.insert(path);
    else decodeInto(set, path, value);
  }
}

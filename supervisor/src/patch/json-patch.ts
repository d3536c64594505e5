/**
 * JSON patch (RFC 6902) with JSON pointers (RFC 6901), as `kubectl patch --type json` sends it
 * (`application/json-patch+json`).
 *
 * Error contract (as kube-apiserver): a body that is not a list of well-formed operations is a
 * 400 BadRequest; an operation that cannot be applied (missing path, index out of range, failed
 * `test`) is a 422 Invalid whose message names the operation and the path.
 */
import { ApiError, errors } from '../api/errors';
import { cloneJson, isObject, jsonEqual, preview, type Obj } from './json-util';

/** kube-apiserver refuses patches with more operations than this (`maxJSONPatchOperations`). */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

type Op =
  | { op: 'add' | 'replace' | 'test'; path: string[]; pointer: string; value: unknown }
  | { op: 'remove'; path: string[]; pointer: string }
  | { op: 'move' | 'copy'; path: string[]; pointer: string; from: string[]; fromPointer: string };

/** Applies `patch` to a copy of `doc` and returns the result; `doc` is never mutated. */
export function applyJsonPatch(doc: unknown, patch: unknown): unknown {
  const ops = decodePatch(patch);
  let current = cloneJson(doc);
  for (const op of ops) current = applyOp(current, op);
  return current;
}

/** Parses a JSON pointer into unescaped reference tokens ("" is the whole document). */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer "${pointer}" must be empty or start with "/"`);
  return pointer
    .slice(1)
    .split('/')
    .map((token) => {
      if (/~[^01]|~$/.test(token)) throw new Error(`JSON pointer "${pointer}" has an invalid escape sequence`);
      return token.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

function decodePatch(patch: unknown): Op[] {
  if (!Array.isArray(patch)) throw errors.badRequest('invalid JSON patch: the patch body must be a JSON array of operations');
  if (patch.length > MAX_JSON_PATCH_OPERATIONS) {
    throw errors.tooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${patch.length}`);
  }
  return patch.map((raw, i) => decodeOp(raw, i));
}

function decodeOp(raw: unknown, index: number): Op {
  const bad = (why: string) => errors.badRequest(`invalid JSON patch operation ${index}: ${why}`);
  if (!isObject(raw)) throw bad('an operation must be a JSON object');
  const { op, path } = raw;
  if (typeof op !== 'string') throw bad('missing "op"');
  if (typeof path !== 'string') throw bad(`operation "${op}" is missing a string "path"`);
  const pointer = (p: string) => {
    try {
      return parsePointer(p);
    } catch (e) {
      throw bad((e as Error).message);
    }
  };
  switch (op) {
    case 'add':
    case 'replace':
    case 'test':
      if (!Object.prototype.hasOwnProperty.call(raw, 'value')) throw bad(`operation "${op}" is missing "value"`);
      return { op, path: pointer(path), pointer: path, value: raw.value };
    case 'remove':
      return { op, path: pointer(path), pointer: path };
    case 'move':
    case 'copy': {
      if (typeof raw.from !== 'string') throw bad(`operation "${op}" is missing a string "from"`);
      return { op, path: pointer(path), pointer: path, from: pointer(raw.from), fromPointer: raw.from };
    }
    default:
      throw bad(`unknown operation "${op}"; supported: add, remove, replace, move, copy, test`);
  }
}

/** A 422 Invalid naming the operation and path, with the same text as its single cause. */
function failed(op: string, pointer: string, why: string): ApiError {
  const message = `jsonpatch ${op} operation does not apply: ${why} at path "${pointer}"`;
  return new ApiError(422, 'Invalid', message, { causes: [{ message, field: pointer }] });
}

function applyOp(doc: unknown, op: Op): unknown {
  switch (op.op) {
    case 'add':
      return insert(doc, op.path, cloneJson(op.value), op.op, op.pointer);
    case 'remove':
      return take(doc, op.path, op.op, op.pointer).doc;
    case 'replace': {
      const rest = take(doc, op.path, op.op, op.pointer).doc;
      return insert(rest, op.path, cloneJson(op.value), op.op, op.pointer);
    }
    case 'test': {
      const actual = get(doc, op.path, op.op, op.pointer);
      if (!jsonEqual(actual, op.value)) {
        throw failed('test', op.pointer, `value ${preview(actual)} is not equal to the expected value ${preview(op.value)}`);
      }
      return doc;
    }
    case 'move': {
      if (op.path.length > op.from.length && op.from.every((token, i) => op.path[i] === token)) {
        throw failed('move', op.pointer, `a location cannot be moved into one of its children (from "${op.fromPointer}")`);
      }
      const { doc: rest, value } = take(doc, op.from, op.op, op.fromPointer);
      return insert(rest, op.path, value, op.op, op.pointer);
    }
    case 'copy':
      return insert(doc, op.path, cloneJson(get(doc, op.from, op.op, op.fromPointer)), op.op, op.pointer);
  }
}

/** Parses an array index token; `-` means "after the last element" and is allowed only where `allowEnd`. */
function arrayIndex(token: string, length: number, allowEnd: boolean, op: string, pointer: string): number {
  if (token === '-' && allowEnd) return length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw failed(op, pointer, `"${token}" is not a valid array index`);
  const i = Number(token);
  if (i > length || (!allowEnd && i === length)) throw failed(op, pointer, `index ${i} is out of range (length ${length})`);
  return i;
}

/** Walks to the container holding the last token, failing with a clear message when it is missing. */
function parentOf(doc: unknown, path: string[], op: string, pointer: string): unknown {
  let node = doc;
  for (const token of path.slice(0, -1)) {
    if (Array.isArray(node)) node = node[arrayIndex(token, node.length, false, op, pointer)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, token)) node = node[token];
    else throw failed(op, pointer, 'the document is missing the path');
  }
  return node;
}

function get(doc: unknown, path: string[], op: string, pointer: string): unknown {
  if (path.length === 0) return doc;
  const parent = parentOf(doc, path, op, pointer);
  const last = path[path.length - 1] as string;
  if (Array.isArray(parent)) return parent[arrayIndex(last, parent.length, false, op, pointer)];
  if (isObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) return parent[last];
  throw failed(op, pointer, 'the document is missing the path');
}

/** Adds `value` at `path`, mutating the private copy `doc`; an array index may equal the length (append). */
function insert(doc: unknown, path: string[], value: unknown, op: string, pointer: string): unknown {
  if (path.length === 0) return value;
  const parent = parentOf(doc, path, op, pointer);
  const last = path[path.length - 1] as string;
  if (Array.isArray(parent)) {
    parent.splice(arrayIndex(last, parent.length, true, op, pointer), 0, value);
  } else if (isObject(parent)) {
    (parent as Obj)[last] = value;
  } else {
    throw failed(op, pointer, 'the parent of the path is not an object or an array');
  }
  return doc;
}

/** Removes and returns the value at `path` from the private copy `doc`. */
function take(doc: unknown, path: string[], op: string, pointer: string): { doc: unknown; value: unknown } {
  if (path.length === 0) {
    if (op === 'remove') throw failed(op, pointer, 'the whole document cannot be removed');
    return { doc: undefined, value: doc };
  }
  const parent = parentOf(doc, path, op, pointer);
  const last = path[path.length - 1] as string;
  if (Array.isArray(parent)) {
    const i = arrayIndex(last, parent.length, false, op, pointer);
    return { doc, value: parent.splice(i, 1)[0] };
  }
  if (isObject(parent) && Object.prototype.hasOwnProperty.call(parent, last)) {
    const value = parent[last];
    delete parent[last];
    return { doc, value };
  }
  throw failed(op, pointer, 'the document is missing the path');
}

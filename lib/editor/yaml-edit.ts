import { isMap, isNode, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Node, type Pair } from 'yaml';
import type { YamlDoc } from './yaml-model';
import { cloneDoc } from './yaml-style';

/**
 * Edits on a YAML document that touch only what changes. `setIn` with a collection value does
 * not replace the subtree: it reconciles it — unchanged scalars keep their comments and style,
 * map keys keep their order (new keys are appended, vanished keys removed), sequence items are
 * matched by equal value, then by `name`, then by position — so a form that writes back a whole
 * object (or the whole document, with path []) keeps the user's comments and unknown fields
 * wherever the values did not change.
 *
 * All functions are pure: they return a new Document and never change the one passed in.
 */
export type YamlPath = readonly (string | number)[];

function keyOf(pair: Pair): string {
  const k = pair.key;
  return isScalar(k) ? String(k.value) : String(k);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsOf(node: unknown, doc: YamlDoc): unknown {
  return isNode(node) ? node.toJS(doc, { maxAliasCount: 100 }) : node;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || typeof a !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameValue(x, bb[i]));
  }
  const ak = Object.keys(a as object);
  const bo = b as Record<string, unknown>;
  return ak.length === Object.keys(bo).length && ak.every((k) => Object.hasOwn(bo, k) && sameValue((a as Record<string, unknown>)[k], bo[k]));
}

function carryComments(from: unknown, to: Node): Node {
  if (isNode(from)) {
    if (from.commentBefore && !to.commentBefore) to.commentBefore = from.commentBefore;
    if (from.comment && !to.comment) to.comment = from.comment;
    if (from.spaceBefore) to.spaceBefore = true;
  }
  return to;
}

/** Makes `node` hold `value`, keeping as much of the node as possible. Returns the node to use. */
function reconcile(doc: YamlDoc, node: unknown, value: unknown): unknown {
  if (isPlainObject(value) && isMap(node)) {
    for (const pair of [...node.items]) if (!Object.hasOwn(value, keyOf(pair)) || value[keyOf(pair)] === undefined) node.items.splice(node.items.indexOf(pair), 1);
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      const pair = node.items.find((p) => keyOf(p) === k);
      if (pair) pair.value = reconcile(doc, pair.value, v);
      else node.items.push(doc.createPair(k, v) as Pair<unknown, unknown>);
    }
    return node;
  }
  if (Array.isArray(value) && isSeq(node)) {
    node.items = reconcileItems(doc, node.items, value);
    if (node.flow && value.some((v) => typeof v === 'object' && v !== null)) node.flow = false;
    return node;
  }
  const isValueScalar = value === null || typeof value !== 'object';
  if (isValueScalar && isScalar(node)) {
    if (node.value !== value) {
      const wasString = typeof node.value === 'string';
      node.value = value;
      // A quoted style cannot hold a number or boolean; a new string value lets the library
      // choose quoting again (it quotes "3" or "true" so they stay strings).
      if (!wasString || typeof value !== 'string') node.type = undefined;
      delete node.format;
    }
    return node;
  }
  const created = doc.createNode(value, { aliasDuplicateObjects: false }) as Node;
  return carryComments(node, created);
}

function nameOf(v: unknown): string | undefined {
  return isPlainObject(v) && typeof v.name === 'string' ? v.name : undefined;
}

function reconcileItems(doc: YamlDoc, items: unknown[], values: unknown[]): unknown[] {
  const olds = items.map((n) => jsOf(n, doc));
  const used = new Set<number>();
  const claim = (pred: (old: unknown, j: number) => boolean): number => {
    for (let j = 0; j < items.length; j++) if (!used.has(j) && pred(olds[j], j)) return j;
    return -1;
  };
  const chosen = values.map((v) => {
    const j = claim((o) => sameValue(o, v));
    if (j >= 0) used.add(j);
    return j;
  });
  values.forEach((v, i) => {
    if (chosen[i]! >= 0) return;
    const name = nameOf(v);
    let j = name === undefined ? -1 : claim((o) => nameOf(o) === name);
    if (j < 0 && i < items.length && !used.has(i) && (name === undefined || nameOf(olds[i]) === undefined)) j = i;
    if (j >= 0) {
      used.add(j);
      chosen[i] = j;
    }
  });
  return values.map((v, i) => {
    const j = chosen[i]!;
    return j >= 0 ? reconcile(doc, items[j], v) : doc.createNode(v, { aliasDuplicateObjects: false });
  });
}

function childOf(node: unknown, key: string | number): unknown {
  if (isMap(node)) return node.items.find((p) => keyOf(p) === String(key))?.value;
  if (isSeq(node) && typeof key === 'number') return node.items[key];
  return undefined;
}

/** The node at `path` (undefined when absent). */
export function nodeAt(doc: YamlDoc, path: YamlPath): unknown {
  let node: unknown = doc.contents;
  for (const key of path) {
    node = childOf(node, key);
    if (node === undefined) return undefined;
  }
  return node;
}

export function hasIn(doc: YamlDoc, path: YamlPath): boolean {
  return path.length === 0 ? doc.contents !== null : nodeAt(doc, path) !== undefined;
}

/** The plain value at `path`, or undefined. */
export function getIn(doc: YamlDoc, path: YamlPath): unknown {
  const node = path.length === 0 ? doc.contents : nodeAt(doc, path);
  return node === undefined || node === null ? (path.length === 0 ? null : undefined) : jsOf(node, doc);
}

function setChild(doc: YamlDoc, parent: unknown, key: string | number, value: unknown): void {
  if (isMap(parent)) {
    const pair = parent.items.find((p) => keyOf(p) === String(key));
    if (pair) pair.value = reconcile(doc, pair.value, value);
    else parent.items.push(doc.createPair(key, value) as Pair<unknown, unknown>);
  } else if (isSeq(parent) && typeof key === 'number') {
    if (key < parent.items.length) parent.items[key] = reconcile(doc, parent.items[key], value);
    else {
      while (parent.items.length < key) parent.items.push(new Scalar(null));
      parent.items.push(doc.createNode(value, { aliasDuplicateObjects: false }));
    }
  } else {
    throw new Error(`cannot set ${String(key)}: the parent is not a mapping or sequence`);
  }
}

/**
 * Sets the value at `path`, creating missing mappings (or sequences for numeric keys) on the
 * way. `undefined` deletes. A scalar in the way of the path is replaced by a collection.
 */
export function setIn(doc: YamlDoc, path: YamlPath, value: unknown): YamlDoc {
  if (value === undefined) return deleteIn(doc, path);
  const out = cloneDoc(doc);
  if (path.length === 0) {
    out.contents = reconcile(out, out.contents, value) as typeof out.contents;
    return out;
  }
  if (!isMap(out.contents) && !isSeq(out.contents)) out.contents = (typeof path[0] === 'number' ? new YAMLSeq() : new YAMLMap()) as unknown as typeof out.contents;
  let node: unknown = out.contents;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    let next = childOf(node, key);
    if (!isMap(next) && !isSeq(next)) {
      next = typeof path[i + 1] === 'number' ? new YAMLSeq() : new YAMLMap();
      setChild(out, node, key, null);
      if (isMap(node)) node.items.find((p) => keyOf(p) === String(key))!.value = next;
      else (node as YAMLSeq).items[key as number] = next;
    }
    node = next;
  }
  setChild(out, node, path[path.length - 1]!, value);
  return out;
}

/** Removes the value at `path` (a map key, or a sequence item — later items shift up). */
export function deleteIn(doc: YamlDoc, path: YamlPath): YamlDoc {
  const out = cloneDoc(doc);
  if (path.length === 0) {
    out.contents = null;
    return out;
  }
  const parent = path.length === 1 ? out.contents : nodeAt(out, path.slice(0, -1));
  const key = path[path.length - 1]!;
  if (isMap(parent)) {
    const i = parent.items.findIndex((p) => keyOf(p) === String(key));
    if (i >= 0) parent.items.splice(i, 1);
  } else if (isSeq(parent) && typeof key === 'number' && key < parent.items.length) {
    parent.items.splice(key, 1);
  }
  return out;
}

import type { KubeObject } from '../k8s/types';
import { deepEqual, isPlainObject, namedItems } from './changes';
import type { YamlPath } from './yaml-edit';
import { setIn, toObject, toText, type YamlDoc } from './yaml-model';
import { formatPath } from './yaml-paths';

/**
 * Three-way merge for the 409 view: base = what the user started from, theirs = the server's
 * object now, mine = the user's edit. A field changed on one side only takes that side; changed
 * the same way on both, either; changed differently, it is a conflict, resolved per conflict by
 * the user's choice — by default theirs loses (nothing the user typed is dropped). Mappings merge
 * key by key and lists of named items (containers, env, ports, volumes) item by name; other
 * lists are single values. Server-owned metadata (resourceVersion, uid, generation, …) always
 * comes from the server, so the rebased edit saves against the current version.
 */
export type Side = 'mine' | 'theirs';

export interface MergeConflict {
  /** Stable id for choosing a side; named items appear as `containers[name=web]`. */
  id: string;
  /** Where it is in my edit (for locating it in my text). */
  path: YamlPath;
  base: unknown;
  theirs: unknown;
  mine: unknown;
  chosen: Side;
}

export interface MergeResult {
  merged: unknown;
  conflicts: MergeConflict[];
}

const SERVER_OWNED = new Set(['metadata.resourceVersion', 'metadata.uid', 'metadata.generation', 'metadata.creationTimestamp', 'metadata.selfLink', 'metadata.managedFields', 'status']);

interface Ctx {
  choices: Readonly<Record<string, Side>>;
  conflicts: MergeConflict[];
}

function merge(base: unknown, theirs: unknown, mine: unknown, path: (string | number)[], id: string, ctx: Ctx): unknown {
  if (SERVER_OWNED.has(formatPath(path))) return theirs;
  if (deepEqual(theirs, mine)) return mine;
  if (deepEqual(base, mine)) return theirs;
  if (deepEqual(base, theirs)) return mine;
  if (isPlainObject(theirs) && isPlainObject(mine) && (base === undefined || isPlainObject(base))) {
    const b = (base ?? {}) as Record<string, unknown>;
    const keys = [...Object.keys(mine), ...Object.keys(theirs).filter((k) => !Object.hasOwn(mine, k))];
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = merge(b[k], theirs[k], mine[k], [...path, k], id ? `${id}.${k}` : k, ctx);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  const tn = namedItems(theirs);
  const mn = namedItems(mine);
  const bn = base === undefined || (Array.isArray(base) && base.length === 0) ? [] : namedItems(base);
  if (tn && mn && bn && Array.isArray(theirs) && Array.isArray(mine)) {
    const b = (base ?? []) as unknown[];
    const names = [...mn, ...tn.filter((n) => !mn.includes(n) && !bn.includes(n))];
    const out: unknown[] = [];
    for (const name of names) {
      const at = mn.indexOf(name);
      const v = merge(b[bn.indexOf(name)], theirs[tn.indexOf(name)], mine[at], [...path, at >= 0 ? at : out.length], `${id}[name=${name}]`, ctx);
      if (v !== undefined) out.push(v);
    }
    return out;
  }
  const chosen = ctx.choices[id] ?? 'mine';
  ctx.conflicts.push({ id, path, base, theirs, mine, chosen });
  return chosen === 'mine' ? mine : theirs;
}

export function merge3(base: unknown, theirs: unknown, mine: unknown, choices: Readonly<Record<string, Side>> = {}): MergeResult {
  const ctx: Ctx = { choices, conflicts: [] };
  const merged = merge(base, theirs, mine, [], '', ctx);
  return { merged, conflicts: ctx.conflicts };
}

function withoutServerNoise(obj: unknown, keepStatus: boolean): unknown {
  if (!isPlainObject(obj)) return obj;
  const out: Record<string, unknown> = { ...obj };
  if (!keepStatus) delete out.status;
  if (isPlainObject(out.metadata)) {
    const { managedFields: _mf, ...meta } = out.metadata;
    out.metadata = meta;
  }
  return out;
}

export interface Rebased {
  doc: YamlDoc;
  text: string;
  conflicts: MergeConflict[];
  /** The object the rebased text holds. */
  merged: KubeObject;
}

/**
 * My edit re-applied on top of the server's current object, written into MY document so my
 * comments and layout stay where the values did not change. managedFields are never merged;
 * status only when my text holds one.
 */
export function rebase(mineDoc: YamlDoc, base: KubeObject, theirs: KubeObject, choices: Readonly<Record<string, Side>> = {}): Rebased {
  const mine = toObject(mineDoc);
  const keepStatus = isPlainObject(mine) && Object.hasOwn(mine, 'status');
  const result = merge3(withoutServerNoise(base, keepStatus), withoutServerNoise(theirs, keepStatus), withoutServerNoise(mine, keepStatus), choices);
  const doc = setIn(mineDoc, [], result.merged);
  return { doc, text: toText(doc), conflicts: result.conflicts, merged: result.merged as KubeObject };
}

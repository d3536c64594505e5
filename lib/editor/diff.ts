import { stringify } from 'yaml';
import type { KubeObject } from '../k8s/types';

/**
 * What a save will change, for the review step: a line diff (Myers' O(ND) algorithm, after
 * trimming the common head and tail) of the live object against the object to be sent, both
 * written the same way — managedFields and status left out (a PUT of the main resource never
 * changes status), keys of the edit ordered like the live object so only real changes show.
 */
export type DiffOp = 'same' | 'add' | 'del';

export interface DiffLine {
  op: DiffOp;
  text: string;
  /** 1-based line numbers in the old / new text. */
  oldNo?: number;
  newNo?: number;
}

export interface DiffHunk {
  oldStart: number;
  newStart: number;
  lines: DiffLine[];
}

/** Above this many differences the diff gives up on alignment and shows delete-then-add. */
const MAX_EDITS = 4000;

function myers(a: readonly string[], b: readonly string[]): DiffOp[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > MAX_EDITS) return undefined;
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m);
    }
  }
  return undefined;
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('same');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? 'add' : 'del');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** The line diff of two texts. */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const b = newText === '' ? [] : newText.replace(/\n$/, '').split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: DiffOp[] = [...Array<DiffOp>(head).fill('same'), ...(myers(midA, midB) ?? [...Array<DiffOp>(midA.length).fill('del'), ...Array<DiffOp>(midB.length).fill('add')]), ...Array<DiffOp>(tail).fill('same')];
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === 'same') out.push({ op, text: a[i]!, oldNo: ++i, newNo: ++j });
    else if (op === 'del') out.push({ op, text: a[i]!, oldNo: ++i });
    else out.push({ op, text: b[j]!, newNo: ++j });
  }
  return out;
}

/** Groups changed lines with `context` unchanged lines around them. */
export function diffHunks(lines: readonly DiffLine[], context = 3): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let current: DiffLine[] = [];
  let lastChange = -Infinity;
  lines.forEach((line, i) => {
    if (line.op !== 'same') {
      if (current.length === 0 || i - lastChange > 2 * context) {
        if (current.length) hunks.push(toHunk([...current, ...lines.slice(lastChange + 1, lastChange + 1 + context)]));
        current = lines.slice(Math.max(0, i - context), i);
      } else {
        current.push(...lines.slice(lastChange + 1, i));
      }
      current.push(line);
      lastChange = i;
    }
  });
  if (current.length) hunks.push(toHunk([...current, ...lines.slice(lastChange + 1, lastChange + 1 + context)]));
  return hunks;
}

function toHunk(lines: DiffLine[]): DiffHunk {
  const firstOld = lines.find((l) => l.oldNo !== undefined)?.oldNo ?? 0;
  const firstNew = lines.find((l) => l.newNo !== undefined)?.newNo ?? 0;
  return { oldStart: firstOld, newStart: firstNew, lines };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `value` with its mapping keys in `like`'s order (keys `like` lacks come last). */
export function alignKeys(value: unknown, like: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => alignKeys(v, Array.isArray(like) ? like[i] : undefined));
  if (!isObj(value)) return value;
  const ref = isObj(like) ? like : {};
  const keys = [...Object.keys(ref).filter((k) => k in value), ...Object.keys(value).filter((k) => !(k in ref))];
  return Object.fromEntries(keys.map((k) => [k, alignKeys(value[k], ref[k])]));
}

/** The object as the review shows it: no managedFields, no status. */
export function comparable(obj: KubeObject): KubeObject {
  const { status: _status, ...rest } = obj;
  const { managedFields: _mf, ...metadata } = obj.metadata ?? {};
  return { ...rest, metadata };
}

export function reviewText(obj: unknown): string {
  return stringify(obj, { lineWidth: 0, aliasDuplicateObjects: false, indentSeq: false });
}

/** The line diff between the live object and the object a save would send. */
export function diffForSave(live: KubeObject, edited: KubeObject): DiffLine[] {
  const before = comparable(live);
  const after = alignKeys(comparable(edited), before);
  return diffLines(reviewText(before), reviewText(after));
}

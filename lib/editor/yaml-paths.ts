import { isMap, isNode, isScalar, isSeq, type Pair } from 'yaml';
import type { YamlPath } from './yaml-edit';
import type { YamlDoc } from './yaml-model';

/**
 * Field paths between their three spellings — the model's ['spec', 'containers', 0, 'image'],
 * the API server's `spec.containers[0].image` (also `.spec.foo`, `metadata.labels[app.k8s.io/x]`)
 * — and the character ranges of a parsed document, so errors land on the right line.
 */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** "spec.template.spec.containers[0].image"; keys that are not identifiers go in brackets. */
export function formatPath(path: YamlPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (PLAIN_KEY.test(p)) out += out ? `.${p}` : p;
    else out += `[${p}]`;
  }
  return out;
}

/** Parses the API server's field paths; `[0]` is an index, `[key]` a map key. */
export function parseFieldPath(field: string): YamlPath {
  const out: (string | number)[] = [];
  let i = field.startsWith('.') ? 1 : 0;
  let cur = '';
  const flush = () => {
    if (cur) out.push(cur);
    cur = '';
  };
  while (i < field.length) {
    const ch = field[i]!;
    if (ch === '.') {
      flush();
      i++;
    } else if (ch === '[') {
      flush();
      const end = field.indexOf(']', i);
      if (end < 0) {
        cur = field.slice(i);
        break;
      }
      const inner = field.slice(i + 1, end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end + 1;
    } else {
      cur += ch;
      i++;
    }
  }
  flush();
  return out;
}

export interface TextRange {
  from: number;
  to: number;
}

function keyName(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function rangeOf(node: unknown): TextRange | undefined {
  if (!isNode(node) || !node.range) return undefined;
  return { from: node.range[0], to: node.range[1] };
}

/**
 * The text range of the value (or of the key, for 'key') at `path`, in a document parsed from
 * text; `matched` is how many path steps exist — a missing field resolves to its nearest
 * existing ancestor (the ancestor's key when there is one).
 */
export function locate(doc: YamlDoc, path: YamlPath, part: 'key' | 'value' = 'value'): TextRange & { matched: number } {
  let node: unknown = doc.contents;
  let keyRange: TextRange | undefined;
  let best: TextRange = rangeOf(node) ?? { from: 0, to: 0 };
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    let next: unknown;
    let nextKey: TextRange | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyName(p) === String(step));
      if (pair) {
        next = pair.value;
        nextKey = rangeOf(pair.key);
      }
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step];
    }
    if (next === undefined && !nextKey) return { ...(keyRange ?? best), matched: i };
    node = next;
    keyRange = nextKey;
    best = rangeOf(next) ?? nextKey ?? best;
  }
  const chosen = part === 'key' ? (keyRange ?? best) : isNode(node) ? best : (keyRange ?? best);
  return { ...chosen, matched: path.length };
}

/** The first line's end within a range, so a diagnostic on a big subtree marks one line. */
export function firstLineOf(text: string, r: TextRange): TextRange {
  const nl = text.indexOf('\n', r.from);
  return { from: r.from, to: nl >= 0 && nl < r.to ? nl : Math.max(r.to, r.from) };
}

import type { YamlPath } from './yaml-edit';

/**
 * Where a cursor is in block-style YAML, read from the text's indentation alone — so completion
 * and hover keep working while the text is half-typed and does not parse. Flow collections
 * (`{a: 1}`, `[x]`) are not looked into; Kubernetes YAML rarely nests in flow style.
 */
export interface CursorContext {
  /** Path of the mapping (position 'key') or of the key whose value is being typed. */
  path: YamlPath;
  position: 'key' | 'value';
  /** For 'value': the key; for 'key': the partial key typed so far. */
  key: string;
  /** The text typed so far at the cursor (partial key, or partial value). */
  prefix: string;
  /** Offset where `prefix` starts. */
  from: number;
  /** Keys already present in the same mapping (for 'key'). */
  siblings: string[];
}

interface LineInfo {
  blank: boolean;
  indent: number;
  /** Columns of leading "- " sequence markers, left to right. */
  dashes: number[];
  /** The key on the line (after the markers), if any. */
  key?: { col: number; name: string };
  /** Column where the content after the markers starts. */
  content: number;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#:][^:#]*?)\s*:(?:\s|$)/;

function unquote(k: string): string {
  if (k.startsWith('"') && k.endsWith('"')) return k.slice(1, -1).replace(/\\"/g, '"');
  if (k.startsWith("'") && k.endsWith("'")) return k.slice(1, -1).replace(/''/g, "'");
  return k.trim();
}

function lineInfo(line: string): LineInfo {
  let c = 0;
  while (line[c] === ' ') c++;
  const indent = c;
  if (c >= line.length || line[c] === '#') return { blank: true, indent, dashes: [], content: c };
  const dashes: number[] = [];
  while (line[c] === '-' && (line[c + 1] === ' ' || c + 1 === line.length)) {
    dashes.push(c);
    c++;
    while (line[c] === ' ') c++;
  }
  const m = KEY.exec(line.slice(c));
  return { blank: false, indent, dashes, content: c, key: m ? { col: c, name: unquote(m[1]!) } : undefined };
}

type Target = { kind: 'map'; col: number } | { kind: 'seq'; col: number; count: number };

/**
 * Walks up from `infos[start]` (the cursor's line) to the root, building the path of the
 * mapping whose keys sit at column `col`. For a sequence, `count` is the number of its items
 * seen so far, our own included, so the item's index is count - 1.
 */
function walkUp(infos: LineInfo[], start: number, col: number): { path: (string | number)[]; siblings: string[] } {
  const path: (string | number)[] = [];
  const siblings: string[] = [];
  let target: Target = { kind: 'map', col };
  let inFirstMap = true;
  let i = start;
  while (i >= 0) {
    const info = infos[i]!;
    if (info.blank || (target.kind === 'map' ? info.content : info.indent) > target.col) {
      i--;
      continue;
    }
    if (target.kind === 'map') {
      if (info.content === target.col && info.key?.col === target.col) {
        if (inFirstMap && i !== start) siblings.push(info.key.name);
        const opening = info.dashes.filter((d) => d < target.col);
        if (opening.length > 0) {
          // "- key:" starts an item; in "- - key:" the inner sequences start here too (index 0).
          inFirstMap = false;
          for (let k = 1; k < opening.length; k++) path.unshift(0);
          target = { kind: 'seq', col: opening[0]!, count: 1 };
        }
        i--;
        continue;
      }
      if (info.key && info.key.col < target.col) {
        path.unshift(info.key.name);
        inFirstMap = false;
        target = { kind: 'map', col: info.key.col };
        continue; // the same line may start an item of an outer sequence
      }
      i--; // a line that is not a key (half-typed text, a scalar): not structure
      continue;
    }
    const at = info.dashes.indexOf(target.col);
    if (at >= 0) {
      target.count++;
      if (at > 0) {
        path.unshift(target.count - 1);
        for (let k = 1; k < at; k++) path.unshift(0);
        target = { kind: 'seq', col: info.dashes[0]!, count: 1 };
      }
      i--;
      continue;
    }
    if (info.key && info.key.col <= target.col) {
      path.unshift(target.count - 1);
      path.unshift(info.key.name);
      target = { kind: 'map', col: info.key.col };
      continue;
    }
    i--;
  }
  if (target.kind === 'seq') path.unshift(target.count - 1);
  return { path, siblings };
}

/** Keys at the same level below the cursor line, until the mapping ends. */
function siblingsBelow(infos: LineInfo[], col: number): string[] {
  const out: string[] = [];
  for (const info of infos) {
    if (info.blank) continue;
    if (info.content < col || (info.dashes.length > 0 && info.content === col)) break;
    if (info.key && info.key.col === col) out.push(info.key.name);
  }
  return out;
}

export function cursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const above = lineStart > 0 ? text.slice(0, lineStart - 1).split('\n') : [];
  const lineEnd = text.indexOf('\n', offset);
  const below = lineEnd < 0 ? [] : text.slice(lineEnd + 1).split('\n');
  const before = text.slice(lineStart, offset);
  const info = lineInfo(before);
  const infos = above.map(lineInfo);
  if (info.key) {
    const rest = before.slice(info.key.col).replace(KEY, '');
    const typed = rest.trimStart();
    const ctx = walkUp([...infos, info], infos.length, info.key.col);
    return { path: [...ctx.path, info.key.name], position: 'value', key: info.key.name, prefix: typed, from: offset - typed.length, siblings: [] };
  }
  const col = info.content;
  const prefix = before.slice(col);
  // The half-typed key stands in as the cursor line's key, so "- pa" still opens an item.
  const ctx = walkUp([...infos, { ...info, blank: false, key: { col, name: prefix } }], infos.length, col);
  const rest = siblingsBelow(below.map(lineInfo), col);
  return { path: ctx.path, position: 'key', key: prefix, prefix, from: lineStart + col, siblings: [...new Set([...ctx.siblings, ...rest])] };
}

/**
 * Cheap, linear checks that run on raw YAML text BEFORE the parser sees it, so hostile input
 * (huge bodies, thousands of nested brackets) is refused in milliseconds instead of making the
 * parser slow or overflow the stack. The depth scan is an over-approximation of YAML structure
 * (block indentation levels plus open flow brackets outside quotes, comments and block scalars);
 * the exact depth is checked again on the parsed document.
 */
export const DEFAULT_MAX_BYTES = 1.5 * 1024 * 1024;
export const DEFAULT_MAX_ALIASES = 100;
export const DEFAULT_MAX_DEPTH = 100;

/** UTF-8 byte length without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** "2.1 MiB", "1.5 MiB", "640 KiB", "12 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim((bytes / (1024 * 1024)).toFixed(1))} MiB`;
  if (bytes >= 1024) return `${trim((bytes / 1024).toFixed(1))} KiB`;
  return `${bytes} bytes`;
}

function trim(n: string): string {
  return n.endsWith('.0') ? n.slice(0, -2) : n;
}

export interface DepthExceeded {
  depth: number;
  /** 1-based line where the limit was first passed. */
  line: number;
}

const TOKEN_START = new Set([' ', '\t', '[', '{', ',', ':', '-', '?', '']);

/** The first place where nesting passes `maxDepth`, or undefined. Linear in the text's length. */
export function scanDepth(text: string, maxDepth: number): DepthExceeded | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '' | '"' | "'" = '';
  let blockScalarIndent = -1;
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lineNo++;
    const line = text.slice(start, end);
    start = end + 1;
    let col = 0;
    while (col < line.length && line[col] === ' ') col++;
    const blank = col >= line.length || line[col] === '#' || line.trim() === '';
    if (blockScalarIndent >= 0) {
      if (blank || col > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (blank && !quote) continue;
    if (flow === 0 && !quote) {
      if (line.startsWith('---') || line.startsWith('...')) {
        indents.length = 0;
        continue;
      }
      while (indents.length > 0 && indents[indents.length - 1]! >= col) indents.pop();
      indents.push(col);
      // Compact nested sequences ("- - - x") nest one level per dash.
      let c = col;
      while (line[c] === '-' && (line[c + 1] === ' ' || c + 1 === line.length)) {
        c += 2;
        while (line[c] === ' ') c++;
        indents.push(c);
      }
      if (indents.length > maxDepth) return { depth: indents.length, line: lineNo };
    }
    for (let i = col; i < line.length; i++) {
      const ch = line[i]!;
      if (quote) {
        if (quote === '"' && ch === '\\') i++;
        else if (ch === quote) {
          if (quote === "'" && line[i + 1] === "'") i++;
          else quote = '';
        }
        continue;
      }
      const prev = i === 0 ? '' : line[i - 1]!;
      if (ch === '#' && (prev === ' ' || prev === '\t' || prev === '')) break;
      if ((ch === '"' || ch === "'") && TOKEN_START.has(prev)) quote = ch;
      else if ((ch === '[' || ch === '{') && (flow > 0 || TOKEN_START.has(prev))) {
        flow++;
        if (indents.length + flow > maxDepth) return { depth: indents.length + flow, line: lineNo };
      } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
      else if ((ch === '|' || ch === '>') && flow === 0 && (prev === ' ' || prev === '') && /^[|>][-+0-9]*\s*(#.*)?$/.test(line.slice(i))) {
        blockScalarIndent = col;
        break;
      }
    }
  }
  return undefined;
}

/**
 * Parser for the JSONPath dialect of client-go `util/jsonpath` (what CRD printer columns and
 * `kubectl -o jsonpath` use): a template of literal text and `{…}` actions; inside an action
 * `.field`, `['key']`, `[i]`, `[start:end:step]`, `[*]`, `.*`, `..field`, unions `[a,b]`,
 * filters `[?(@.k op v)]` / `[?(@.k)]`, and quoted or numeric literals.
 *
 * Deliberate differences from upstream, both fixing upstream surprises:
 * - `['a.b']` is one key named `a.b` (upstream re-parses the key as a path and splits it on dots);
 * - `[start:end:step]` steps (upstream passes `step` to Go's 3-index slice, i.e. as a capacity).
 * `range`/`end` (kubectl template loops) are not supported; they fail at evaluation.
 */

export type PathNode =
  | { kind: 'field'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'recursive' }
  | { kind: 'slice'; start: number | null; end: number | null; endDerived: boolean; step: number | null }
  | { kind: 'union'; branches: PathNode[][] }
  | { kind: 'filter'; left: PathNode[]; op: string; right: PathNode[] }
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'identifier'; name: string };

export type TemplatePart = { kind: 'text'; value: string } | { kind: 'action'; nodes: PathNode[] };

export class JsonPathSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPathSyntaxError';
  }
}

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$|^"([^"]*)"$/;
const COMPARISON = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const isAlphaNumeric = (c: string): boolean => c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
const isTerminator = (c: string | undefined): boolean => c === undefined || ' \t\r\n.,[]$@{}'.includes(c);

/** Parses a template; text outside `{…}` is literal. */
export function parseTemplate(text: string): TemplatePart[] {
  return new Parser(text).template();
}

/** Parses a bare expression (the inside of one action), as upstream's `parseAction`. */
export function parseExpression(text: string): PathNode[] {
  const parts = parseTemplate(`{${text}}`);
  const first = parts[0];
  return first !== undefined && first.kind === 'action' ? first.nodes : [];
}

class Parser {
  private pos = 0;

  constructor(private readonly input: string) {}

  template(): TemplatePart[] {
    const parts: TemplatePart[] = [];
    while (this.pos < this.input.length) {
      const open = this.input.indexOf('{', this.pos);
      const end = open < 0 ? this.input.length : open;
      if (end > this.pos) parts.push({ kind: 'text', value: this.input.slice(this.pos, end) });
      if (open < 0) break;
      this.pos = open + 1;
      parts.push({ kind: 'action', nodes: this.action() });
    }
    return parts;
  }

  /** Parses up to and including the closing `}`. */
  private action(): PathNode[] {
    const nodes: PathNode[] = [];
    for (;;) {
      if (this.input.startsWith('}', this.pos)) {
        this.pos++;
        return nodes;
      }
      if (this.input.startsWith('[?(', this.pos)) {
        nodes.push(this.filter());
        continue;
      }
      if (this.input.startsWith('..', this.pos)) {
        if (nodes.at(-1)?.kind === 'recursive') throw new JsonPathSyntaxError('invalid multiple recursive descent');
        this.pos += 2;
        nodes.push({ kind: 'recursive' });
        const next = this.input[this.pos];
        if (next !== undefined && isAlphaNumeric(next)) nodes.push(this.field());
        continue;
      }
      const c = this.input[this.pos];
      if (c === undefined || c === '\r' || c === '\n') throw new JsonPathSyntaxError('unclosed action');
      if (c === ' ' || c === '@' || c === '$') {
        this.pos++;
      } else if (c === '[') {
        nodes.push(this.array());
      } else if (c === '"' || c === "'") {
        nodes.push({ kind: 'text', value: this.quoted(c) });
      } else if (c === '.') {
        this.pos++;
        nodes.push(this.field());
      } else if (c === '+' || c === '-' || /\d/.test(c)) {
        nodes.push(this.number());
      } else if (isAlphaNumeric(c)) {
        nodes.push(this.identifier());
      } else {
        throw new JsonPathSyntaxError(`unrecognized character in action: ${JSON.stringify(c)}`);
      }
    }
  }

  /** A field name runs to the next unescaped terminator; backslashes escape (and are dropped). */
  private field(): PathNode {
    const start = this.pos;
    while (!isTerminator(this.input[this.pos])) this.pos += this.input[this.pos] === '\\' ? 2 : 1;
    this.pos = Math.min(this.pos, this.input.length);
    const raw = this.input.slice(start, this.pos);
    return raw === '*' ? { kind: 'wildcard' } : { kind: 'field', name: raw.replace(/\\/g, '') };
  }

  private array(): PathNode {
    const close = this.input.indexOf(']', this.pos);
    const newline = this.input.indexOf('\n', this.pos);
    if (close < 0 || (newline >= 0 && newline < close)) throw new JsonPathSyntaxError('unterminated array');
    let text = this.input.slice(this.pos + 1, close);
    this.pos = close + 1;
    if (text === '*') text = ':';
    const pieces = text.split(',');
    if (pieces.length > 1) return { kind: 'union', branches: pieces.map((p) => parseExpression(`[${p.trim()}]`)) };
    const key = DICT_KEY.exec(text);
    if (key) return { kind: 'field', name: key[1] ?? key[2] ?? '' };
    return slice(text);
  }

  private filter(): PathNode {
    this.pos += 3;
    const start = this.pos;
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const c = this.input[this.pos++];
      if (c === undefined || c === '\n') throw new JsonPathSyntaxError('unterminated filter');
      if (c === '"' || c === "'") {
        if (!begin) {
          begin = true;
          pair = c;
        } else if (this.input[this.pos - 2] !== '\\' && c === pair) {
          end = true;
        }
      } else if (c === ')' && begin === end) {
        break;
      }
    }
    if (this.input[this.pos++] !== ']') throw new JsonPathSyntaxError('unclosed array expect ]');
    const text = this.input.slice(start, this.pos - 2);
    const m = COMPARISON.exec(text);
    if (!m) return { kind: 'filter', left: parseExpression(text), op: 'exists', right: [] };
    return { kind: 'filter', left: parseExpression(m[1] ?? ''), op: m[2] ?? '', right: parseExpression(m[3] ?? '') };
  }

  private quoted(quote: string): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const c = this.input[this.pos++];
      if (c === undefined || c === '\n') throw new JsonPathSyntaxError('unterminated quoted string');
      if (c === quote && this.input[this.pos - 2] !== '\\') break;
    }
    return unquote(this.input.slice(start + 1, this.pos - 1), quote);
  }

  private number(): PathNode {
    const start = this.pos;
    if (this.input[this.pos] === '+' || this.input[this.pos] === '-') this.pos++;
    while (/[\d.]/.test(this.input[this.pos] ?? '')) this.pos++;
    const text = this.input.slice(start, this.pos);
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new JsonPathSyntaxError(`cannot parse number ${text}`);
    return { kind: 'number', value: Number(text) };
  }

  private identifier(): PathNode {
    const start = this.pos;
    while (!isTerminator(this.input[this.pos])) this.pos++;
    const name = this.input.slice(start, this.pos);
    if (name === 'true' || name === 'false') return { kind: 'bool', value: name === 'true' };
    return { kind: 'identifier', name };
  }
}

function slice(text: string): PathNode {
  const m = SLICE.exec(text);
  if (!m) throw new JsonPathSyntaxError(`invalid array index ${text}`);
  const num = (s: string): number => {
    if (!/^-?\d+$/.test(s)) throw new JsonPathSyntaxError(`array index ${s} is not a number`);
    return Number(s);
  };
  const startText = m[1] ?? '';
  const start = startText === '' ? null : num(startText);
  const endText = m[2];
  // `[i]` alone selects one element: its end is derived as i+1 (and [-1] reaches the last one).
  if (endText === undefined) return { kind: 'slice', start, end: (start ?? 0) + 1, endDerived: true, step: null };
  const end = endText.length > 1 ? num(endText.slice(1)) : null;
  const stepText = m[3];
  const step = stepText !== undefined && stepText.length > 1 ? num(stepText.slice(1)) : null;
  return { kind: 'slice', start, end, endDerived: false, step };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Go `strconv.Unquote` escapes, for either quote character. */
function unquote(body: string, quote: string): string {
  if (!body.includes('\\')) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    const simple = SIMPLE_ESCAPES[e];
    const hexLength = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (simple !== undefined && (e !== "'" || quote === "'") && (e !== '"' || quote === '"')) {
      out += simple;
    } else if (hexLength > 0 && /^[0-9a-fA-F]+$/.test(body.slice(i + 1, i + 1 + hexLength)) && i + hexLength < body.length) {
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + hexLength), 16));
      i += hexLength;
    } else if (/^[0-7]{3}$/.test(body.slice(i, i + 3))) {
      out += String.fromCharCode(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else {
      throw new JsonPathSyntaxError(`unquote string ${quote}${body}${quote} error invalid syntax`);
    }
  }
  return out;
}

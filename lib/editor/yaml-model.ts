import { Document, LineCounter, isAlias, isCollection, isDocument, isMap, isNode, isPair, isScalar, parseAllDocuments, type Node } from 'yaml';
import { DEFAULT_MAX_ALIASES, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, formatBytes, scanDepth, utf8Length } from './yaml-limits';
import { rememberStyle } from './yaml-style';

/**
 * One YAML document as an editable model over `yaml`'s Document API (comments, key order and
 * unknown fields survive), parsed safely: size is checked before parsing, nesting depth with a
 * linear pre-scan and again on the result, aliases by count and by expansion. Every failure is a
 * YamlError with a plain message and a 1-based line/column; the text is never changed or lost.
 *
 * Edits (setIn/deleteIn/getIn) live in ./yaml-edit and are re-exported here, so the sync engine
 * is one import: form change → setIn → toText; text change → parseYamlSafe → value or error.
 */
export type YamlDoc = Document.Parsed | Document;

export type YamlErrorCode = 'too-large' | 'too-many-aliases' | 'alias-expansion' | 'too-deep' | 'duplicate-key' | 'multiple-documents' | 'syntax';

export interface YamlError {
  code: YamlErrorCode;
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Character offsets of the offending text (from === to when unknown). */
  from: number;
  to: number;
}

export interface ParseOptions {
  /** UTF-8 bytes; default 1.5 MiB. */
  maxBytes?: number;
  /** Alias nodes in the text, and alias expansions when converting; default 100. */
  maxAliases?: number;
  /** Nested collections; default 100. */
  maxDepth?: number;
}

export type ParseResult = { ok: true; doc: YamlDoc; value: unknown } | { ok: false; error: YamlError; errors: YamlError[] };

export interface ParsedDocument {
  doc: YamlDoc;
  value: unknown;
  /** 0-based position among the non-empty documents. */
  index: number;
  /** 1-based line where the document's content starts. */
  line: number;
}

export type ParseAllResult = { ok: true; documents: ParsedDocument[] } | { ok: false; error: YamlError; errors: YamlError[] };

/** 1-based line and column of an offset (a single scan; use `lineLocator` for many lookups). */
function lineCol(text: string, offset: number): { line: number; column: number } {
  return lineLocator(text)(offset);
}

/** Line starts indexed once, then each lookup is a binary search. */
function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** More parse errors than this add nothing for a reader (garbage in gives thousands). */
const MAX_ERRORS = 50;

function failure(code: YamlErrorCode, message: string, text: string, from = 0, to = from): { ok: false; error: YamlError; errors: YamlError[] } {
  const error: YamlError = { code, message, from, to, ...lineCol(text, from) };
  return { ok: false, error, errors: [error] };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/** The yaml library's parse errors in plain words, with positions. */
function syntaxErrors(doc: Document.Parsed, text: string): YamlError[] {
  if (doc.errors.length === 0) return [];
  const locate = lineLocator(text);
  return doc.errors.slice(0, MAX_ERRORS).map((e) => {
    const [from, to] = e.pos;
    const where = locate(from);
    if (e.code === 'DUPLICATE_KEY') {
      const raw = /^("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^:\n#]+)/.exec(text.slice(from, from + 300))?.[1]?.trim() ?? '';
      const key = raw.replace(/^["']|["']$/g, '');
      return { code: 'duplicate-key', message: `Duplicate key "${key}" at line ${where.line}`, from, to: from + raw.length, ...where } satisfies YamlError;
    }
    const message = `${firstLine(e.message)} (line ${where.line}, column ${where.column})`;
    return { code: 'syntax', message, from, to, ...where } satisfies YamlError;
  });
}

interface Measured {
  depth: number;
  deepest?: Node;
  aliases: number;
  firstAlias?: Node;
  /** The first key repeated within one mapping. */
  duplicate?: { key: string; node: Node };
}

/**
 * Depth, alias count and the first duplicate key of a parsed document, walked with an explicit
 * stack (no recursion). Duplicates are found here with a Set per mapping: the yaml library's
 * own `uniqueKeys` check compares every pair with every other and takes seconds on a mapping of
 * a few thousand keys — itself a way to freeze the page.
 */
function measure(doc: Document.Parsed): Measured {
  const m: Measured = { depth: 0, aliases: 0 };
  const stack: Array<[unknown, number]> = [[doc.contents, 1]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (isAlias(node)) {
      m.aliases++;
      m.firstAlias ??= node;
    } else if (isCollection(node)) {
      if (d > m.depth) {
        m.depth = d;
        m.deepest = node;
      }
      const seen = isMap(node) ? new Set<string>() : undefined;
      for (const item of node.items) {
        if (isPair(item)) {
          if (seen && isScalar(item.key) && !m.duplicate) {
            const key = String(item.key.value);
            if (seen.has(key)) m.duplicate = { key, node: item.key };
            seen.add(key);
          }
          stack.push([item.key, d + 1], [item.value, d + 1]);
        } else stack.push([item, d + 1]);
      }
    }
  }
  return m;
}

function checkDocument(doc: Document.Parsed, text: string, o: Required<ParseOptions>): ParseResult {
  const errors = syntaxErrors(doc, text);
  if (errors.length > 0) return { ok: false, error: errors[0]!, errors };
  const m = measure(doc);
  if (m.duplicate) {
    const from = m.duplicate.node.range?.[0] ?? 0;
    const to = m.duplicate.node.range?.[1] ?? from;
    const where = lineCol(text, from);
    const error: YamlError = { code: 'duplicate-key', message: `Duplicate key "${m.duplicate.key}" at line ${where.line}`, from, to, ...where };
    return { ok: false, error, errors: [error] };
  }
  if (m.depth > o.maxDepth) {
    return failure('too-deep', `The YAML is nested ${m.depth} levels deep; the limit is ${o.maxDepth}`, text, m.deepest?.range?.[0] ?? 0);
  }
  if (m.aliases > o.maxAliases) {
    return failure('too-many-aliases', `The YAML uses ${m.aliases} aliases; the limit is ${o.maxAliases}`, text, m.firstAlias?.range?.[0] ?? 0);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: o.maxAliases });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(detail)) {
      return failure('alias-expansion', `The YAML's aliases expand too much (a "billion laughs" document); at most ${o.maxAliases} alias expansions are allowed`, text, m.firstAlias?.range?.[0] ?? 0);
    }
    return failure('syntax', `The YAML cannot be read: ${detail}`, text);
  }
  rememberStyle(doc, text);
  return { ok: true, doc, value };
}

function withDefaults(opts: ParseOptions): Required<ParseOptions> {
  return { maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES, maxAliases: opts.maxAliases ?? DEFAULT_MAX_ALIASES, maxDepth: opts.maxDepth ?? DEFAULT_MAX_DEPTH };
}

/** Size and depth checks that need no parser. */
function precheck(text: string, o: Required<ParseOptions>): { ok: false; error: YamlError; errors: YamlError[] } | undefined {
  const bytes = utf8Length(text);
  if (bytes > o.maxBytes) return failure('too-large', `The YAML is ${formatBytes(bytes)}; the limit is ${formatBytes(o.maxBytes)}`, text);
  const deep = scanDepth(text, o.maxDepth);
  if (deep) {
    const at = lineStart(text, deep.line);
    return failure('too-deep', `The YAML is nested more than ${o.maxDepth} levels deep (line ${deep.line}); the limit is ${o.maxDepth}`, text, at);
  }
  return undefined;
}

function lineStart(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) break;
    at = nl + 1;
  }
  return at;
}

function parseDocs(text: string): Document.Parsed[] {
  const docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, lineCounter: new LineCounter() });
  return Array.isArray(docs) ? docs : [];
}

/** A document with no content (only a separator or comments); kubectl skips these too. */
function isEmptyDoc(doc: Document.Parsed): boolean {
  if (doc.errors.length > 0) return false;
  const c = doc.contents;
  return c === null || (isScalar(c) && c.value === null && !c.source && !c.anchor && !c.tag);
}

/**
 * Parses text that must hold one YAML document (an empty text is one document whose value is
 * null). `single: false` accepts several documents and returns them all (see ParseAllResult).
 */
export function parseYamlSafe(text: string, opts?: ParseOptions & { single?: true }): ParseResult;
export function parseYamlSafe(text: string, opts: ParseOptions & { single: false }): ParseAllResult;
export function parseYamlSafe(text: string, opts: ParseOptions & { single?: boolean } = {}): ParseResult | ParseAllResult {
  if (opts.single === false) return parseYamlAll(text, opts);
  const o = withDefaults(opts);
  const refused = precheck(text, o);
  if (refused) return refused;
  const docs = parseDocs(text);
  const present = docs.filter((d) => !isEmptyDoc(d));
  if (present.length > 1) {
    const second = present[1]!;
    const at = second.range[0];
    const sep = text.lastIndexOf('---', at);
    return failure(
      'multiple-documents',
      `The text holds ${present.length} YAML documents; one object is expected here. Remove the "---" separator, or use Import YAML for several objects`,
      text,
      sep >= 0 ? sep : at,
      sep >= 0 ? sep + 3 : at,
    );
  }
  const doc = present[0] ?? docs[0];
  if (!doc) {
    const empty = new Document(null) as YamlDoc;
    rememberStyle(empty, text);
    return { ok: true, doc: empty, value: null };
  }
  return checkDocument(doc, text, o);
}

/** Every non-empty document of a multi-document text, each checked like parseYamlSafe. */
export function parseYamlAll(text: string, opts: ParseOptions = {}): ParseAllResult {
  const o = withDefaults(opts);
  const refused = precheck(text, o);
  if (refused) return refused;
  const documents: ParsedDocument[] = [];
  const locate = lineLocator(text);
  for (const doc of parseDocs(text)) {
    if (isEmptyDoc(doc)) continue;
    const one = checkDocument(doc, text, o);
    if (!one.ok) return one;
    const start = isNode(doc.contents) && doc.contents.range ? doc.contents.range[0] : doc.range[0];
    documents.push({ doc: one.doc, value: one.value, index: documents.length, line: locate(start).line });
  }
  return { ok: true, documents };
}

export function isYamlDoc(value: unknown): value is YamlDoc {
  return isDocument(value);
}

export { lineCol };
export { toText, toObject, cloneDoc, newDoc } from './yaml-style';
export { setIn, deleteIn, getIn, hasIn, type YamlPath } from './yaml-edit';

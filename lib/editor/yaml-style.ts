import { Document } from 'yaml';
import type { YamlDoc } from './yaml-model';

/**
 * How a document is written back to text. The user's own layout wins: the sequence style
 * (`key:\n- a` as kubectl writes, or `key:\n  - a`) and indent width are read from the text the
 * document was parsed from and reused by `toText`, so a form edit does not reformat the rest.
 * Long strings are never folded (lineWidth 0).
 */
export interface TextStyle {
  indent: number;
  indentSeq: boolean;
}

/** kubectl's own layout, used for text the console writes from scratch. */
export const KUBECTL_STYLE: TextStyle = { indent: 2, indentSeq: false };

const styles = new WeakMap<object, TextStyle>();

/** Reads the layout of `text`; falls back to kubectl's. */
export function detectStyle(text: string): TextStyle {
  const lines = text.split('\n', 400);
  let indent = 0;
  let indentSeq: boolean | undefined;
  for (let i = 0; i + 1 < lines.length; i++) {
    const m = /^( *)[^\s#-][^#]*:\s*$/.exec(lines[i]!);
    if (!m) continue;
    const next = lines[i + 1]!;
    const own = m[1]!.length;
    const n = /^( *)(- )?\S/.exec(next);
    if (!n) continue;
    const inner = n[1]!.length;
    if (n[2] && indentSeq === undefined) indentSeq = inner > own;
    if (!n[2] && inner > own && indent === 0) indent = inner - own;
    if (indent && indentSeq !== undefined) break;
  }
  return { indent: indent >= 1 && indent <= 8 ? indent : KUBECTL_STYLE.indent, indentSeq: indentSeq ?? KUBECTL_STYLE.indentSeq };
}

export function rememberStyle(doc: object, text: string): void {
  styles.set(doc, detectStyle(text));
}

export function styleOf(doc: object): TextStyle {
  return styles.get(doc) ?? KUBECTL_STYLE;
}

/** The document as text, in the layout it was read with. */
export function toText(doc: YamlDoc): string {
  if (doc.contents === null && !doc.commentBefore && !doc.comment) return '';
  const s = styleOf(doc);
  return doc.toString({ lineWidth: 0, indent: s.indent, indentSeq: s.indentSeq });
}

/** The document as plain JSON-like data (aliases resolved, at most 100 expansions). */
export function toObject(doc: YamlDoc): unknown {
  return doc.toJS({ maxAliasCount: 100 });
}

/** An independent copy that keeps comments and layout. */
export function cloneDoc(doc: YamlDoc): YamlDoc {
  const copy = doc.clone() as YamlDoc;
  styles.set(copy, styleOf(doc));
  return copy;
}

/** A document for a value the console made (a new object, a server object to edit). */
export function newDoc(value: unknown, style: TextStyle = KUBECTL_STYLE): YamlDoc {
  const doc = new Document(value, { aliasDuplicateObjects: false }) as YamlDoc;
  styles.set(doc, style);
  return doc;
}

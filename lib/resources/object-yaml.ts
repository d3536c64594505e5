import { stringify } from 'yaml';
import type { KubeObject } from '../k8s/types';

/**
 * An object as YAML for the read-only YAML tab, and a light line tokenizer for syntax colours
 * (keys, strings, numbers, booleans, null, comments, block scalars) — no editor, no HTML:
 * the tab renders tokens as text spans.
 */
export function objectYaml(obj: KubeObject, opts: { managedFields: boolean }): string {
  const shown: KubeObject = opts.managedFields ? obj : { ...obj, metadata: { ...obj.metadata, managedFields: undefined } };
  if (!opts.managedFields) delete shown.metadata.managedFields;
  return stringify(shown, { lineWidth: 0, aliasDuplicateObjects: false });
}

export type YamlTokenKind = 'key' | 'string' | 'number' | 'boolean' | 'null' | 'comment' | 'punctuation' | 'block' | 'plain';

export interface YamlToken {
  text: string;
  kind: YamlTokenKind;
}

function scalarKind(value: string): YamlTokenKind {
  const v = value.trim();
  if (v === '') return 'plain';
  if (/^(['"]).*\1$/.test(v)) return 'string';
  if (/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v)) return 'number';
  if (/^(true|false)$/.test(v)) return 'boolean';
  if (/^(null|~)$/.test(v)) return 'null';
  if (v === '|' || v === '>' || /^[|>][-+]?\d*$/.test(v) || v === '{}' || v === '[]') return 'punctuation';
  return 'string';
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** Tokens per line. Lines inside a block scalar (after `key: |`) are string content. */
export function highlightYaml(text: string): YamlToken[][] {
  const out: YamlToken[][] = [];
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    const indent = indentOf(line);
    if (blockIndent >= 0) {
      if (line.trim() === '' || indent > blockIndent) {
        out.push([{ text: line, kind: 'block' }]);
        continue;
      }
      blockIndent = -1;
    }
    const tokens: YamlToken[] = [];
    let rest = line;
    const lead = rest.match(/^(\s*)((?:- )*)/)!;
    if (lead[0]) tokens.push({ text: lead[0], kind: lead[2] ? 'punctuation' : 'plain' });
    rest = rest.slice(lead[0].length);
    if (rest.startsWith('#')) {
      tokens.push({ text: rest, kind: 'comment' });
      out.push(tokens);
      continue;
    }
    // A key: plain or quoted, followed by ':' and then a space or the end of the line.
    const key = rest.match(/^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#][^:#]*?)(:)(?=\s|$)/);
    if (key) {
      tokens.push({ text: key[1]!, kind: 'key' }, { text: ':', kind: 'punctuation' });
      rest = rest.slice(key[0].length);
    }
    if (rest) {
      const kind = scalarKind(rest);
      tokens.push({ text: rest, kind });
      // Content lines of a block scalar are indented deeper than the key's column.
      if (kind === 'punctuation' && /^\s*[|>]/.test(rest)) blockIndent = lead[0].length;
    }
    out.push(tokens);
  }
  return out;
}

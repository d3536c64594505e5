import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState, type Extension, type Text, type Transaction } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import type { KindSchema } from '@/lib/editor/openapi-schema';
import { completeAt, hoverAt } from '@/lib/editor/yaml-schema';
import { formatBytes, scanDepth, utf8Length } from '@/lib/editor/yaml-limits';

/**
 * CodeMirror extensions over lib/editor: schema completion and hover documentation (read from
 * `getSchema()` at use, so a schema arriving later needs no reconfiguration), and a guard that
 * refuses hostile changes before the editor renders them — a paste past the byte limit or
 * nested past the depth limit is not inserted at all, and `onRefused` says why. Tooltips are
 * built with textContent only.
 */
function text(tag: string, className: string, content: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

export function schemaCompletion(getSchema: () => KindSchema | undefined): Extension {
  const source = (ctx: CompletionContext): CompletionResult | null => {
    const schema = getSchema();
    if (!schema) return null;
    const line = ctx.state.doc.lineAt(ctx.pos);
    const before = line.text.slice(0, ctx.pos - line.from);
    // Only at a key position or after "key: ", and only when asked or while typing a word.
    if (!ctx.explicit && !/(^\s*(-\s+)*[\w.-]*$)|(:\s+[\w.-]*$)/.test(before)) return null;
    if (!ctx.explicit && /^\s*(-\s+)*$/.test(before)) return null;
    const doc = ctx.state.doc.toString();
    const r = completeAt(doc, ctx.pos, schema);
    if (!r) return null;
    const options: Completion[] = r.items.map((item) => ({
      label: item.label,
      detail: item.required ? `${item.detail ?? ''} · required` : item.detail,
      type: item.kind === 'property' ? 'property' : 'enum',
      apply: item.apply,
      boost: item.required ? 10 : 0,
      info: item.info ? () => text('div', 'gp-completion-info', item.info!) : undefined,
    }));
    return { from: r.from, options, validFor: /^[\w.-]*$/ };
  };
  return autocompletion({ override: [source], icons: false, activateOnTyping: true });
}

export function schemaHover(getSchema: () => KindSchema | undefined): Extension {
  return hoverTooltip((view, pos) => {
    const schema = getSchema();
    if (!schema) return null;
    const h = hoverAt(view.state.doc.toString(), pos, schema);
    if (!h || pos < h.from || pos > h.to) return null;
    return {
      pos: h.from,
      end: h.to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'gp-hover';
        const head = document.createElement('div');
        head.append(text('span', 'gp-hover-title', h.title), text('span', 'gp-hover-type', `${h.type}${h.required ? ' · required' : ''}`));
        dom.append(head);
        if (h.enum?.length) dom.append(text('div', 'gp-hover-desc', `One of: ${h.enum.join(', ')}`));
        if (h.description) dom.append(text('div', 'gp-hover-desc', h.description));
        return { dom };
      },
    };
  });
}

/** The document's size in UTF-8 bytes, exact only when it could be near the limit. */
function exceeds(doc: Text, maxBytes: number): number | undefined {
  const chars = doc.length;
  if (chars * 3 <= maxBytes) return undefined;
  let bytes = 0;
  for (const iter = doc.iter(); !iter.next().done; ) bytes += utf8Length(iter.value);
  return bytes > maxBytes ? bytes : undefined;
}

/** Insertions at least this long (pastes, drops) are also checked for nesting depth. */
const LARGE_INSERT = 4096;

function insertedLength(tr: Transaction): number {
  let n = 0;
  tr.changes.iterChanges((_fa, _ta, _fb, _tb, inserted) => (n += inserted.length));
  return n;
}

/**
 * Refuses a change that would make the text larger than `maxBytes`, or — for large insertions —
 * nested deeper than `maxDepth`: such text would only be refused by the parser later, and
 * rendering and highlighting it first could stall the page.
 */
export function hostileGuard(maxBytes: number, maxDepth: number, onRefused: (message: string) => void): Extension {
  return EditorState.transactionFilter.of((tr) => {
    if (!tr.docChanged) return tr;
    const growing = tr.newDoc.length >= tr.startState.doc.length;
    if (growing && tr.newDoc.length * 3 > maxBytes) {
      const bytes = exceeds(tr.newDoc, maxBytes);
      if (bytes !== undefined) {
        queueMicrotask(() => onRefused(`The YAML would be ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}. The change was not made.`));
        return [];
      }
    }
    if (insertedLength(tr) >= LARGE_INSERT) {
      const deep = scanDepth(tr.newDoc.toString(), maxDepth);
      if (deep) {
        queueMicrotask(() => onRefused(`The YAML would be nested more than ${maxDepth} levels deep (line ${deep.line}); the limit is ${maxDepth}. The change was not made.`));
        return [];
      }
    }
    return tr;
  });
}

import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { EditorState, type Extension, type Text } from '@codemirror/state';
import { hoverTooltip } from '@codemirror/view';
import type { KindSchema } from '@/lib/editor/openapi-schema';
import { completeAt, hoverAt } from '@/lib/editor/yaml-schema';
import { formatBytes, utf8Length } from '@/lib/editor/yaml-limits';

/**
 * CodeMirror extensions over lib/editor: schema completion and hover documentation (read from
 * `getSchema()` at use, so a schema arriving later needs no reconfiguration), and a guard that
 * refuses any change making the text larger than the byte limit — a huge paste is not inserted
 * at all, and `onRefused` says why. Tooltips are built with textContent only.
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

export function sizeGuard(maxBytes: number, onRefused: (message: string) => void): Extension {
  return EditorState.transactionFilter.of((tr) => {
    if (!tr.docChanged || tr.newDoc.length * 3 <= maxBytes) return tr;
    const bytes = exceeds(tr.newDoc, maxBytes);
    if (bytes === undefined) return tr;
    // Growing past the limit is refused; shrinking an already too-large text is always allowed.
    if (tr.newDoc.length >= tr.startState.doc.length) {
      queueMicrotask(() => onRefused(`The YAML would be ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}. The change was not made.`));
      return [];
    }
    return tr;
  });
}

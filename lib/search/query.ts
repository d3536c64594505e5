import { isLabelKey, isLabelValue } from './label-syntax';

/**
 * The search box's language. Terms are separated by spaces or commas and must all match:
 * `key=value` (or `key==value`) and `key!=value` are label terms with Kubernetes semantics
 * (exact, case-sensitive; `!=` also matches objects without the key); anything else is free text,
 * matched case-insensitively against names, label keys and label values — so a bare `key` finds
 * objects carrying that label. Well-formed label terms also make the API server's labelSelector.
 */
export type Term = { kind: 'text'; text: string } | { kind: 'label'; key: string; op: '=' | '!='; value: string };

export interface SearchQuery {
  raw: string;
  terms: Term[];
  /** The label terms as a labelSelector, when there are any. */
  labelSelector?: string;
  /** The free-text terms, for a list page's text filter. */
  text: string[];
}

const LABEL_TERM = /^([^=!]+)(==|=|!=)([^=!]*)$/;

export function parseSearchQuery(raw: string): SearchQuery {
  const terms: Term[] = [];
  for (const token of raw.split(/[\s,]+/).filter(Boolean)) {
    const m = LABEL_TERM.exec(token);
    if (m && isLabelKey(m[1]!) && isLabelValue(m[3]!)) terms.push({ kind: 'label', key: m[1]!, op: m[2] === '!=' ? '!=' : '=', value: m[3]! });
    else terms.push({ kind: 'text', text: token.toLowerCase() });
  }
  // Repeated terms add nothing.
  const seen = new Set<string>();
  const unique = terms.filter((t) => {
    const k = t.kind === 'text' ? `t:${t.text}` : `l:${t.key}${t.op}${t.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const labels = unique.filter((t): t is Extract<Term, { kind: 'label' }> => t.kind === 'label');
  return {
    raw,
    terms: unique,
    ...(labels.length ? { labelSelector: labels.map((t) => `${t.key}${t.op}${t.value}`).join(',') } : {}),
    text: unique.flatMap((t) => (t.kind === 'text' ? [t.text] : [])),
  };
}

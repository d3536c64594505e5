import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

/**
 * The editor's look in the console's light and dark tokens (app/globals.css): panel background,
 * quiet gutters, the accent for the cursor and selection, and YAML colours matching the
 * read-only YAML tab.
 */
const base = {
  '&': { fontSize: '12px', height: '100%' },
  '.cm-scroller': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', lineHeight: '20px' },
  '.cm-content': { padding: '6px 0' },
  '.cm-gutters': { borderRight: '1px solid var(--gp-cm-line)' },
  '.cm-tooltip': { border: '1px solid var(--gp-cm-line)', borderRadius: '3px', maxWidth: '480px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'inherit', maxHeight: '16em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-completionDetail': { marginLeft: '0.75em', fontStyle: 'normal', opacity: 0.7 },
  '.cm-completionInfo': { padding: '6px 8px', maxWidth: '360px', whiteSpace: 'normal' },
  '.gp-hover': { padding: '6px 8px', fontSize: '12px', lineHeight: '18px', fontFamily: 'system-ui, sans-serif' },
  '.gp-hover-title': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontWeight: 600 },
  '.gp-hover-type': { opacity: 0.75, marginLeft: '6px' },
  '.gp-hover-desc': { marginTop: '4px', whiteSpace: 'pre-wrap' },
  '.cm-diagnostic': { padding: '4px 8px', fontFamily: 'system-ui, sans-serif' },
  '.cm-panels': { fontFamily: 'system-ui, sans-serif' },
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #dc2626', textUnderlineOffset: '3px' },
};

const light = EditorView.theme(
  {
    ...base,
    '&': { ...base['&'], backgroundColor: '#ffffff', color: '#0f172a', '--gp-cm-line': '#d5dbe1' },
    '.cm-gutters': { ...base['.cm-gutters'], backgroundColor: '#f3f5f7', color: '#5b6b79' },
    '.cm-activeLine': { backgroundColor: '#0072a30d' },
    '.cm-activeLineGutter': { backgroundColor: '#0072a31a', color: '#0f172a' },
    '&.cm-focused .cm-cursor': { borderLeftColor: '#0072a3' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#b3d7ea !important' },
    '.cm-tooltip': { ...base['.cm-tooltip'], backgroundColor: '#ffffff', color: '#0f172a' },
    '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#0072a3', color: '#ffffff' },
    '.cm-panels': { ...base['.cm-panels'], backgroundColor: '#f3f5f7', color: '#0f172a' },
  },
  { dark: false },
);

const dark = EditorView.theme(
  {
    ...base,
    '&': { ...base['&'], backgroundColor: '#1d2c37', color: '#e2e8f0', '--gp-cm-line': '#33475a' },
    '.cm-gutters': { ...base['.cm-gutters'], backgroundColor: '#15212a', color: '#9aabb9' },
    '.cm-activeLine': { backgroundColor: '#49afd912' },
    '.cm-activeLineGutter': { backgroundColor: '#49afd922', color: '#e2e8f0' },
    '&.cm-focused .cm-cursor': { borderLeftColor: '#49afd9' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: '#2c5970 !important' },
    '.cm-tooltip': { ...base['.cm-tooltip'], backgroundColor: '#1d2c37', color: '#e2e8f0' },
    '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: '#49afd9', color: '#0f172a' },
    '.cm-panels': { ...base['.cm-panels'], backgroundColor: '#15212a', color: '#e2e8f0' },
  },
  { dark: true },
);

const lightHighlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: '#075985' },
  { tag: [t.string, t.special(t.string), t.content], color: '#065f46' },
  { tag: [t.number, t.integer, t.float], color: '#6d28d9' },
  { tag: [t.bool, t.atom], color: '#b45309' },
  { tag: t.null, color: '#64748b' },
  { tag: [t.comment, t.lineComment], color: '#64748b', fontStyle: 'italic' },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace, t.meta, t.labelName, t.typeName], color: '#64748b' },
]);

const darkHighlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: '#7dd3fc' },
  { tag: [t.string, t.special(t.string), t.content], color: '#6ee7b7' },
  { tag: [t.number, t.integer, t.float], color: '#c4b5fd' },
  { tag: [t.bool, t.atom], color: '#fcd34d' },
  { tag: t.null, color: '#94a3b8' },
  { tag: [t.comment, t.lineComment], color: '#94a3b8', fontStyle: 'italic' },
  { tag: [t.punctuation, t.separator, t.squareBracket, t.brace, t.meta, t.labelName, t.typeName], color: '#94a3b8' },
]);

export function editorTheme(isDark: boolean): Extension {
  return isDark ? [dark, syntaxHighlighting(darkHighlight)] : [light, syntaxHighlighting(lightHighlight)];
}

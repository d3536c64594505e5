'use client';

import { closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentLess, indentMore, temporarilySetTabFocusMode } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language';
import { lintGutter, lintKeymap, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { Annotation, Compartment, EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers } from '@codemirror/view';
import { useEffect, useId, useImperativeHandle, useMemo, useRef, useState } from 'react';
import { minimalChange } from '@/lib/editor/text-change';
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH } from '@/lib/editor/yaml-limits';
import { editorTheme } from './cm-theme';
import { hostileGuard, schemaCompletion, schemaHover } from './cm-schema';
import { pageNonce } from './csp-nonce';
import type { YamlEditorProps } from './editor-types';
import { ProblemsList, withLines, type Problem } from './problems-list';
import { useDarkMode } from './use-dark-mode';
import { useEditorDiagnostics } from './use-editor-diagnostics';

/**
 * The CodeMirror 6 view behind <YamlEditor> (loaded lazily by it). Keyboard: Tab indents; Esc
 * then Tab (or Shift-Tab) leaves the editor; Ctrl-Space completes; Ctrl-F searches. The content
 * element is the labelled textbox. External value changes replace only the differing span so
 * the cursor stays put, and do not echo back through onChange.
 */
const External = Annotation.define<boolean>();

export default function CodeMirrorEditor(props: YamlEditorProps) {
  const { value, readOnly = false, showProblems = true } = props;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const hintId = useId();
  const dark = useDarkMode();
  const [refused, setRefused] = useState<string>();
  const latest = useRef(props);
  const themeSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const [text, setText] = useState(value);
  const { diagnostics, forText, schema } = useEditorDiagnostics(text, props);
  const schemaRef = useRef(schema);

  useEffect(() => {
    latest.current = props;
    schemaRef.current = schema;
  });

  useEffect(() => {
    // The document's own nonce wins: after a client-side navigation the server's x-nonce belongs
    // to the RSC request, not to the CSP the document was loaded with.
    const nonce = pageNonce() ?? latest.current.nonce;
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          lintGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          closeBrackets(),
          highlightActiveLine(),
          highlightSelectionMatches(),
          search({ top: true }),
          indentUnit.of('  '),
          EditorState.tabSize.of(2),
          yaml(),
          schemaCompletion(() => schemaRef.current),
          schemaHover(() => schemaRef.current),
          hostileGuard(latest.current.maxBytes ?? DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, setRefused),
          keymap.of([
            ...closeBracketsKeymap,
            ...completionKeymap,
            ...searchKeymap,
            ...lintKeymap,
            ...foldKeymap,
            ...historyKeymap,
            // After the popups' own Escape handling: Esc lets the next Tab move focus out.
            { key: 'Escape', run: temporarilySetTabFocusMode },
            { key: 'Tab', run: indentMore, shift: indentLess },
            ...defaultKeymap,
          ]),
          themeSlot.current.of(editorTheme(false)),
          readOnlySlot.current.of([EditorState.readOnly.of(false), EditorView.editable.of(true)]),
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label, 'aria-describedby': hintId, spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            const next = u.state.doc.toString();
            setText(next);
            setRefused(undefined);
            if (!u.transactions.some((tr) => tr.annotation(External))) latest.current.onChange?.(next);
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [hintId]);

  useEffect(() => {
    view.current?.dispatch({ effects: themeSlot.current.reconfigure(editorTheme(dark)) });
  }, [dark]);

  useEffect(() => {
    view.current?.dispatch({ effects: readOnlySlot.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) v.dispatch({ changes: minimalChange(current, value), annotations: External.of(true) });
  }, [value]);

  // Diagnostics belong to the text they were computed for; CodeMirror maps them through later
  // edits itself until the next parse brings fresh ones.
  useEffect(() => {
    const v = view.current;
    if (!v || forText === undefined || v.state.doc.toString() !== forText) return;
    const len = v.state.doc.length;
    const cm: Diagnostic[] = diagnostics.map((d) => ({ from: Math.min(d.from, len), to: Math.min(Math.max(d.to, d.from), len), severity: d.severity, message: d.message, source: d.source }));
    v.dispatch(setDiagnostics(v.state, cm));
  }, [diagnostics, forText]);

  const { revealLine } = props;
  useEffect(() => {
    const v = view.current;
    if (!v || revealLine === undefined) return;
    const line = v.state.doc.line(Math.max(1, Math.min(revealLine, v.state.doc.lines)));
    revealIn(v, line.from, line.from);
  }, [revealLine]);

  useImperativeHandle(props.handleRef, () => ({
    focus: () => view.current?.focus(),
    getText: () => view.current?.state.doc.toString() ?? '',
    reveal: (from: number, to?: number) => {
      const v = view.current;
      if (!v) return;
      const len = v.state.doc.length;
      const a = Math.min(from, len);
      v.dispatch({ selection: { anchor: a, head: Math.min(to ?? a, len) }, scrollIntoView: true });
      v.focus();
    },
  }));

  const problems: Problem[] = useMemo(() => withLines(forText ?? text, diagnostics), [forText, text, diagnostics]);

  return (
    <div className={`flex min-h-0 flex-col ${props.className ?? ''}`}>
      <div
        ref={host}
        data-testid="yaml-editor"
        className="min-h-0 flex-1 overflow-hidden rounded-sm border border-line focus-within:border-accent dark:border-line-dark dark:focus-within:border-accent-dark [&_.cm-editor]:h-full [&_.cm-editor.cm-focused]:outline-none"
        style={{ minHeight: props.minHeight ?? '24rem' }}
      />
      <p id={hintId} className="mt-1 text-[11px] text-muted dark:text-muted-dark">
        {readOnly ? 'Read-only. ' : ''}Esc then Tab leaves the editor · Ctrl+Space suggests fields · Ctrl+F searches
        {schema ? ` · checked against the cluster’s ${schema.gvk.kind} schema` : ''}
      </p>
      {refused ? (
        <p role="alert" className="mt-1 rounded-sm border border-red-300 bg-red-50 px-2 py-1 text-xs text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {refused}
        </p>
      ) : null}
      {showProblems ? <ProblemsList problems={problems} onGo={(p) => view.current && revealIn(view.current, p.from, p.to)} /> : null}
    </div>
  );
}

function revealIn(v: EditorView, from: number, to: number): void {
  const len = v.state.doc.length;
  v.dispatch({ selection: { anchor: Math.min(from, len), head: Math.min(to, len) }, scrollIntoView: true });
  v.focus();
}

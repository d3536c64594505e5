'use client';

import { useEffect, useState, type ComponentType } from 'react';
import type { YamlEditorProps } from './editor-types';

/**
 * The YAML editor (CodeMirror 6, bundled locally, loaded only when an editor is shown): YAML
 * highlighting, line numbers, schema-driven lint, completion and hover from the cluster's live
 * OpenAPI, extra diagnostics (e.g. a dry run's) at their lines, and a problems list as text.
 * While the code loads, a read-only text area of the same size shows the text; if it cannot be
 * loaded, that text area becomes editable so no edit is blocked.
 * See editor-types.ts for the props and lib/editor/README.md for the model underneath.
 */
export type { YamlEditorHandle, YamlEditorProps } from './editor-types';

type Editor = ComponentType<YamlEditorProps>;
let loaded: Editor | undefined;
let loading: Promise<Editor> | undefined;

function loadEditor(): Promise<Editor> {
  loading ??= import('./codemirror-editor').then((m) => (loaded = m.default));
  loading.catch(() => (loading = undefined));
  return loading;
}

function FallbackArea({ props, editable }: { props: YamlEditorProps; editable: boolean }) {
  return (
    <textarea
      readOnly={!editable || props.readOnly}
      aria-label={props.label}
      aria-busy={!editable}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value)}
      spellCheck={false}
      style={{ minHeight: props.minHeight ?? '24rem' }}
      className={`w-full flex-1 resize-none rounded-sm border border-line bg-panel p-2 pl-12 font-mono text-xs leading-5 dark:border-line-dark dark:bg-panel-dark ${editable ? '' : 'text-slate-500 dark:text-slate-400'}`}
    />
  );
}

export function YamlEditor(props: YamlEditorProps) {
  const [Loaded, setLoaded] = useState<Editor | undefined>(() => loaded);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (Loaded) return;
    let live = true;
    loadEditor().then(
      (E) => live && setLoaded(() => E),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [Loaded]);
  if (Loaded) return <Loaded {...props} />;
  return (
    <div className={`flex min-h-0 flex-col ${props.className ?? ''}`}>
      <FallbackArea props={props} editable={failed} />
      {failed ? <p role="alert" className="mt-1 text-xs text-amber-800 dark:text-amber-300">The editor could not be loaded; a plain text area is shown instead (no validation hints).</p> : null}
    </div>
  );
}

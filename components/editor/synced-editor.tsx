'use client';

import { useId, useRef, type ReactNode, type RefObject } from 'react';
import type { KindSchema } from '@/lib/editor/openapi';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';
import type { SyncModel } from '@/components/forms/use-sync-model';
import { YamlEditor, type YamlEditorHandle } from './yaml-editor';

/**
 * A form and its YAML side by side (stacked when the page is narrow) over ONE model
 * (components/forms/use-sync-model): the form writes through path edits that keep the YAML's
 * comments, order and unknown fields; the YAML, when it parses, becomes the form's value. When
 * it does not parse, the form is locked (inert) under a banner that says where the error is and
 * can take the cursor there — the text is never discarded.
 */
export interface SyncedEditorProps {
  model: SyncModel;
  /** The form side (a generated form or a wizard step). */
  children: ReactNode;
  /** Accessible name of the YAML editor, e.g. "YAML of the new virtual machine". */
  yamlLabel: string;
  /** Several objects in one text (documents separated by ---). */
  multi?: boolean;
  /** Schema of a single-object text, for validation, completion and hover. */
  schema?: KindSchema;
  diagnostics?: EditorDiagnostic[];
  /** The YAML editor's handle, for callers that move its cursor (the form's "Show in YAML"). */
  handleRef?: RefObject<YamlEditorHandle | null>;
  /** Heading of the form side. */
  formTitle?: string;
}

/** Character offset of the start of a 1-based line. */
export function offsetOfLine(text: string, line: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl < 0) return text.length;
    at = nl + 1;
  }
  return at;
}

export function SyncedEditor({ model, children, yamlLabel, multi, schema, diagnostics, handleRef, formTitle = 'Form' }: SyncedEditorProps) {
  const { state, setText } = model;
  const ownRef = useRef<YamlEditorHandle | null>(null);
  const editor = handleRef ?? ownRef;
  const error = state.error;
  const formHeading = useId();
  const yamlHeading = useId();
  return (
    <div className="@container min-h-0">
      <div className="grid min-h-0 gap-3 @3xl:grid-cols-2">
        <section aria-labelledby={formHeading} className="min-w-0">
          <h2 id={formHeading} className="sr-only">
            {formTitle}
          </h2>
          {error ? (
            <div role="alert" className="mb-2 rounded-sm border border-l-4 border-amber-300 border-l-amber-500 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-900 dark:border-l-amber-500 dark:bg-amber-950/40 dark:text-amber-100">
              <p className="font-semibold">
                The YAML does not parse (line {error.line}, column {error.column}). The form is locked until it does.
              </p>
              <p className="mt-0.5">{error.message}</p>
              <p className="mt-0.5">The form shows the last YAML that parsed; your text is kept as you typed it.</p>
              <button type="button" onClick={() => editor.current?.reveal(error.from, error.to)} className="mt-1 font-medium text-accent underline dark:text-accent-dark">
                Go to line {error.line}
              </button>
            </div>
          ) : null}
          <div inert={error ? true : undefined} aria-disabled={error ? true : undefined} className={error ? 'pointer-events-none opacity-60 select-none' : undefined}>
            {children}
          </div>
        </section>
        <section aria-labelledby={yamlHeading} className="min-w-0 @3xl:sticky @3xl:top-0 @3xl:self-start">
          <h2 id={yamlHeading} className="mb-1 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">
            YAML
          </h2>
          <YamlEditor value={state.text} onChange={setText} label={yamlLabel} single={!multi} schema={schema} diagnostics={diagnostics} handleRef={editor} minHeight="24rem" />
        </section>
      </div>
    </div>
  );
}

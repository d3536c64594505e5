import type { Ref } from 'react';
import type { GroupVersionKind, KindSchema } from '@/lib/editor/openapi-schema';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';
import type { ParseAllResult, ParseResult } from '@/lib/editor/yaml-model';

/** What a parent can do with a mounted editor. */
export interface YamlEditorHandle {
  focus(): void;
  /** Selects the range, scrolls it into view and focuses the editor. */
  reveal(from: number, to?: number): void;
  /** The text as the editor holds it right now (may be ahead of the last onChange). */
  getText(): string;
}

export interface YamlEditorProps {
  /** The text (controlled). Changes from outside replace only the part that differs. */
  value: string;
  /** Every edit the user makes, with the whole new text. */
  onChange?: (text: string) => void;
  /** The accessible name of the text area ("YAML of Deployment web"). */
  label: string;
  readOnly?: boolean;
  /** The kind's schema for validation, completion and hover… */
  schema?: KindSchema;
  /** …or the kind, to load its schema from the cluster's /openapi/v3. */
  gvk?: GroupVersionKind;
  /**
   * Extra diagnostics (e.g. a dry run's), for the CURRENT value: clear them when the text
   * changes. Shown with the editor's own (parse errors, schema).
   */
  diagnostics?: readonly EditorDiagnostic[];
  /** Called after each (debounced) parse of the text, with its result. */
  onParse?: (result: ParseResult | ParseAllResult) => void;
  /** One document (default) or several (Import YAML). */
  single?: boolean;
  /** Text size limit in UTF-8 bytes (default 1.5 MiB); larger edits and pastes are refused. */
  maxBytes?: number;
  /** The CSP nonce for CodeMirror's <style> elements, used only when the document's own cannot be read. */
  nonce?: string;
  /** CSS min-height of the editing area, e.g. "24rem" (default) or "100%". */
  minHeight?: string;
  className?: string;
  /** A list of problems (as text, with "go to line") under the editor; default true. */
  showProblems?: boolean;
  handleRef?: Ref<YamlEditorHandle>;
  /** Moves the cursor to this 1-based line, scrolls it into view and focuses the editor, whenever the number changes. */
  revealLine?: number;
}

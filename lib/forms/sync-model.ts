import { deleteIn, newDoc, parseYamlSafe, setIn, toObject, toText, type YamlDoc, type YamlError } from '../editor/yaml-model';
import { diffValues, type ValuePath } from './value-diff';

/**
 * The one model behind a form and its YAML: the text the user sees (always kept, never
 * rewritten unless the form changes something) and the documents it parses to. A form change
 * becomes path edits on the YAML documents (comments, key order and unknown fields survive) and
 * new text; a text change is parsed, and only when it parses do the form's values follow. While
 * the text does not parse, `error` says where, the values stay as they were and form edits are
 * refused — the user's text is never discarded. Several objects (a VM with its cloud-init
 * Secret and its VirtualMachineService) are several documents in one text, separated by `---`.
 */
export interface SyncState {
  text: string;
  docs: YamlDoc[];
  /** The documents' values as of the last text that parsed. */
  values: unknown[];
  /** Why the current text does not parse (line and column are 1-based). */
  error?: YamlError;
  /** Bumps on every change that came from the YAML side (forms re-read their values). */
  textRevision: number;
}

const SEPARATOR = '---\n';

function join(docs: YamlDoc[]): string {
  // A document read with its own "---" marker writes it back; others get one between them.
  return docs.map((d) => toText(d)).map((t, i) => (i === 0 || t.startsWith('---') ? t : SEPARATOR + t)).join('');
}

/** A model for objects the console made (a wizard's or a create page's starting objects). */
export function syncFromValues(values: unknown[]): SyncState {
  const docs = values.map((v) => newDoc(v));
  return { text: join(docs), docs, values: docs.map((d) => toObject(d)), textRevision: 0 };
}

/** A model for text (e.g. a restored draft); an unparsable text starts with no values. */
export function syncFromText(text: string): SyncState {
  return applyText({ text: '', docs: [], values: [], textRevision: 0 }, text);
}

/** The user typed in the YAML. */
export function applyText(state: SyncState, text: string): SyncState {
  if (text === state.text) return state;
  const parsed = parseYamlSafe(text, { single: false });
  if (!parsed.ok) return { ...state, text, error: parsed.error, textRevision: state.textRevision + 1 };
  return { text, docs: parsed.documents.map((d) => d.doc), values: parsed.documents.map((d) => d.value), textRevision: state.textRevision + 1 };
}

function commit(state: SyncState, index: number, doc: YamlDoc): SyncState {
  const docs = state.docs.slice();
  docs[index] = doc;
  const values = state.values.slice();
  values[index] = toObject(doc);
  return { ...state, docs, values, text: join(docs) };
}

/** Whether form edits are allowed (the YAML parses). */
export function formEditable(state: SyncState): boolean {
  return state.error === undefined;
}

/** The form produced a new value for document `index`: only what changed is written. */
export function applyFormValue(state: SyncState, index: number, next: unknown): SyncState {
  if (!formEditable(state)) return state;
  if (index === state.docs.length) return addDocument(state, next);
  const doc0 = state.docs[index];
  if (!doc0) return state;
  const edits = diffValues(state.values[index], next);
  if (edits.length === 0) return state;
  let doc = doc0;
  for (const e of edits) doc = e.op === 'set' ? setIn(doc, e.path, e.value) : deleteIn(doc, e.path);
  return commit(state, index, doc);
}

/** Sets (or, with undefined, deletes) one field of document `index`. */
export function applyFieldValue(state: SyncState, index: number, path: ValuePath, value: unknown): SyncState {
  if (!formEditable(state)) return state;
  const doc = state.docs[index];
  if (!doc) return state;
  return commit(state, index, value === undefined ? deleteIn(doc, path) : setIn(doc, path, value));
}

export function addDocument(state: SyncState, value: unknown): SyncState {
  if (!formEditable(state)) return state;
  const doc = newDoc(value);
  const docs = [...state.docs, doc];
  return { ...state, docs, values: [...state.values, toObject(doc)], text: join(docs) };
}

export function removeDocument(state: SyncState, index: number): SyncState {
  if (!formEditable(state) || !state.docs[index]) return state;
  const docs = state.docs.filter((_, i) => i !== index);
  return { ...state, docs, values: state.values.filter((_, i) => i !== index), text: join(docs) };
}

/** Index of the first document of a kind (e.g. the VirtualMachineService), or -1. */
export function documentOfKind(state: Pick<SyncState, 'values'>, kind: string): number {
  return state.values.findIndex((v) => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === kind);
}

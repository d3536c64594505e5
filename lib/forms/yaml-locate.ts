import { lineCol, parseYamlSafe, type YamlDoc } from '../editor/yaml-model';
import { locate } from '../editor/yaml-paths';
import { problemDiagnostics, type ServerProblem } from '../editor/server-errors';
import type { EditorDiagnostic } from '../editor/yaml-schema';

/**
 * Where things are in a (multi-document) YAML text: the line of a field of document `index`
 * (for the form's "Show in YAML"), and the server's problems with document `index` as editor
 * diagnostics at their lines. The text is parsed afresh, so positions match what is shown even
 * after form edits rewrote it.
 */
function documentAt(text: string, index: number): YamlDoc | undefined {
  const parsed = parseYamlSafe(text, { single: false });
  return parsed.ok ? parsed.documents[index]?.doc : undefined;
}

/** 1-based line of the field (or its nearest existing parent); undefined when the text does not parse. */
export function lineOfPath(text: string, index: number, path: readonly (string | number)[]): number | undefined {
  const doc = documentAt(text, index);
  if (!doc) return undefined;
  return lineCol(text, locate(doc, path, 'key').from).line;
}

export function documentProblems(text: string, index: number, problems: readonly ServerProblem[]): EditorDiagnostic[] {
  return problemDiagnostics(problems, documentAt(text, index), text);
}

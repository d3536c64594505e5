import type { Status } from '../k8s/status';
import type { YamlPath } from './yaml-edit';
import type { YamlDoc } from './yaml-model';
import { firstLineOf, locate, parseFieldPath } from './yaml-paths';
import type { EditorDiagnostic } from './yaml-schema';

/**
 * The API server's refusals as problems at fields, then as diagnostics at YAML lines:
 * `Invalid` (422) Status causes carry a `field` (`spec.replicas`,
 * `spec.template.spec.containers[0].image`); strict decoding errors (400) name fields only in
 * the message (`unknown field "spec.foo"`, `.spec.foo: field not declared in schema`,
 * `duplicate field "replicas"`). A problem without a field stays a message for the whole text.
 */
export interface ServerProblem {
  message: string;
  path?: YamlPath;
}

const UNKNOWN_FIELD = /unknown field "([^"]+)"/g;
const NOT_DECLARED = /(?:^|[\s,:])(\.?[\w$.[\]/-]+): field not declared in schema/g;
const DUPLICATE_FIELD = /duplicate field "([^"]+)"/g;

function fromMessage(message: string): ServerProblem[] {
  const out: ServerProblem[] = [];
  for (const m of message.matchAll(UNKNOWN_FIELD)) out.push({ message: `Unknown field "${m[1]}": the server does not accept it`, path: parseFieldPath(m[1]!) });
  for (const m of message.matchAll(NOT_DECLARED)) out.push({ message: `Unknown field "${m[1]!.replace(/^\./, '')}": the schema does not declare it`, path: parseFieldPath(m[1]!) });
  for (const m of message.matchAll(DUPLICATE_FIELD)) out.push({ message: `Duplicate field "${m[1]}"`, path: parseFieldPath(m[1]!) });
  return out;
}

/** Field-level problems of a failed request, most specific first; never empty. */
export function statusProblems(status: Pick<Status, 'message' | 'reason' | 'code' | 'details'>): ServerProblem[] {
  const causes = status.details?.causes ?? [];
  const out: ServerProblem[] = [];
  for (const c of causes) {
    const fromText = c.message ? fromMessage(c.message) : [];
    if (fromText.length) out.push(...fromText);
    else if (c.field) out.push({ message: `${c.field}: ${c.message ?? c.reason ?? 'invalid'}`, path: parseFieldPath(c.field) });
    else if (c.message) out.push({ message: c.message });
  }
  if (out.length === 0 && status.message) out.push(...fromMessage(status.message));
  if (out.length === 0) out.push({ message: status.message || status.reason || `The request failed (${status.code})` });
  return out;
}

/** Problems at their lines in the edited text; field-less ones mark the first line. */
export function problemDiagnostics(problems: readonly ServerProblem[], doc: YamlDoc | undefined, text: string): EditorDiagnostic[] {
  return problems.map((p) => {
    if (!p.path || !doc) {
      const first = firstLineOf(text, { from: 0, to: text.length });
      return { ...first, severity: 'error', message: p.message, source: 'server' } satisfies EditorDiagnostic;
    }
    const at = locate(doc, p.path, 'key');
    const r = firstLineOf(text, at);
    const message = at.matched < p.path.length ? `${p.message} (the field is not in the YAML; shown at its nearest parent)` : p.message;
    return { ...r, severity: 'error', message, path: p.path, source: 'server' } satisfies EditorDiagnostic;
  });
}

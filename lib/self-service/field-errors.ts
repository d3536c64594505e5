import { exceeded, excessText, parseQuotaRefusal } from './quota-words';

/**
 * Server refusals placed next to the form field they concern. A short form binds each of its
 * fields to the object paths it writes (`spec.className` of the VirtualMachine); a 422's
 * `details.causes[].field` (already parsed into paths) is matched against them, longest path
 * first. A quota refusal (403 "exceeded quota") has no field: each exceeded resource goes to
 * the field that drives it (CPU and memory to a VM's class or an app's replicas, storage to the
 * size). What matches no field is shown with the form as a whole, in plain words.
 */
export interface FieldBinding {
  field: string;
  /** The kind of the document the field writes. */
  kind: string;
  /** Dotted paths it writes ("spec.image"); a problem at or under one belongs to the field. */
  paths: string[];
}

export interface Problem {
  message: string;
  path?: readonly (string | number)[];
}

export interface Refusal {
  /** Kind of the object the server refused. */
  kind: string;
  /** The refusal in plain words (the API's message). */
  message: string;
  problems: readonly Problem[];
}

export interface PlacedErrors {
  fields: Record<string, string[]>;
  general: string[];
}

function dotted(path: readonly (string | number)[]): string {
  return path.map(String).join('.');
}

/** The field a problem path belongs to, or undefined. */
export function fieldOfPath(kind: string, path: readonly (string | number)[], bindings: readonly FieldBinding[]): string | undefined {
  const p = dotted(path);
  let best: { field: string; len: number } | undefined;
  for (const b of bindings) {
    if (b.kind !== kind) continue;
    for (const prefix of b.paths) {
      if ((p === prefix || p.startsWith(`${prefix}.`)) && (!best || prefix.length > best.len)) best = { field: b.field, len: prefix.length };
    }
  }
  return best?.field;
}

/** Which quota resource a field drives: "cpu", "memory", "storage", "pods", "count/…" (a key's family). */
export function quotaFamily(resource: string): string {
  if (/cpu$/.test(resource)) return 'cpu';
  if (/memory$/.test(resource)) return 'memory';
  if (/storage$|persistentvolumeclaims$/.test(resource)) return 'storage';
  if (resource === 'pods' || resource === 'count/pods') return 'pods';
  return resource;
}

function add(out: PlacedErrors, field: string | undefined, message: string): void {
  if (!field) {
    if (!out.general.includes(message)) out.general.push(message);
    return;
  }
  const list = (out.fields[field] ??= []);
  if (!list.includes(message)) list.push(message);
}

/** `quotaFields` maps a quota family (see quotaFamily) to the field that drives it. */
export function placeErrors(refusal: Refusal, bindings: readonly FieldBinding[], quotaFields: Readonly<Record<string, string>> = {}): PlacedErrors {
  const out: PlacedErrors = { fields: {}, general: [] };
  const quota = parseQuotaRefusal(refusal.message) ?? refusal.problems.map((p) => parseQuotaRefusal(p.message)).find((q) => q);
  if (quota?.length) {
    for (const x of exceeded(quota)) add(out, quotaFields[quotaFamily(x.resource)], `Over the quota ${x.quota}: ${excessText(x)}.`);
    return out;
  }
  for (const p of refusal.problems) {
    const field = p.path ? fieldOfPath(refusal.kind, p.path, bindings) : undefined;
    // Next to its field, "spec.className: Required value" reads better without the path.
    add(out, field, field ? p.message.replace(/^\.?[\w$.[\]/-]+: /, '') : p.message);
  }
  if (out.general.length === 0 && Object.keys(out.fields).length === 0) out.general.push(refusal.message);
  return out;
}

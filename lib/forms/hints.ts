import type { KubeObject } from '../k8s/types';

/**
 * How a kind's generated form is shaped, declared on its registry descriptor (`form`) or derived
 * from an OLM ClusterServiceVersion's specDescriptors. Paths are dot paths from the object's
 * root ("spec.storage.size"); array items are written "[]" or "[0]" ("spec.imagePullSecrets[0].name").
 */
export type FormWidget =
  | 'text'
  | 'textarea'
  | 'password'
  | 'number'
  | 'podCount'
  | 'switch'
  | 'checkbox'
  | 'select'
  | 'quantity'
  | 'resources'
  | 'objectRef'
  | 'hidden';

export interface FormGroup {
  title: string;
  /** Fields of one parent object, shown together under the title in this order. */
  fields: string[];
  description?: string;
  /** Starts closed (e.g. "Advanced"). */
  collapsed?: boolean;
}

export interface FormStep {
  title: string;
  /** Top-level subtrees shown on this step, e.g. ["metadata", "spec.instances"]. */
  fields: string[];
}

export interface FormHints {
  /** Fields shown first within their parent, in this order; the rest follow in schema order. */
  order?: string[];
  groups?: FormGroup[];
  /** A generic create page with steps shows one step at a time. */
  steps?: FormStep[];
  widgets?: Record<string, FormWidget>;
  /** Options for widgets: `objectRef` takes `{ group, kind }`, `select` takes `{ options }`. */
  widgetOptions?: Record<string, Record<string, unknown>>;
  /** Field titles (display names). */
  labels?: Record<string, string>;
  /** Help text shown under a field (replaces the schema's description). */
  help?: Record<string, string>;
  /** Fields left out of the form (their values stay in the YAML). */
  hidden?: string[];
  /** The object a create page starts from (the route's namespace is filled in by the caller). */
  initial?(namespace: string | undefined): KubeObject;
}

/** "spec.a[0].b" / "spec.a[].b" → ["spec", "a", "[]", "b"]. */
export function hintPath(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d*\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1]) out.push(m[1]);
    const brackets = m[2]!.match(/\[\d*\]/g) ?? [];
    for (let i = 0; i < brackets.length; i++) out.push('[]');
  }
  return out;
}

/** Merges hints; later ones win per field, lists are concatenated. */
export function mergeHints(...all: (FormHints | undefined)[]): FormHints {
  const out: FormHints = {};
  for (const h of all) {
    if (!h) continue;
    if (h.order) out.order = [...(out.order ?? []), ...h.order.filter((p) => !out.order?.includes(p))];
    if (h.groups) out.groups = [...(out.groups ?? []), ...h.groups];
    if (h.steps) out.steps = h.steps;
    if (h.widgets) out.widgets = { ...out.widgets, ...h.widgets };
    if (h.widgetOptions) out.widgetOptions = { ...out.widgetOptions, ...h.widgetOptions };
    if (h.labels) out.labels = { ...out.labels, ...h.labels };
    if (h.help) out.help = { ...out.help, ...h.help };
    if (h.hidden) out.hidden = [...(out.hidden ?? []), ...h.hidden];
    if (h.initial) out.initial = h.initial;
  }
  return out;
}

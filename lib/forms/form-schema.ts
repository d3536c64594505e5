import type { JSONSchema7 } from 'json-schema';
import { hintPath, type FormHints } from './hints';
import { convertSchema, type OpenApiComponents, type OpenApiSchema, type UiNode } from './openapi-schema';

/**
 * A kind's create/edit form: its OpenAPI schema converted (see ./openapi-schema), without
 * `status` and server-set metadata (only name, generateName, namespace, labels and annotations
 * stay), shaped by the descriptor's and OLM's hints: titles, help, widgets, order, groups and
 * hidden fields. The result is plain data for RJSF (`schema`, `uiSchema`).
 */
export interface KindForm {
  schema: JSONSchema7;
  uiSchema: UiNode;
}

export const EDITABLE_METADATA = ['name', 'generateName', 'namespace', 'labels', 'annotations'] as const;

const STRING_MAP: JSONSchema7 = { type: 'object', additionalProperties: { type: 'string' } };

/** Short help for the metadata a user sets (the API's own descriptions run to paragraphs). */
const METADATA_HELP: Record<string, string> = {
  name: 'Unique among its kind in the namespace: lower-case letters, digits, "-" and ".".',
  generateName: 'Instead of a name: a prefix the server completes with a random suffix.',
  namespace: 'The namespace the object is created in.',
  labels: 'Key/value pairs that organise and select objects (e.g. app: web).',
  annotations: 'Key/value notes for tools and people; not used to select.',
};

function metadataSchema(converted: JSONSchema7 | undefined, namespaced: boolean): JSONSchema7 {
  const from = (converted?.properties ?? {}) as Record<string, JSONSchema7>;
  const properties: Record<string, JSONSchema7> = {};
  for (const k of EDITABLE_METADATA) {
    if (k === 'namespace' && !namespaced) continue;
    const fallback: JSONSchema7 = k === 'labels' || k === 'annotations' ? { ...STRING_MAP } : { type: 'string' };
    properties[k] = { ...fallback, ...(from[k] ?? {}), title: k === 'generateName' ? 'Generate name' : k.charAt(0).toUpperCase() + k.slice(1) };
  }
  return { type: 'object', title: 'Metadata', properties };
}

interface Located {
  parentSchema?: JSONSchema7;
  parentUi?: UiNode;
  key?: string;
  schema: JSONSchema7;
  ui: UiNode;
}

function childUi(ui: UiNode, key: string): UiNode {
  const existing = ui[key];
  if (existing && typeof existing === 'object') return existing as UiNode;
  const created: UiNode = {};
  ui[key] = created;
  return created;
}

/** Walks a hint path through schema and uiSchema (creating uiSchema nodes on the way). */
export function locate(form: KindForm, path: string): Located | undefined {
  let schema = form.schema;
  let ui = form.uiSchema;
  let parentSchema: JSONSchema7 | undefined;
  let parentUi: UiNode | undefined;
  let key: string | undefined;
  for (const seg of hintPath(path)) {
    if (seg === '[]') {
      if (typeof schema.items !== 'object' || Array.isArray(schema.items)) return undefined;
      parentSchema = schema;
      parentUi = ui;
      key = undefined;
      schema = schema.items;
      ui = childUi(ui, 'items');
      continue;
    }
    const next = schema.properties?.[seg];
    if (!next || typeof next !== 'object') return undefined;
    parentSchema = schema;
    parentUi = ui;
    key = seg;
    schema = next;
    ui = childUi(ui, seg);
  }
  return { parentSchema, parentUi, key, schema, ui };
}

function options(ui: UiNode): Record<string, unknown> {
  const o = (ui['ui:options'] as Record<string, unknown> | undefined) ?? {};
  ui['ui:options'] = o;
  return o;
}

function applyWidget(at: Located, widget: string, extra: Record<string, unknown> | undefined): void {
  if (widget === 'resources') at.ui['ui:field'] = 'resources';
  else if (widget === 'select') {
    const opts = (extra?.options as string[] | undefined) ?? [];
    if (opts.length && !at.schema.enum) at.schema.enum = opts;
    at.ui['ui:widget'] = 'select';
  } else at.ui['ui:widget'] = widget;
  if (extra) Object.assign(options(at.ui), extra);
}

function removeField(at: Located): void {
  if (!at.parentSchema?.properties || !at.key) return;
  delete at.parentSchema.properties[at.key];
  if (at.parentSchema.required) at.parentSchema.required = at.parentSchema.required.filter((r) => r !== at.key);
  if (at.parentUi) delete at.parentUi[at.key];
}

/** "a.b[].c" → parent path and key per level: [["", "a"], ["a", "b"], ["a.b[]", "c"]]. */
function levels(path: string): [string, string][] {
  const segs = hintPath(path);
  const out: [string, string][] = [];
  let parent = '';
  for (const seg of segs) {
    if (seg === '[]') {
      parent += '[]';
      continue;
    }
    out.push([parent, seg]);
    parent = parent ? `${parent}.${seg}` : seg;
  }
  return out;
}

/** A group's field, cut at the first array (items of one array cannot be split into groups). */
function groupField(path: string): [string, string] | undefined {
  const i = path.indexOf('[');
  const lv = levels(i < 0 ? path : path.slice(0, i));
  return lv[lv.length - 1];
}

function parentLocation(form: KindForm, parent: string): Located | undefined {
  return parent === '' ? { schema: form.schema, ui: form.uiSchema } : locate(form, parent);
}

function addUnique(map: Map<string, string[]>, parent: string, key: string): void {
  const keys = map.get(parent) ?? [];
  if (!keys.includes(key)) keys.push(key);
  map.set(parent, keys);
}

export function applyHints(form: KindForm, hints: FormHints): KindForm {
  for (const p of hints.hidden ?? []) {
    const at = locate(form, p);
    if (at) removeField(at);
  }
  for (const [p, title] of Object.entries(hints.labels ?? {})) {
    const at = locate(form, p);
    if (at) at.schema.title = title;
  }
  for (const [p, help] of Object.entries(hints.help ?? {})) {
    const at = locate(form, p);
    if (at) at.ui['ui:help'] = help;
  }
  for (const [p, widget] of Object.entries(hints.widgets ?? {})) {
    const at = locate(form, p);
    if (at && widget === 'hidden') removeField(at);
    else if (at) applyWidget(at, widget, hints.widgetOptions?.[p]);
  }
  const orders = new Map<string, string[]>();
  for (const p of hints.order ?? []) for (const [parent, key] of levels(p)) addUnique(orders, parent, key);
  for (const [parent, keys] of orders) {
    const at = parentLocation(form, parent);
    const present = keys.filter((k) => at?.schema.properties?.[k]);
    if (at && present.length) at.ui['ui:order'] = [...present, '*'];
  }
  for (const g of hints.groups ?? []) {
    const byParent = new Map<string, string[]>();
    for (const f of g.fields) {
      const lv = groupField(f);
      if (lv) addUnique(byParent, lv[0], lv[1]);
    }
    for (const [parent, keys] of byParent) {
      const at = parentLocation(form, parent);
      const present = keys.filter((k) => at?.schema.properties?.[k]);
      if (!at || !present.length) continue;
      const o = options(at.ui);
      const groups = (o.groups as { title: string; fields: string[] }[] | undefined) ?? [];
      const same = groups.find((x) => x.title === g.title);
      if (same) same.fields.push(...present.filter((k) => !same.fields.includes(k)));
      else groups.push({ title: g.title, fields: present, ...(g.collapsed ? { collapsed: true } : {}), ...(g.description ? { description: g.description } : {}) });
      o.groups = groups;
    }
  }
  return form;
}

export interface KindFormInput {
  /** The kind's schema (`components.schemas[...]`, or a CRD version's openAPIV3Schema). */
  schema: OpenApiSchema;
  components?: OpenApiComponents;
  namespaced: boolean;
  hints?: FormHints;
}

/** The form for a whole object of a kind. */
export function buildKindForm({ schema, components, namespaced, hints }: KindFormInput): KindForm {
  const converted = convertSchema(schema, components);
  const root: JSONSchema7 = { type: 'object', properties: { ...(converted.schema.properties ?? {}) } };
  const props = root.properties!;
  delete props.status;
  const ui: UiNode = { ...converted.ui };
  delete ui.status;
  props.metadata = metadataSchema(props.metadata as JSONSchema7 | undefined, namespaced);
  ui.metadata = { 'ui:order': ['name', 'generateName', ...(namespaced ? ['namespace'] : []), 'labels', 'annotations'] };
  for (const [k, help] of Object.entries(METADATA_HELP)) {
    const field = (props.metadata as JSONSchema7).properties?.[k];
    if (field && typeof field === 'object') {
      (ui.metadata as UiNode)[k] = { 'ui:help': help };
      delete field.description;
    }
  }
  // The page says what kind it creates; the form does not repeat the type fields.
  for (const k of ['apiVersion', 'kind']) {
    if (props[k]) {
      props[k] = { type: 'string', title: k === 'apiVersion' ? 'API version' : 'Kind' };
      ui[k] = { 'ui:widget': 'hidden' };
    }
  }
  if (converted.schema.description) root.description = converted.schema.description;
  ui['ui:order'] = ['apiVersion', 'kind', 'metadata', 'spec', '*'].filter((k) => k === '*' || props[k]);
  const form: KindForm = { schema: root, uiSchema: ui };
  return hints ? applyHints(form, hints) : form;
}

/** A form limited to some top-level subtrees (for one step of a stepped create page). */
export function pickFields(form: KindForm, paths: string[]): KindForm {
  const schema: JSONSchema7 = { ...form.schema, properties: {} };
  const uiSchema: UiNode = { ...form.uiSchema };
  const want = new Map<string, string[]>();
  for (const p of paths) {
    const [head, ...rest] = p.split('.');
    want.set(head!, rest.length ? [...(want.get(head!) ?? []), rest.join('.')] : []);
  }
  for (const [head, subs] of want) {
    const s = form.schema.properties?.[head];
    if (!s || typeof s !== 'object') continue;
    if (subs.length === 0 || s.type !== 'object') {
      schema.properties![head] = s;
      continue;
    }
    const inner = pickFields({ schema: s, uiSchema: (form.uiSchema[head] as UiNode) ?? {} }, subs);
    schema.properties![head] = inner.schema;
    uiSchema[head] = { ...inner.uiSchema, 'ui:order': subs.map((x) => x.split('.')[0]!).filter((k, i, a) => a.indexOf(k) === i).concat('*') };
  }
  schema.required = (form.schema.required ?? []).filter((r) => schema.properties![r]);
  uiSchema['ui:order'] = Object.keys(schema.properties!);
  return { schema, uiSchema };
}

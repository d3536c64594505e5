/**
 * Which fields each resource supports in field selectors, and how to read them, after upstream's
 * per-kind `ToSelectableFields` / field label conversions (kubernetes/kubernetes
 * `pkg/registry/core/<kind>/strategy.go`, `pkg/apis/<group>/v1/conversion.go`). Values are what upstream's
 * field set holds: booleans as "true"/"false", counts as decimal, absent strings as "".
 */
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import type { FieldSelector } from './field-selector';
import { matchesFields } from './field-selector';

export type FieldValueGetter = (obj: KubeObject) => string;

export interface FieldTable {
  /** Supported field names, `metadata.name` and `metadata.namespace` first. */
  readonly fields: readonly string[];
  supports(field: string): boolean;
  /** The field's value, or undefined when the resource does not support the field. */
  get(obj: KubeObject, field: string): string | undefined;
}

/** A CRD version's `selectableFields[]` entry (`jsonPath` like `.spec.color`). */
export interface SelectableField {
  jsonPath: string;
}

function at(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

/** A string-valued field; anything else (absent, null, object) reads as "". */
function str(path: string): FieldValueGetter {
  return (obj) => {
    const v = at(obj, path);
    return typeof v === 'string' ? v : '';
  };
}

/** First path that holds a non-empty string (for views that rename a field, e.g. `regarding`). */
function firstStr(...paths: string[]): FieldValueGetter {
  return (obj) => {
    for (const p of paths) {
      const v = at(obj, p);
      if (typeof v === 'string' && v !== '') return v;
    }
    return '';
  };
}

/** `strconv.FormatBool`, with an absent field as false. */
function bool(path: string): FieldValueGetter {
  return (obj) => String(at(obj, path) === true);
}

/** `strconv.Itoa`, with an absent field as 0. */
function int(path: string): FieldValueGetter {
  return (obj) => {
    const v = at(obj, path);
    return typeof v === 'number' ? String(Math.trunc(v)) : '0';
  };
}

function podIP(obj: KubeObject): string {
  const ips = at(obj, 'status.podIPs');
  if (Array.isArray(ips) && isObject(ips[0]) && typeof ips[0].ip === 'string') return ips[0].ip;
  return str('status.podIP')(obj);
}

const INVOLVED = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

const coreEventFields: Record<string, FieldValueGetter> = {
  ...Object.fromEntries(INVOLVED.map((f) => [`involvedObject.${f}`, str(`involvedObject.${f}`)])),
  reason: str('reason'),
  reportingComponent: str('reportingComponent'),
  source: firstStr('source.component', 'reportingComponent'),
  type: str('type'),
};

/** events.k8s.io/v1 names; reads the events.k8s.io view and falls back to the core storage form. */
const eventsV1Fields: Record<string, FieldValueGetter> = {
  ...Object.fromEntries(INVOLVED.map((f) => [`regarding.${f}`, firstStr(`regarding.${f}`, `involvedObject.${f}`)])),
  reason: str('reason'),
  reportingController: firstStr('reportingController', 'reportingComponent'),
  type: str('type'),
};

/** Keyed by `<resource>.<group>` (core group: `<resource>.`). */
const TABLES: Record<string, Record<string, FieldValueGetter>> = {
  'pods.': {
    'spec.nodeName': str('spec.nodeName'),
    'spec.restartPolicy': str('spec.restartPolicy'),
    'spec.schedulerName': str('spec.schedulerName'),
    'spec.serviceAccountName': str('spec.serviceAccountName'),
    'spec.hostNetwork': bool('spec.hostNetwork'),
    'status.phase': str('status.phase'),
    'status.podIP': podIP,
    'status.nominatedNodeName': str('status.nominatedNodeName'),
  },
  'events.': coreEventFields,
  'events.events.k8s.io': eventsV1Fields,
  'secrets.': { type: str('type') },
  'namespaces.': { 'status.phase': str('status.phase') },
  'nodes.': { 'spec.unschedulable': bool('spec.unschedulable') },
  'replicationcontrollers.': { 'status.replicas': int('status.replicas') },
  'replicasets.apps': { 'status.replicas': int('status.replicas') },
  'jobs.batch': { 'status.successful': int('status.succeeded') },
  'certificatesigningrequests.certificates.k8s.io': { 'spec.signerName': str('spec.signerName') },
};

/** A CRD selectable field's value: strings as is, booleans and integers formatted, else absent (""). */
function selectable(path: string): FieldValueGetter {
  return (obj) => {
    const v = at(obj, path);
    if (typeof v === 'string') return v;
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number' && Number.isInteger(v)) return String(v);
    return '';
  };
}

const METADATA: Record<string, FieldValueGetter> = {
  'metadata.name': str('metadata.name'),
  'metadata.namespace': str('metadata.namespace'),
};

/**
 * The field table of one resource. Every resource supports `metadata.name` and
 * `metadata.namespace`; `selectableFields` adds a CRD version's fields (custom resources only).
 */
export function fieldGetterFor(resource: string, group: string, selectableFields: readonly SelectableField[] = []): FieldTable {
  const getters: Record<string, FieldValueGetter> = { ...METADATA, ...(TABLES[`${resource}.${group}`] ?? {}) };
  for (const f of selectableFields) {
    const path = f.jsonPath.replace(/^\./, '');
    if (path && !Object.prototype.hasOwnProperty.call(getters, path)) getters[path] = selectable(path);
  }
  const fields = Object.freeze(Object.keys(getters));
  return {
    fields,
    supports: (field) => Object.prototype.hasOwnProperty.call(getters, field),
    get(obj, field) {
      const getter = Object.prototype.hasOwnProperty.call(getters, field) ? getters[field] : undefined;
      return getter ? getter(obj) : undefined;
    },
  };
}

/** Whether `obj` satisfies a field selector parsed against `table.supports`. */
export function objectMatchesFields(selector: FieldSelector, table: FieldTable, obj: KubeObject): boolean {
  return selector.requirements.length === 0 || matchesFields(selector, (field) => table.get(obj, field));
}

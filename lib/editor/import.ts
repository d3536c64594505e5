import { kubeFetch } from '../k8s/client';
import { KubeError } from '../k8s/status';
import type { KubeObject } from '../k8s/types';
import { deepEqual, isPlainObject } from './changes';
import { cleanForExport } from './export';
import { parseApiVersion } from './openapi';
import { parseYamlAll, type ParseOptions, type YamlError } from './yaml-model';

/**
 * "Import YAML": a multi-document text applied the way `kubectl apply --server-side` does —
 * each object PATCHed with `application/apply-patch+yaml` and `fieldManager=glasspane`, which
 * creates it or updates the fields this manager owns. `kind: List` documents are expanded.
 * Namespaced objects without a namespace get the chosen default; cluster-scoped ones never get
 * one. Each object's result is reported: created, configured, unchanged or an error in words.
 */
export const FIELD_MANAGER = 'glasspane';
export const APPLY_PATCH = 'application/apply-patch+yaml';

export interface ResourceInfo {
  resource: string;
  namespaced: boolean;
}

/** How a group and kind map to the API's resource (from discovery). */
export type ResolveKind = (group: string, kind: string) => ResourceInfo | undefined;

export interface ImportItem {
  /** 1-based line of the document in the text. */
  line: number;
  label: string;
  object?: KubeObject;
  /** The object's API path, when the plan is valid. */
  path?: string;
  problem?: string;
}

export type ImportPlan = { ok: true; items: ImportItem[] } | { ok: false; error: YamlError };

function labelOf(o: Record<string, unknown>): string {
  const meta = isPlainObject(o.metadata) ? o.metadata : {};
  const ns = typeof meta.namespace === 'string' ? `${meta.namespace}/` : '';
  return `${typeof o.kind === 'string' ? o.kind : '(no kind)'} ${ns}${typeof meta.name === 'string' ? meta.name : '(no name)'}`;
}

function planOne(value: unknown, line: number, defaultNamespace: string, resolve: ResolveKind): ImportItem {
  if (!isPlainObject(value)) return { line, label: '(not an object)', problem: 'The document is not a mapping of fields.' };
  const label = labelOf(value);
  if (typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') return { line, label, problem: 'apiVersion and kind are required.' };
  const meta = isPlainObject(value.metadata) ? value.metadata : undefined;
  if (!meta || typeof meta.name !== 'string' || !meta.name) return { line, label, problem: 'metadata.name is required (generateName cannot be applied).' };
  const { group, version } = parseApiVersion(value.apiVersion);
  const info = resolve(group, value.kind);
  if (!info) return { line, label, problem: `The cluster does not serve ${value.kind} in ${value.apiVersion}.` };
  const metadata: Record<string, unknown> = { ...meta };
  if (info.namespaced) metadata.namespace = typeof meta.namespace === 'string' && meta.namespace ? meta.namespace : defaultNamespace;
  else delete metadata.namespace;
  if (info.namespaced && !metadata.namespace) return { line, label, problem: 'Choose a namespace: this kind lives in one.' };
  const object = { ...value, metadata } as KubeObject;
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const scope = info.namespaced ? `/namespaces/${encodeURIComponent(String(metadata.namespace))}` : '';
  return { line, label: labelOf(object), object, path: `${base}${scope}/${info.resource}/${encodeURIComponent(meta.name)}` };
}

export function planImport(text: string, defaultNamespace: string, resolve: ResolveKind, limits: ParseOptions = {}): ImportPlan {
  const parsed = parseYamlAll(text, limits);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const items: ImportItem[] = [];
  for (const d of parsed.documents) {
    const v = d.value;
    if (isPlainObject(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) {
      for (const item of v.items) items.push(planOne(item, d.line, defaultNamespace, resolve));
    } else {
      items.push(planOne(v, d.line, defaultNamespace, resolve));
    }
  }
  return { ok: true, items };
}

export type ApplyResult = { outcome: 'created' | 'configured' | 'unchanged'; object: KubeObject; warnings: string[] } | { outcome: 'error'; message: string };

async function current(path: string): Promise<KubeObject | undefined> {
  try {
    return (await kubeFetch<KubeObject>(path)).data;
  } catch (e) {
    if (e instanceof KubeError && (e.code === 404 || e.code === 403)) return undefined;
    throw e;
  }
}

/** Applies one planned object (server-side apply). */
export async function applyItem(item: ImportItem, opts: { dryRun: boolean; force: boolean }): Promise<ApplyResult> {
  if (!item.object || !item.path) return { outcome: 'error', message: item.problem ?? 'Nothing to apply.' };
  try {
    const before = await current(item.path);
    const q = new URLSearchParams({ fieldManager: FIELD_MANAGER, fieldValidation: 'Strict' });
    if (opts.dryRun) q.set('dryRun', 'All');
    if (opts.force) q.set('force', 'true');
    const { data, warnings } = await kubeFetch<KubeObject>(`${item.path}?${q}`, { method: 'PATCH', body: JSON.stringify(item.object), contentType: APPLY_PATCH });
    if (!before) return { outcome: 'created', object: data, warnings };
    const same = deepEqual(cleanForExport(before), cleanForExport(data));
    return { outcome: same ? 'unchanged' : 'configured', object: data, warnings };
  } catch (e) {
    if (!(e instanceof KubeError)) throw e;
    if (e.code === 409 && /conflict/i.test(e.message)) return { outcome: 'error', message: `${e.message}. Another manager owns these fields; apply with “Override conflicts” to take them over.` };
    return { outcome: 'error', message: e.message || `The request failed (${e.code}).` };
  }
}

import type { KubeObject } from '../k8s/types';
import { isPlainObject } from './changes';
import { newDoc, toText } from './yaml-model';

/**
 * The object an edit starts from and the checks before it is sent. The editor shows the object
 * as `kubectl edit` would, without managedFields and (by default) status; a save always carries
 * the resourceVersion the edit started from — whatever the text says — so a concurrent change on
 * the server is a 409, never silently overwritten.
 */
export function editableObject(obj: KubeObject, opts: { status?: boolean; managedFields?: boolean } = {}): KubeObject {
  const { status, ...rest } = obj;
  const metadata = { ...obj.metadata };
  if (!opts.managedFields) delete metadata.managedFields;
  return { ...rest, metadata, ...(opts.status && status !== undefined ? { status } : {}) };
}

/** The editor's starting text for an object. */
export function editText(obj: KubeObject, opts?: { status?: boolean; managedFields?: boolean }): string {
  return toText(newDoc(editableObject(obj, opts)));
}

export interface Identity {
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

export function identityOf(obj: KubeObject): Identity {
  return { apiVersion: obj.apiVersion, kind: obj.kind, name: obj.metadata?.name, namespace: obj.metadata?.namespace };
}

export type Prepared = { ok: true; object: KubeObject } | { ok: false; message: string; path: (string | number)[] };

/**
 * Checks the edited value is still the same object (a PUT cannot rename or move an object, nor
 * change its kind) and stamps the resourceVersion the edit started from.
 */
export function prepareUpdate(value: unknown, original: Identity, resourceVersion: string | undefined): Prepared {
  if (!isPlainObject(value)) return { ok: false, message: 'The YAML must be a mapping of fields (apiVersion, kind, metadata, …).', path: [] };
  const meta = isPlainObject(value.metadata) ? value.metadata : undefined;
  if (!meta) return { ok: false, message: 'metadata is missing.', path: ['metadata'] };
  if (original.kind && value.kind !== original.kind) return { ok: false, message: `kind must stay ${original.kind}: an edit cannot change the kind of an object.`, path: ['kind'] };
  if (original.apiVersion && value.apiVersion !== original.apiVersion) return { ok: false, message: `apiVersion must stay ${original.apiVersion}.`, path: ['apiVersion'] };
  if (original.name && meta.name !== original.name) return { ok: false, message: `metadata.name must stay "${original.name}": an edit cannot rename an object (create a copy instead).`, path: ['metadata', 'name'] };
  if (original.namespace && meta.namespace !== undefined && meta.namespace !== original.namespace) {
    return { ok: false, message: `metadata.namespace must stay "${original.namespace}": an edit cannot move an object.`, path: ['metadata', 'namespace'] };
  }
  const metadata: Record<string, unknown> = { ...meta };
  if (resourceVersion) metadata.resourceVersion = resourceVersion;
  return { ok: true, object: { ...value, metadata } as KubeObject };
}

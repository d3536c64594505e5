import { errors } from '../../api/errors';
import type { Registry } from '../../api/registry';
import type { ResourceType } from '../../api/resource-type';
import type { KubeObject } from '../../api/types';
import { deleteObject, type DeleteOptions } from '../../core/deletion';
import { SYSTEM_USER, type Objects } from '../../core/objects';
import { applyPatchDocument } from '../../core/patching';
import { viewObject } from '../../core/views';
import { matchesLabels, parseLabelSelector } from '../../selectors';
import type { Store } from '../../storage/store';

/**
 * The API as in-process controllers use it: the same object path as any client (validation,
 * admission, quotas, resourceVersions, watch events), under a system identity and a field
 * manager named after the controller. Kinds are addressed by apiVersion and plural.
 */
export class SystemClient {
  constructor(
    private readonly registry: Registry,
    private readonly objects: Objects,
    private readonly store: Store,
    readonly manager: string,
  ) {}

  type(apiVersion: string, resource: string): ResourceType {
    const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    const rt = this.registry.lookup(group, version, resource);
    if (!rt) throw errors.notFound({ group, resource }, '');
    return rt;
  }

  has(apiVersion: string, resource: string): boolean {
    const [group, version] = apiVersion.includes('/') ? (apiVersion.split('/') as [string, string]) : ['', apiVersion];
    return this.registry.lookup(group, version, resource) !== undefined;
  }

  private opts(subresource?: string) {
    return { user: SYSTEM_USER, fieldManager: this.manager, subresource };
  }

  get<T extends KubeObject = KubeObject>(apiVersion: string, resource: string, namespace: string, name: string): T | undefined {
    const rt = this.type(apiVersion, resource);
    const stored = this.objects.getStored(rt, namespace, name);
    return stored ? (viewObject(rt, stored) as T) : undefined;
  }

  /** Objects of a kind, optionally in one namespace and matching a label selector string. */
  list<T extends KubeObject = KubeObject>(apiVersion: string, resource: string, namespace?: string, labelSelector?: string): T[] {
    const rt = this.type(apiVersion, resource);
    const selector = labelSelector ? parseLabelSelector(labelSelector) : undefined;
    const out: T[] = [];
    for (const s of this.store.list(rt.table, rt.namespaced ? namespace : undefined)) {
      if (selector && !matchesLabels(selector, s.obj.metadata.labels)) continue;
      out.push(viewObject(rt, s) as T);
    }
    return out;
  }

  create<T extends KubeObject = KubeObject>(apiVersion: string, resource: string, obj: KubeObject): T {
    const rt = this.type(apiVersion, resource);
    return this.objects.create(rt, obj.metadata.namespace ?? '', { apiVersion, kind: rt.kind, ...obj }, this.opts()).object as T;
  }

  /** Replaces the object (optimistic concurrency on the resourceVersion it carries). */
  update<T extends KubeObject = KubeObject>(apiVersion: string, resource: string, obj: KubeObject): T {
    const rt = this.type(apiVersion, resource);
    return this.objects.update(rt, obj.metadata.namespace ?? '', obj.metadata.name ?? '', obj, this.opts()).object as T;
  }

  /** Writes only `.status` through the status subresource (or the main resource when the kind has none). */
  updateStatus<T extends KubeObject = KubeObject>(apiVersion: string, resource: string, obj: KubeObject): T {
    const rt = this.type(apiVersion, resource);
    const ns = obj.metadata.namespace ?? '';
    const existing = this.objects.getStored(rt, ns, obj.metadata.name ?? '');
    if (!existing) throw errors.notFound(rt, obj.metadata.name ?? '');
    const next = this.objects.normalize(rt, ns, JSON.parse(JSON.stringify(obj)) as KubeObject);
    return this.objects.commitUpdate(rt, existing, next, this.opts(rt.statusSubresource ? 'status' : undefined)).object as T;
  }

  /** A JSON merge patch (RFC 7386), applied to the current state without a resourceVersion check. */
  patch<T extends KubeObject = KubeObject>(apiVersion: string, resource: string, namespace: string, name: string, patch: unknown, subresource?: 'status'): T {
    const rt = this.type(apiVersion, resource);
    const existing = this.objects.getStored(rt, namespace, name);
    if (!existing) throw errors.notFound(rt, name);
    const patched = applyPatchDocument(rt, viewObject(rt, existing), 'merge', JSON.stringify(patch));
    delete patched.metadata.resourceVersion;
    const next = this.objects.normalize(rt, namespace, patched);
    return this.objects.commitUpdate(rt, existing, next, this.opts(subresource)).object as T;
  }

  delete(apiVersion: string, resource: string, namespace: string, name: string, options: DeleteOptions = {}): KubeObject | undefined {
    const rt = this.type(apiVersion, resource);
    if (!this.objects.getStored(rt, namespace, name)) return undefined;
    return deleteObject(this.objects, rt, namespace, name, options, this.opts()).object;
  }
}

import { errors, ApiError } from '../api/errors';
import type { ResourceType, WriteContext } from '../api/resource-type';
import type { KubeObject, UserInfo } from '../api/types';
import { isObject } from '../api/types';
import type { Store, Stored } from '../storage/store';
import { clone } from '../storage/store';
import { compactMetadata, generateNameSuffix, preserveServerFields, resetServerFieldsForCreate, specSignature, timestamp, validateMetadataShape } from './metadata';
import { fromStorage, toStorage, viewObject } from './views';
import { checkSchema } from './schema-check';
import { validateObjectName } from '../crd/names';
import { managedFieldsAfterUpdate } from './field-management';
import type { Admission } from './admission';
import { stableStringify } from '../util/stable-json';

/**
 * The object API behind every REST handler and every in-process controller: create, update
 * and delete with validation, defaulting, admission, optimistic concurrency, finalizers and
 * dry run. Controllers use it with a system identity, so their writes take the same path and
 * produce the same watch events as any client's.
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface WriteOptions {
  user: UserInfo;
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: FieldValidation;
  subresource?: string;
  /** Server-side apply already computed managedFields; keep them as they are. */
  applied?: boolean;
}

export interface WriteResult {
  object: KubeObject;
  warnings: string[];
  /** HTTP code for the REST layer: 201 on create, 200 otherwise (202 for some deletes). */
  code: number;
}

export const SYSTEM_USER: UserInfo = { username: 'system:supervisor', groups: ['system:masters', 'system:authenticated'] };

export class Objects {
  constructor(
    readonly store: Store,
    private readonly admission: Admission,
    readonly now: () => Date = () => new Date(),
  ) {}

  getStored(rt: ResourceType, namespace: string, name: string): Stored | undefined {
    return this.store.get(rt.table, rt.namespaced ? namespace : '', name);
  }

  /** The object as `rt` serves it; 404 when missing. */
  get(rt: ResourceType, namespace: string, name: string): KubeObject {
    const stored = this.getStored(rt, namespace, name);
    if (!stored) throw errors.notFound(rt, name);
    return viewObject(rt, stored);
  }

  admit(a: Parameters<Admission['admit']>[0]): void {
    this.admission.admit(a);
  }

  private context(opts: WriteOptions): WriteContext {
    return { user: opts.user, now: this.now(), dryRun: opts.dryRun === true, subresource: opts.subresource };
  }

  /** Checks TypeMeta and namespace of a client's object and converts it to the storage form. */
  normalize(rt: ResourceType, namespace: string, input: unknown): KubeObject {
    if (!isObject(input)) throw errors.badRequest(`the object provided is unrecognized (must be of type ${rt.kind}): the body must be a JSON or YAML object`);
    const obj = input as KubeObject;
    const expected = rt.group ? `${rt.group}/${rt.version}` : rt.version;
    if (obj.kind !== undefined && obj.kind !== rt.kind) throw errors.badRequest(`the object provided is unrecognized (must be of type ${rt.kind}): kind "${String(obj.kind)}" does not match`);
    if (obj.apiVersion !== undefined && obj.apiVersion !== expected) {
      throw errors.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expected})`);
    }
    if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
    const causes = validateMetadataShape(obj.metadata);
    if (causes.length) throw errors.invalid(rt.group, rt.kind, String(obj.metadata?.name ?? ''), causes);
    if (rt.namespaced) {
      if (obj.metadata.namespace && obj.metadata.namespace !== namespace) {
        throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = namespace;
    } else {
      delete obj.metadata.namespace;
    }
    return toStorage(rt, { ...obj, kind: rt.kind, apiVersion: expected });
  }

  create(rt: ResourceType, namespace: string, input: unknown, opts: WriteOptions): WriteResult {
    if (rt.virtual || !rt.verbs.includes('create')) throw errors.methodNotAllowed();
    const ctx = this.context(opts);
    let obj = this.normalize(rt, namespace, input);
    const warnings: string[] = [];
    obj = checkSchema(rt, obj, opts.fieldValidation ?? 'Warn', warnings, opts.user === SYSTEM_USER);
    const meta = obj.metadata;
    const generated = !meta.name && !!meta.generateName;
    if (!meta.name) {
      if (!meta.generateName) throw errors.invalid(rt.group, rt.kind, '', [{ type: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' }]);
      meta.name = `${meta.generateName}${generateNameSuffix()}`;
    }
    const nameErrors = validateObjectName(meta.name, rt.nameRule);
    if (nameErrors.length) throw errors.invalid(rt.group, rt.kind, meta.name, nameErrors.map((e) => ({ type: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(meta.name)}: ${e}`, field: 'metadata.name' })));
    resetServerFieldsForCreate(meta, ctx.now, rt.generation);
    if (rt.statusSubresource) delete obj.status;
    rt.strategy.prepareForCreate?.(obj, ctx);
    const causes = rt.strategy.validate?.(obj, ctx) ?? [];
    if (causes.length) throw errors.invalid(rt.group, rt.kind, meta.name, causes);
    if (!opts.applied) {
      const managed = managedFieldsAfterUpdate(rt, undefined, obj, opts.fieldManager ?? 'unknown', timestamp(ctx.now), opts.subresource);
      if (managed) meta.managedFields = managed;
    }
    compactMetadata(meta);
    this.admission.admit({ operation: 'CREATE', rt, namespace: meta.namespace ?? '', name: meta.name, object: obj, user: opts.user, dryRun: ctx.dryRun });
    for (let attempt = 0; this.getStored(rt, meta.namespace ?? '', meta.name); attempt++) {
      if (!generated || attempt >= 8) throw errors.alreadyExists(rt, meta.name);
      meta.name = `${meta.generateName}${generateNameSuffix()}`;
    }
    if (ctx.dryRun) return { object: fromStorage(rt, obj), warnings, code: 201 };
    const stored = this.store.put(rt.table, obj);
    return { object: viewObject(rt, stored), warnings, code: 201 };
  }

  /** PUT: replaces the object, with optimistic concurrency on metadata.resourceVersion. */
  update(rt: ResourceType, namespace: string, name: string, input: unknown, opts: WriteOptions): WriteResult {
    const existing = this.getStored(rt, namespace, name);
    if (!existing) throw errors.notFound(rt, name);
    const obj = this.normalize(rt, namespace, input);
    if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    obj.metadata.name = name;
    const rv = obj.metadata.resourceVersion;
    if (rv === undefined || rv === '') {
      if (!rt.allowUnconditionalUpdate) {
        throw errors.invalid(rt.group, rt.kind, name, [{ type: 'FieldValueInvalid', message: 'Invalid value: 0x0: must be specified for an update', field: 'metadata.resourceVersion' }]);
      }
    } else if (rv !== existing.obj.metadata.resourceVersion) {
      throw errors.staleUpdate(rt, name);
    }
    return this.commitUpdate(rt, existing, obj, opts);
  }

  /**
   * Stores `next` (storage form) as the new state of `existing`: subresource rules, server-owned
   * metadata, generation, finalizer rules, validation, admission, no-op detection, and removal
   * once a deleted object's last finalizer is gone.
   */
  commitUpdate(rt: ResourceType, existing: Stored, input: KubeObject, opts: WriteOptions, presetWarnings: string[] = []): WriteResult {
    const ctx = this.context(opts);
    const old = existing.obj;
    const warnings = [...presetWarnings];
    let obj = input;
    if (opts.subresource !== 'status' && opts.subresource !== 'scale') obj = checkSchema(rt, obj, opts.fieldValidation ?? 'Warn', warnings, opts.user === SYSTEM_USER);
    if (opts.subresource === 'status') {
      const next = clone<KubeObject>(existing);
      next.status = obj.status;
      obj = next;
    } else if (rt.statusSubresource) {
      if (old.status === undefined) delete obj.status;
      else obj.status = JSON.parse(JSON.stringify(old.status)) as unknown;
    }
    const meta = obj.metadata;
    preserveServerFields(meta, old.metadata);
    if (old.metadata.deletionTimestamp) {
      const added = (meta.finalizers ?? []).filter((f) => !(old.metadata.finalizers ?? []).includes(f));
      if (added.length) throw errors.invalid(rt.group, rt.kind, meta.name ?? '', [{ type: 'FieldValueForbidden', message: 'Forbidden: no new finalizers can be added if the object is being deleted', field: 'metadata.finalizers' }]);
    }
    if (rt.generation && opts.subresource !== 'status' && specSignature(obj) !== specSignature(old)) meta.generation = (old.metadata.generation ?? 1) + 1;
    rt.strategy.prepareForUpdate?.(obj, old, ctx);
    // Subresources other than scale change fields the main endpoint may not (status, binding, finalize).
    const causes = opts.subresource && opts.subresource !== 'scale' ? [] : rt.strategy.validateUpdate ? rt.strategy.validateUpdate(obj, old, ctx) : (rt.strategy.validate?.(obj, ctx) ?? []);
    if (causes.length) throw errors.invalid(rt.group, rt.kind, meta.name ?? '', causes);
    if (!opts.applied) {
      const managed = managedFieldsAfterUpdate(rt, old, obj, opts.fieldManager ?? 'unknown', timestamp(ctx.now), opts.subresource);
      if (managed) meta.managedFields = managed;
      else delete meta.managedFields;
    }
    compactMetadata(meta);
    this.admission.admit({ operation: 'UPDATE', rt, namespace: meta.namespace ?? '', name: meta.name ?? '', object: obj, oldObject: old, user: opts.user, dryRun: ctx.dryRun, subresource: opts.subresource });
    meta.resourceVersion = old.metadata.resourceVersion;
    if (sameIgnoringManagedFields(obj, old)) return { object: viewObject(rt, existing), warnings, code: 200 };
    if (ctx.dryRun) return { object: fromStorage(rt, obj), warnings, code: 200 };
    // As upstream's shouldDeleteDuringUpdate: only an object whose graceful deletion is over (or
    // that had none) goes away when its last finalizer does; a terminating pod waits for its node.
    if (meta.deletionTimestamp && (meta.finalizers ?? []).length === 0 && !((old.metadata.deletionGracePeriodSeconds ?? 0) > 0) && !blockedBySpecFinalizers(obj)) {
      const removed = this.store.remove(rt.table, meta.namespace ?? '', meta.name ?? '');
      return { object: viewObject(rt, removed!), warnings, code: 200 };
    }
    const stored = this.store.put(rt.table, obj);
    return { object: viewObject(rt, stored), warnings, code: 200 };
  }
}

function sameIgnoringManagedFields(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): string => stableStringify({ ...o, metadata: { ...o.metadata, managedFields: undefined, resourceVersion: undefined } });
  return strip(a) === strip(b);
}

/** Namespaces stay until spec.finalizers is empty too (the namespace controller empties it). */
function blockedBySpecFinalizers(obj: KubeObject): boolean {
  const spec = obj.spec;
  return obj.kind === 'Namespace' && isObject(spec) && Array.isArray(spec.finalizers) && spec.finalizers.length > 0;
}

export { ApiError };

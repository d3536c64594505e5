import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { isObject } from '../api/types';
import { clone } from '../storage/store';
import { timestamp } from './metadata';
import type { Objects, WriteOptions, WriteResult } from './objects';
import { viewObject, fromStorage } from './views';

/**
 * DELETE semantics (apiserver registry/generic/registry/store.go): preconditions, propagation
 * policy finalizers (foregroundDeletion, orphan), graceful deletion of pods bound to a host, and
 * objects with finalizers that stay, marked with a deletionTimestamp, until the last one is removed.
 */
export type PropagationPolicy = 'Orphan' | 'Background' | 'Foreground';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  orphanDependents?: boolean;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  /** DeleteOptions.dryRun from the body (kubectl puts it there); the query form is read elsewhere. */
  dryRun?: boolean;
}

export function parseDeleteOptions(body: unknown, query: URLSearchParams): DeleteOptions {
  const o: DeleteOptions = {};
  const b = isObject(body) ? body : {};
  const policy = (query.get('propagationPolicy') ?? b.propagationPolicy) as string | undefined;
  if (policy !== undefined && policy !== null) {
    if (!['Orphan', 'Background', 'Foreground'].includes(policy)) {
      throw errors.invalid('', 'DeleteOptions', '', [{ type: 'FieldValueNotSupported', message: `Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`, field: 'propagationPolicy' }]);
    }
    o.propagationPolicy = policy as PropagationPolicy;
  }
  const orphan = query.get('orphanDependents') ?? b.orphanDependents;
  if (orphan !== undefined && orphan !== null) o.orphanDependents = orphan === true || orphan === 'true';
  const grace = query.get('gracePeriodSeconds') ?? b.gracePeriodSeconds;
  if (grace !== undefined && grace !== null) {
    const n = Number(grace);
    if (!Number.isInteger(n)) throw errors.badRequest(`invalid gracePeriodSeconds: ${String(grace)}`);
    o.gracePeriodSeconds = n;
  }
  if (Array.isArray(b.dryRun)) {
    for (const d of b.dryRun) {
      if (d !== 'All') throw errors.invalid('meta.k8s.io', 'DeleteOptions', '', [{ type: 'FieldValueNotSupported', message: `Unsupported value: ${JSON.stringify(d)}: supported values: "All"`, field: 'dryRun' }]);
    }
    if (b.dryRun.length) o.dryRun = true;
  }
  if (isObject(b.preconditions)) o.preconditions = b.preconditions as DeleteOptions['preconditions'];
  if (o.orphanDependents !== undefined && o.propagationPolicy !== undefined) {
    throw errors.invalid('', 'DeleteOptions', '', [{ type: 'FieldValueInvalid', message: 'Invalid value: "": orphanDependents and deletionPropagation cannot be both set', field: 'propagationPolicy' }]);
  }
  return o;
}

function policyFinalizer(options: DeleteOptions): string | undefined {
  if (options.propagationPolicy === 'Foreground') return 'foregroundDeletion';
  if (options.propagationPolicy === 'Orphan' || options.orphanDependents === true) return 'orphan';
  return undefined;
}

/** Pods on a host are deleted gracefully: the node agent confirms with a grace-0 delete. */
function gracePeriod(rt: ResourceType, obj: KubeObject, options: DeleteOptions): number {
  if (rt.group !== '' || rt.resource !== 'pods') return 0;
  const spec = isObject(obj.spec) ? obj.spec : {};
  if (!spec.nodeName) return 0;
  const phase = isObject(obj.status) ? obj.status.phase : undefined;
  if (phase === 'Succeeded' || phase === 'Failed') return 0;
  return options.gracePeriodSeconds ?? (typeof spec.terminationGracePeriodSeconds === 'number' ? spec.terminationGracePeriodSeconds : 30);
}

export function deleteObject(objects: Objects, rt: ResourceType, namespace: string, name: string, options: DeleteOptions, opts: WriteOptions): WriteResult {
  const existing = objects.getStored(rt, namespace, name);
  if (!existing) throw errors.notFound(rt, name);
  const current = existing.obj;
  const pre = options.preconditions;
  if (pre?.uid && pre.uid !== current.metadata.uid) {
    throw errors.conflict(rt, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${current.metadata.uid}`);
  }
  if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
    throw errors.conflict(rt, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${current.metadata.resourceVersion}`);
  }
  objects.admit({ operation: 'DELETE', rt, namespace: current.metadata.namespace ?? '', name, oldObject: current, user: opts.user, dryRun: opts.dryRun === true });

  const now = objects.now();
  const obj = clone<KubeObject>(existing);
  const meta = obj.metadata;
  const finalizer = policyFinalizer(options);
  const grace = gracePeriod(rt, obj, options);
  const finalizers = new Set(meta.finalizers ?? []);
  if (finalizer) {
    finalizers.delete(finalizer === 'orphan' ? 'foregroundDeletion' : 'orphan');
    finalizers.add(finalizer);
  }
  const isNamespace = rt.group === '' && rt.resource === 'namespaces';
  const alreadyDeleting = !!meta.deletionTimestamp;

  if (alreadyDeleting) {
    // A repeated delete may shorten the grace period (e.g. --force) or change the propagation finalizer.
    let changed = false;
    if (grace === 0 && (meta.deletionGracePeriodSeconds ?? 0) > 0 && finalizers.size === 0) {
      if (opts.dryRun) return { object: viewObject(rt, existing), warnings: [], code: 200 };
      const removed = objects.store.remove(rt.table, meta.namespace ?? '', name)!;
      return { object: viewObject(rt, removed), warnings: [], code: 200 };
    }
    if (finalizer && !(meta.finalizers ?? []).includes(finalizer)) {
      meta.finalizers = [...finalizers];
      changed = true;
    }
    if (!changed || opts.dryRun) return { object: viewObject(rt, existing), warnings: [], code: 202 };
    const stored = objects.store.put(rt.table, obj);
    return { object: viewObject(rt, stored), warnings: [], code: 202 };
  }

  if (grace > 0 || finalizers.size > 0 || isNamespace) {
    meta.deletionTimestamp = timestamp(new Date(now.getTime() + grace * 1000));
    meta.deletionGracePeriodSeconds = grace;
    if (finalizers.size) meta.finalizers = [...finalizers];
    if (isNamespace) obj.status = { ...(isObject(obj.status) ? obj.status : {}), phase: 'Terminating' };
    if (opts.dryRun) return { object: fromStorage(rt, obj), warnings: [], code: 200 };
    const stored = objects.store.put(rt.table, obj);
    const code = options.orphanDependents === false ? 202 : 200;
    return { object: viewObject(rt, stored), warnings: [], code };
  }
  if (opts.dryRun) return { object: viewObject(rt, existing), warnings: [], code: 200 };
  const removed = objects.store.remove(rt.table, meta.namespace ?? '', name)!;
  return { object: viewObject(rt, removed), warnings: [], code: 200 };
}

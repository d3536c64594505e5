import type { KubeObject } from '../api/types';
import { deleteObject } from '../core/deletion';
import { SYSTEM_USER } from '../core/objects';
import { crdInfo } from '../crd/crd-versions';
import { crdStatusFor } from '../crd/crd-status';
import type { CustomResourceDefinition } from '../crd/crd-types';
import { customResourceClusterRoles, CRD_ROLE_LABEL } from '../auth/rbac-crd-roles';
import { clone } from '../storage/store';
import { stableStringify } from '../util/stable-json';
import type { ControllerContext } from './controller-context';
import { customResourceTypes } from './crd-types';
import { WorkQueue } from './work-queue';

/**
 * The apiextensions controllers in one: naming (NamesAccepted), establishing (serve the
 * versions, then write Established, so discovery has them first), per-CRD aggregated roles, and
 * cleanup (a deleted CRD's instances go before its endpoints and the
 * `customresourcecleanup.apiextensions.k8s.io` finalizer).
 */
const TABLE = 'apiextensions.k8s.io/customresourcedefinitions';
const CLEANUP = 'customresourcecleanup.apiextensions.k8s.io';
const ROLES = 'rbac.authorization.k8s.io/clusterroles';

export function startCrdController({ core, onStop }: ControllerContext): void {
  const { store, registry, objects } = core;
  const crdType = registry.lookup('apiextensions.k8s.io', 'v1', 'customresourcedefinitions')!;
  const roleType = registry.lookup('rbac.authorization.k8s.io', 'v1', 'clusterroles')!;
  const opts = { user: SYSTEM_USER, fieldManager: 'apiextensions-controller' };

  const syncRoles = (crd: CustomResourceDefinition, remove: boolean): void => {
    const info = crdInfo(crd);
    const wanted = remove ? [] : customResourceClusterRoles({ group: info.group, plural: info.names.plural, scope: info.namespaced ? 'Namespaced' : 'Cluster', status: info.versions.some((v) => v.statusSubresource), scale: info.versions.some((v) => !!v.scale) });
    const names = new Set(wanted.map((r) => r.metadata.name));
    for (const s of store.list(ROLES)) {
      if (s.obj.metadata.labels?.[CRD_ROLE_LABEL] === crd.metadata.name && !names.has(s.obj.metadata.name)) {
        deleteObject(objects, roleType, '', s.obj.metadata.name ?? '', {}, opts);
      }
    }
    for (const role of wanted) {
      const existing = store.get(ROLES, '', role.metadata.name ?? '');
      if (!existing) objects.create(roleType, '', role, opts);
      else if (stableStringify(existing.obj.rules) !== stableStringify(role.rules)) {
        const next = clone<KubeObject>(existing);
        next.rules = role.rules;
        objects.commitUpdate(roleType, existing, next, opts);
      }
    }
  };

  const process = (name: string): void => {
    const stored = store.get(TABLE, '', name);
    if (!stored) {
      registry.setCustom(name, []);
      return;
    }
    const crd = stored.obj as CustomResourceDefinition;
    const info = crdInfo(crd);
    if (crd.metadata.deletionTimestamp) {
      const rt = registry.forTable(`${info.group}/${info.names.plural}`);
      const instances = store.list(`${info.group}/${info.names.plural}`);
      if (rt && instances.length > 0) {
        for (const s of instances) if (!s.obj.metadata.deletionTimestamp) deleteObject(objects, rt, s.obj.metadata.namespace ?? '', s.obj.metadata.name ?? '', {}, opts);
        queue.addAfter(name, 200);
        return;
      }
      registry.setCustom(name, []);
      syncRoles(crd, true);
      const next = clone<KubeObject>(stored);
      next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== CLEANUP);
      objects.commitUpdate(crdType, stored, next, opts);
      return;
    }
    if (!(crd.metadata.finalizers ?? []).includes(CLEANUP)) {
      const next = clone<KubeObject>(stored);
      next.metadata.finalizers = [...(next.metadata.finalizers ?? []), CLEANUP];
      objects.commitUpdate(crdType, stored, next, opts);
      return;
    }
    const others = store.list(TABLE).filter((s) => s.obj.metadata.name !== name).map((s) => s.obj as CustomResourceDefinition);
    const status = crdStatusFor(crd, others);
    const accepted = status.conditions?.some((c) => c.type === 'NamesAccepted' && c.status === 'True');
    if (accepted) {
      registry.setCustom(name, customResourceTypes(name, crdInfo({ ...crd, status })));
      syncRoles(crd, false);
    }
    if (stableStringify(status) !== stableStringify(crd.status ?? {})) {
      const next = clone<KubeObject>(stored);
      next.status = status;
      objects.commitUpdate(crdType, store.get(TABLE, '', name)!, next, { ...opts, subresource: 'status' });
    }
  };

  const queue = new WorkQueue('crd-controller', process);
  // Serve existing CRDs before the API starts listening, so a restart never hides them.
  for (const s of store.list(TABLE)) {
    try {
      process(s.obj.metadata.name ?? '');
    } catch {
      queue.add(s.obj.metadata.name ?? '');
    }
  }
  const unsubscribe = store.subscribe(TABLE, (e) => queue.add(e.name));
  onStop(() => {
    unsubscribe();
    queue.stop();
  });
}

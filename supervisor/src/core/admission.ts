import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject, UserInfo } from '../api/types';
import type { Store } from '../storage/store';

/**
 * Admission runs after validation and before storage, on every write from clients and
 * controllers alike. Plugins throw an ApiError to refuse.
 */
export interface AdmissionAttributes {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  rt: ResourceType;
  namespace: string;
  name: string;
  object?: KubeObject;
  oldObject?: KubeObject;
  user: UserInfo;
  dryRun: boolean;
  subresource?: string;
}

export type AdmissionPlugin = (a: AdmissionAttributes) => void;

/**
 * Mutating plugins (defaulting: LimitRanger, the default StorageClass) run before validating ones
 * (NamespaceLifecycle, ResourceQuota), as in the API server, so quotas see the defaulted object.
 */
export type AdmissionPhase = 'mutating' | 'validating';

export class Admission {
  private readonly mutating: AdmissionPlugin[] = [];
  private readonly validating: AdmissionPlugin[] = [];

  use(plugin: AdmissionPlugin, phase: AdmissionPhase = 'validating'): this {
    (phase === 'mutating' ? this.mutating : this.validating).push(plugin);
    return this;
  }

  admit(a: AdmissionAttributes): void {
    for (const p of this.mutating) p(a);
    for (const p of this.validating) p(a);
  }
}

const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

/** NamespaceLifecycle: no content in missing or terminating namespaces; system namespaces stay. */
export function namespaceLifecycle(store: Store): AdmissionPlugin {
  return (a) => {
    if (a.rt.kind === 'Namespace' && a.rt.group === '') {
      if (a.operation === 'DELETE' && IMMORTAL_NAMESPACES.has(a.name)) {
        throw errors.forbidden({ group: '', resource: 'namespaces' }, a.name, 'this namespace may not be deleted');
      }
      return;
    }
    if (!a.rt.namespaced || a.operation !== 'CREATE') return;
    const ns = store.get('core/namespaces', '', a.namespace);
    if (!ns) throw errors.notFound({ group: '', resource: 'namespaces' }, a.namespace);
    if (ns.obj.metadata.deletionTimestamp) {
      throw errors.forbidden(a.rt, a.name, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
    }
  };
}

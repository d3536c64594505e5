import type { Registry } from '../api/registry';
import type { Store } from '../storage/store';
import { Admission, namespaceLifecycle } from './admission';
import { limitRanger } from './limit-ranger';
import { resourceQuotaAdmission } from './quota-admission';
import type { QuotaEvaluators } from './quota-usage';

/**
 * The API server's admission chain: namespace lifecycle, then LimitRanger defaults (mutating),
 * then ResourceQuota. Shared by the server and the in-process test core so both admit alike.
 */
export function serverAdmission(store: Store, registry: Registry, quotas: QuotaEvaluators): Admission {
  return new Admission().use(namespaceLifecycle(store)).use(limitRanger(store), 'mutating').use(resourceQuotaAdmission(store, registry, quotas));
}

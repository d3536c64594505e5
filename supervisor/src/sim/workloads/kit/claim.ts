import type { KubeObject } from '../../../api/types';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { labelSelectorFromObject, matchesLabels, type LabelSelectorObject } from '../../../selectors';
import { controllerOf, controllerRef } from '../../../controllers/kit/owner-refs';

/**
 * ControllerRefManager.Claim*: an owner keeps the objects it controls that still match its
 * selector, releases those that no longer match (drops its owner reference), and adopts orphans
 * that match (adds a controller reference) unless either side is being deleted.
 */
export interface ClaimTarget {
  apiVersion: string;
  resource: string;
}

export function selectorMatches(selector: LabelSelectorObject | undefined, labels: Record<string, string> | undefined): boolean {
  if (!selector) return false;
  try {
    return matchesLabels(labelSelectorFromObject(selector), labels);
  } catch {
    return false;
  }
}

export function claimObjects<T extends KubeObject>(client: SystemClient, target: ClaimTarget, owner: KubeObject, selector: LabelSelectorObject | undefined, candidates: T[]): T[] {
  const uid = owner.metadata.uid;
  const claimed: T[] = [];
  for (const obj of candidates) {
    const ref = controllerOf(obj);
    const matches = selectorMatches(selector, obj.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (matches || owner.metadata.deletionTimestamp) {
        claimed.push(obj);
        continue;
      }
      if (obj.metadata.deletionTimestamp) continue;
      const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      client.patch(target.apiVersion, target.resource, obj.metadata.namespace ?? '', obj.metadata.name ?? '', { metadata: { ownerReferences: refs.length ? refs : null } });
      continue;
    }
    if (!matches || owner.metadata.deletionTimestamp || obj.metadata.deletionTimestamp) continue;
    const refs = [...(obj.metadata.ownerReferences ?? []), controllerRef(owner)];
    claimed.push(client.patch<T>(target.apiVersion, target.resource, obj.metadata.namespace ?? '', obj.metadata.name ?? '', { metadata: { ownerReferences: refs } }));
  }
  return claimed;
}

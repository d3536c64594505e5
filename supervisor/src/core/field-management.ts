import type { ResourceType } from '../api/resource-type';
import type { KubeObject, ManagedFieldsEntry } from '../api/types';

/**
 * Bridge to the patch/ module's field ownership tracking: computes the managedFields an object
 * carries after a non-apply write by `manager`.
 */
export function managedFieldsAfterUpdate(_rt: ResourceType, _old: KubeObject | undefined, updated: KubeObject, _manager: string, _time: string, _subresource?: string): ManagedFieldsEntry[] | undefined {
  return updated.metadata.managedFields;
}

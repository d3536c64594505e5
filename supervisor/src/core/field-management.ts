import type { ResourceType } from '../api/resource-type';
import type { KubeObject, ManagedFieldsEntry } from '../api/types';
import { updateManagedFields } from '../patch';

/**
 * Field ownership after a non-apply write by `manager` (structured-merge-diff's Update
 * operation): changed fields move to the writer; kinds without a status subresource track
 * status on the main resource.
 */
export function managedFieldsAfterUpdate(rt: ResourceType, old: KubeObject | undefined, updated: KubeObject, manager: string, time: string, subresource?: string): ManagedFieldsEntry[] | undefined {
  const entries = updateManagedFields({
    live: old as Record<string, unknown> | undefined,
    updated: updated as Record<string, unknown>,
    manager,
    operation: 'Update',
    apiVersion: rt.group ? `${rt.group}/${rt.version}` : rt.version,
    time,
    subresource: subresource === 'status' || subresource === 'scale' ? subresource : undefined,
    includeStatus: !rt.statusSubresource,
    schema: rt.schema?.(),
    resolve: rt.resolver,
  });
  return entries.length ? entries : undefined;
}

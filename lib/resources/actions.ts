import type { ActionId, ResourceDescriptor } from './types';

/**
 * What each first-class action needs from the API — the verb and resource (with subresource)
 * an access review must allow — and the requests they send, as pure data.
 */
export interface ActionPermission {
  verb: string;
  group: string;
  resource: string;
}

export function actionPermission(action: ActionId, d: Pick<ResourceDescriptor, 'group' | 'resource'>): ActionPermission {
  switch (action) {
    case 'delete':
      return { verb: 'delete', group: d.group, resource: d.resource };
    case 'scale':
      return { verb: 'patch', group: d.group, resource: `${d.resource}/scale` };
    default:
      // Power actions and cordon/uncordon are merge patches of the object itself.
      return { verb: 'patch', group: d.group, resource: d.resource };
  }
}

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export const PROPAGATION_HELP: Record<Propagation, string> = {
  Background: 'Delete it now; its dependents (pods, volumes, …) are removed afterwards by the garbage collector.',
  Foreground: 'Delete its dependents first; it disappears only once they are gone.',
  Orphan: 'Delete only this object; its dependents are kept and lose their owner.',
};

/** The body of a DELETE: DeleteOptions with the chosen propagation policy. */
export function deleteOptions(propagation: Propagation): Record<string, unknown> {
  return { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: propagation };
}

/** A merge patch of the scale subresource. */
export function scalePatch(replicas: number): Record<string, unknown> {
  return { spec: { replicas } };
}

/** Cordon (unschedulable) or uncordon a host; `null` removes the field as kubectl uncordon does. */
export function cordonPatch(cordon: boolean): Record<string, unknown> {
  return { spec: { unschedulable: cordon ? true : null } };
}

/** Current replicas as the scale dialog starts from: spec.replicas, or CNPG's spec.instances. */
export function currentReplicas(obj: { spec?: Record<string, unknown> }): number {
  const v = obj.spec?.replicas ?? obj.spec?.instances;
  return typeof v === 'number' && Number.isFinite(v) ? v : 1;
}

import { ApiError } from '../../../api/errors';
import type { KubeObject } from '../../../api/types';
import type { EventRecorder } from '../../../controllers/kit/event-recorder';
import type { SystemClient } from '../../../controllers/kit/system-client';
import type { Pod } from './types';

/**
 * Creating and deleting a controller's pods with the events upstream's RealPodControl records
 * on the owner: SuccessfulCreate "Created pod: x", FailedCreate "Error creating: <API error>",
 * SuccessfulDelete "Deleted pod: x", FailedDelete "Error deleting: <API error>".
 */
export function isNamespaceTerminating(e: unknown): boolean {
  return e instanceof ApiError && e.code === 403 && e.message.includes('because it is being terminated');
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.code === 404;
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiError && e.code === 409 && e.reason === 'AlreadyExists';
}

export class PodControl {
  constructor(
    private readonly client: SystemClient,
    private readonly recorder: EventRecorder,
  ) {}

  create(pod: Pod, owner: KubeObject): Pod {
    try {
      const created = this.client.create<Pod>('v1', 'pods', pod);
      this.recorder.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
      return created;
    } catch (e) {
      if (!isNamespaceTerminating(e)) this.recorder.record(owner, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
  }

  delete(pod: Pod, owner: KubeObject): void {
    try {
      this.client.delete('v1', 'pods', pod.metadata.namespace ?? '', pod.metadata.name ?? '');
      this.recorder.record(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    } catch (e) {
      if (isNotFound(e)) return;
      this.recorder.record(owner, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
      throw e;
    }
  }
}

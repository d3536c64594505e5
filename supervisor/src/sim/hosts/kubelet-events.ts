import type { KubeObject } from '../../api/types';
import { recorderFor, type ControllerContext } from '../../controllers/controller-context';
import type { EventRecorder } from '../../controllers/kit/event-recorder';
import { KUBELET } from './constants';

/**
 * Node events as a kubelet records them: source `kubelet` with the host name, and a node
 * reference whose uid is the node name (kubectl describe node searches for both uids).
 */
export type KubeletNodeEvents = (node: string, reason: string, message?: string) => void;

function kubeletRef(name: string): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name } };
}

export function kubeletNodeEvents(ctx: ControllerContext): KubeletNodeEvents {
  const recorders = new Map<string, EventRecorder>();
  return (node, reason, message) => {
    let recorder = recorders.get(node);
    if (!recorder) recorders.set(node, (recorder = recorderFor(ctx, KUBELET, node)));
    recorder.record(kubeletRef(node), 'Normal', reason, message ?? `Node ${node} status is now: ${reason}`);
  };
}

/** What a kubelet records when it starts and registers (or re-registers after a reboot). */
export function recordKubeletStart(events: KubeletNodeEvents, node: string): void {
  events(node, 'Starting', 'Starting kubelet.');
  for (const reason of ['NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID']) events(node, reason);
  events(node, 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
}

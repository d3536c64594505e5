import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../controllers/controller-context';
import type { EventRecorder } from '../../controllers/kit/event-recorder';
import type { SystemClient } from '../../controllers/kit/system-client';
import { WorkQueue, splitKey } from '../../controllers/work-queue';
import type { StoreEvent } from '../../storage/store';
import { hostIP, hostSignature, hostUp, type HostFailureCheck } from './host-view';
import { PodIpAllocator } from './pod-ip';
import { decideSync, isTerminalPhase } from './sync-decision';

/**
 * The spherelets of all hosts: runs every pod bound to a host that is up. Store deliveries only
 * enqueue; the queue syncs a pod by deciding (sync-decision.ts) and then acting through the API
 * (annotations patch, status update, events, the grace-0 delete that confirms a graceful
 * deletion). A pod is looked at again when it changes, when its host changes, and at the next
 * transition of its timeline (one scaled timer per pod).
 */
const PODS = 'core/pods';
const NODES = 'core/nodes';
/** Field manager of the spherelet's writes; events come from component "kubelet" as on a real host. */
export const SPHERELET_MANAGER = 'spherelet';

interface PodMemory {
  uid: string;
  emittedThrough?: number;
  /** The host was down at the last look: what "happened" meanwhile is not replayed as events. */
  hostWasDown?: boolean;
  deletionAt?: number;
  anchor?: number;
  cancelTimer?: () => void;
  timerAt?: number;
}

export class Spherelet {
  private readonly client: SystemClient;
  private readonly queue: WorkQueue;
  private readonly ips = new PodIpAllocator();
  private readonly memory = new Map<string, PodMemory>();
  private readonly hostSignatures = new Map<string, string>();
  private readonly recorders = new Map<string, EventRecorder>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly ctx: ControllerContext,
    private readonly failures?: HostFailureCheck,
  ) {
    this.client = clientFor(ctx, SPHERELET_MANAGER);
    this.queue = new WorkQueue('spherelet', (key) => this.sync(key));
  }

  start(): void {
    const store = this.ctx.core.store;
    for (const s of store.list(NODES)) this.hostSignatures.set(s.obj.metadata.name ?? '', hostSignature(s.obj, this.failures));
    this.unsubscribe.push(store.subscribe(PODS, (e) => this.onPod(e)));
    this.unsubscribe.push(store.subscribe(NODES, (e) => this.onNode(e)));
    for (const s of store.list(PODS)) {
      this.ips.observe(s.obj);
      if (nodeNameOf(s.obj)) this.queue.add(keyOf(s.obj));
    }
    this.ctx.onStop(() => this.stop());
  }

  stop(): void {
    this.queue.stop();
    for (const u of this.unsubscribe.splice(0)) u();
    for (const m of this.memory.values()) m.cancelTimer?.();
    this.memory.clear();
  }

  private onPod(e: StoreEvent): void {
    const pod = e.cur.obj;
    const key = keyOf(pod);
    if (e.type === 'DELETED') {
      this.ips.forget(pod.metadata.uid ?? '');
      this.memory.get(key)?.cancelTimer?.();
      this.memory.delete(key);
      return;
    }
    this.ips.observe(pod);
    if (nodeNameOf(pod)) this.queue.add(key);
  }

  private onNode(e: StoreEvent): void {
    const name = e.name;
    const signature = e.type === 'DELETED' ? 'absent' : hostSignature(e.cur.obj, this.failures);
    if (this.hostSignatures.get(name) === signature) return;
    this.hostSignatures.set(name, signature);
    for (const s of this.ctx.core.store.list(PODS)) if (nodeNameOf(s.obj) === name) this.queue.add(keyOf(s.obj));
  }

  private recorder(node: string): EventRecorder {
    let r = this.recorders.get(node);
    if (!r) {
      r = recorderFor(this.ctx, 'kubelet', node);
      this.recorders.set(node, r);
    }
    return r;
  }

  private sync(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.client.get('v1', 'pods', namespace, name);
    const nodeName = pod ? nodeNameOf(pod) : undefined;
    if (!pod || !nodeName) return;
    let memory = this.memory.get(key);
    if (memory && memory.uid !== pod.metadata.uid) {
      memory.cancelTimer?.();
      memory = undefined;
    }
    memory ??= { uid: pod.metadata.uid ?? '' };
    this.memory.set(key, memory);
    const node = this.ctx.core.store.get(NODES, '', nodeName)?.obj;
    // A failed host's spherelet does nothing at all; the host coming back re-syncs its pods.
    // A pod that has finished never changes again (its deletion is immediate).
    const up = node !== undefined && hostUp(node, this.failures);
    if (!up || (isTerminalPhase(pod) && !pod.metadata.deletionTimestamp)) {
      memory.cancelTimer?.();
      memory.cancelTimer = undefined;
      memory.timerAt = undefined;
      memory.hostWasDown = !up;
      return;
    }
    const now = Date.now();
    if (memory.hostWasDown) {
      memory.emittedThrough = now;
      memory.hostWasDown = false;
    }
    const decision = decideSync(pod, {
      now,
      scale: this.ctx.clock.scale,
      hostIP: hostIP(node!),
      podIP: this.ips.allocate(namespace, memory.uid),
      emittedThrough: memory.emittedThrough,
      deletionAt: memory.deletionAt,
      anchor: memory.anchor,
    });
    if (decision.annotations) this.client.patch('v1', 'pods', namespace, name, { metadata: { annotations: decision.annotations } });
    if (decision.status) {
      const current = this.client.get('v1', 'pods', namespace, name);
      if (current) this.client.updateStatus('v1', 'pods', { ...current, status: decision.status });
    }
    const recorder = this.recorder(nodeName);
    for (const ev of decision.events) recorder.record(pod, ev.type, ev.reason, ev.message, ev.fieldPath);
    memory.emittedThrough = decision.emittedThrough;
    memory.deletionAt = decision.deletionAt;
    memory.anchor = decision.anchor;
    if (decision.confirmDeletion) {
      const current = this.client.get('v1', 'pods', namespace, name);
      if (current && current.metadata.uid === memory.uid) this.client.delete('v1', 'pods', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: memory.uid } });
      return;
    }
    this.schedule(key, memory, decision.nextAt, now);
  }

  /** One timer per pod, at its next transition (simulated delay = real delay × scale). */
  private schedule(key: string, memory: PodMemory, nextAt: number | undefined, now: number): void {
    if (memory.timerAt === nextAt) return;
    memory.cancelTimer?.();
    memory.cancelTimer = undefined;
    memory.timerAt = nextAt;
    if (nextAt === undefined) return;
    const simDelay = Math.max(0, nextAt - now + 1) * this.ctx.clock.scale;
    memory.cancelTimer = this.ctx.clock.after(simDelay, () => {
      memory.timerAt = undefined;
      memory.cancelTimer = undefined;
      this.queue.add(key);
    });
  }
}

export function nodeNameOf(pod: KubeObject): string | undefined {
  const n = isObject(pod.spec) ? pod.spec.nodeName : undefined;
  return typeof n === 'string' && n !== '' ? n : undefined;
}

function keyOf(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

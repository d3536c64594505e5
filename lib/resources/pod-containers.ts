import type { KubeObject } from '../k8s/types';
import { list } from './format';
import type { Health } from './types';

/**
 * A pod's containers as the pod page shows them: spec (image, ports, requests and limits)
 * joined with status (state, readiness, restarts), init containers first.
 */
export interface ContainerView {
  name: string;
  init: boolean;
  image: string;
  state: string;
  /** More about the state: a waiting message, an exit code, when it started. */
  stateDetail?: string;
  ready: boolean;
  restarts: number;
  ports: string[];
  requests: string;
  limits: string;
}

interface ContainerSpec {
  name?: string;
  image?: string;
  ports?: { containerPort?: number; protocol?: string; name?: string }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

interface ContainerStatus {
  name?: string;
  ready?: boolean;
  restartCount?: number;
  image?: string;
  state?: {
    running?: { startedAt?: string };
    waiting?: { reason?: string; message?: string };
    terminated?: { reason?: string; exitCode?: number; message?: string; finishedAt?: string };
  };
}

const resources = (r: Record<string, string> | undefined) =>
  Object.entries(r ?? {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

function stateOf(s: ContainerStatus | undefined): { state: string; detail?: string } {
  const st = s?.state;
  if (st?.running) return { state: 'Running', detail: st.running.startedAt ? `since ${st.running.startedAt}` : undefined };
  if (st?.waiting) return { state: st.waiting.reason ? `Waiting: ${st.waiting.reason}` : 'Waiting', detail: st.waiting.message };
  if (st?.terminated) {
    const t = st.terminated;
    return { state: `Terminated: ${t.reason ?? 'Exited'}`, detail: [t.exitCode !== undefined ? `exit code ${t.exitCode}` : '', t.message ?? ''].filter(Boolean).join(' — ') || undefined };
  }
  return { state: 'Not started' };
}

export function podContainers(pod: KubeObject): ContainerView[] {
  const build = (specs: unknown, statuses: unknown, init: boolean): ContainerView[] => {
    const byName = new Map((list(statuses) as ContainerStatus[]).map((s) => [s.name, s]));
    return (list(specs) as ContainerSpec[]).map((c) => {
      const s = byName.get(c.name);
      const { state, detail } = stateOf(s);
      return {
        name: c.name ?? '',
        init,
        image: c.image ?? '',
        state,
        stateDetail: detail,
        ready: s?.ready === true,
        restarts: s?.restartCount ?? 0,
        ports: (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`),
        requests: resources(c.resources?.requests),
        limits: resources(c.resources?.limits),
      };
    });
  };
  return [...build(pod.spec?.initContainers, pod.status?.initContainerStatuses, true), ...build(pod.spec?.containers, pod.status?.containerStatuses, false)];
}

/** A container's badge: running or completed is healthy, starting is progressing, anything else an error. */
export function containerHealth(c: Pick<ContainerView, 'state'>): Health {
  if (c.state === 'Running' || c.state === 'Terminated: Completed') return 'healthy';
  if (c.state === 'Not started' || /^Waiting(: (ContainerCreating|PodInitializing))?$/.test(c.state)) return 'progressing';
  return 'error';
}

/**
 * The Pod printer: kubernetes `pkg/printers/internalversion/printers.go` `printPod`, including its
 * STATUS reason logic (init containers, sidecars, waiting/terminated reasons, Terminating) and the
 * RESTARTS `N (age ago)` suffix.
 */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, int, list, nameColumn, str } from './format';
import { humanDuration, parseTimestamp, timestampSince } from './human-duration';
import type { Printer, TableCell, TableRowCondition } from './types';

const columns = [
  nameColumn(),
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  ageColumn(),
  column('IP', 'string', 'IP address allocated to the pod. Routable at least within the cluster.', 1),
  column('Node', 'string', 'NodeName indicates in which node this pod is scheduled.', 1),
  column('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node.', 1),
  column('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.', 1),
];

const NODE_UNREACHABLE_REASON = 'NodeLost';

function hasCondition(pod: KubeObject, type: string): boolean | undefined {
  const found = list(at(pod, 'status', 'conditions')).find((c) => at(c, 'type') === type);
  return found === undefined ? undefined : at(found, 'status') === 'True';
}

/** Latest `lastState.terminated.finishedAt` seen so far (epoch ms; null = none). */
function laterRestart(current: number | null, status: unknown): number | null {
  const finished = parseTimestamp(at(status, 'lastState', 'terminated', 'finishedAt'));
  if (at(status, 'lastState', 'terminated') === undefined || typeof finished !== 'number') return current;
  return current === null || finished > current ? finished : current;
}

function terminatedText(terminated: unknown, prefix: string): string {
  const reason = str(at(terminated, 'reason'));
  if (reason !== '') return prefix + reason;
  const signal = int(at(terminated, 'signal'));
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(at(terminated, 'exitCode'))}`;
}

export interface PodSummary {
  ready: string;
  reason: string;
  restarts: string;
}

/** READY, STATUS and RESTARTS of a pod, as `kubectl get pods` shows them. */
export function summarizePod(pod: KubeObject, now: number): PodSummary {
  const spec = at(pod, 'spec');
  const phase = str(at(pod, 'status', 'phase'));
  let reason = str(at(pod, 'status', 'reason')) || phase;
  for (const c of list(at(pod, 'status', 'conditions'))) {
    if (at(c, 'type') === 'PodScheduled' && at(c, 'reason') === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initSpecs = new Map<string, unknown>();
  let totalContainers = list(at(spec, 'containers')).length;
  for (const c of list(at(spec, 'initContainers'))) {
    initSpecs.set(str(at(c, 'name')), c);
    if (at(c, 'restartPolicy') === 'Always') totalContainers++;
  }
  const isSidecar = (name: string): boolean => at(initSpecs.get(name), 'restartPolicy') === 'Always';
  const initCount = list(at(spec, 'initContainers')).length;

  let restarts = 0;
  let sidecarRestarts = 0;
  let readyContainers = 0;
  let lastRestart: number | null = null;
  let lastSidecarRestart: number | null = null;
  let initializing = false;

  const initStatuses = list(at(pod, 'status', 'initContainerStatuses'));
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const name = str(at(cs, 'name'));
    restarts += int(at(cs, 'restartCount'));
    lastRestart = laterRestart(lastRestart, cs);
    if (isSidecar(name)) {
      sidecarRestarts += int(at(cs, 'restartCount'));
      lastSidecarRestart = laterRestart(lastSidecarRestart, cs);
    }
    const terminated = at(cs, 'state', 'terminated');
    const waitingReason = str(at(cs, 'state', 'waiting', 'reason'));
    if (terminated !== undefined && int(at(terminated, 'exitCode')) === 0) continue;
    if (isSidecar(name) && at(cs, 'started') === true) {
      if (at(cs, 'ready') === true) readyContainers++;
      continue;
    }
    if (terminated !== undefined) reason = terminatedText(terminated, 'Init:');
    else if (waitingReason !== '' && waitingReason !== 'PodInitializing') reason = `Init:${waitingReason}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized') === true) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = list(at(pod, 'status', 'containerStatuses'));
    // Walked backwards so the first container's state wins, as upstream does.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      restarts += int(at(cs, 'restartCount'));
      lastRestart = laterRestart(lastRestart, cs);
      const waitingReason = str(at(cs, 'state', 'waiting', 'reason'));
      const terminated = at(cs, 'state', 'terminated');
      if (waitingReason !== '') reason = waitingReason;
      else if (terminated !== undefined) reason = terminatedText(terminated, '');
      else if (at(cs, 'ready') === true && at(cs, 'state', 'running') !== undefined) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') === true ? 'Running' : 'NotReady';
  }

  const deleting = typeof pod.metadata.deletionTimestamp === 'string' && pod.metadata.deletionTimestamp !== '';
  if (deleting && str(at(pod, 'status', 'reason')) === NODE_UNREACHABLE_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

  let restartText = String(restarts);
  if (restarts !== 0 && lastRestart !== null) restartText = `${restarts} (${humanDuration(now - lastRestart)} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, reason, restarts: restartText };
}

function readinessGates(pod: KubeObject): string {
  const gates = list(at(pod, 'spec', 'readinessGates'));
  if (gates.length === 0) return '<none>';
  const conditions = list(at(pod, 'status', 'conditions'));
  const trueCount = gates.filter((g) => {
    const cond = conditions.find((c) => at(c, 'type') === at(g, 'conditionType'));
    return cond !== undefined && at(cond, 'status') === 'True';
  }).length;
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: Printer = {
  columns,
  row(pod: KubeObject, now: number): TableCell[] {
    const { ready, reason, restarts } = summarizePod(pod, now);
    const podIP = str(at(pod, 'status', 'podIPs', 0, 'ip')) || str(at(pod, 'status', 'podIP'));
    return [
      str(pod.metadata.name),
      ready,
      reason,
      restarts,
      timestampSince(pod.metadata.creationTimestamp, now),
      podIP || '<none>',
      str(at(pod, 'spec', 'nodeName')) || '<none>',
      str(at(pod, 'status', 'nominatedNodeName')) || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(pod: KubeObject): TableRowCondition[] | undefined {
    switch (at(pod, 'status', 'phase')) {
      case 'Succeeded':
        return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
      case 'Failed':
        return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
      default:
        return undefined;
    }
  },
};

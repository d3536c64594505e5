import { seedsPerRack, type DcSpecView, type NodeView, type RackView } from './model';

/**
 * cass-operator's reconcile order for one datacenter (`pkg/reconciliation/reconcile_racks.go`),
 * one step per pass: create each rack's StatefulSet, scale racks up (or to zero when stopped),
 * finish the node being started, decommission surplus nodes one at a time on scale-down, start
 * the next server node (one per rack first, then the rest, never two at once), and keep the
 * seed labels on the first started nodes of each rack.
 */
export const START_MS = 25_000;
export const DECOMMISSION_MS = 30_000;

export type CassAction =
  | { kind: 'create-sts'; rack: string }
  | { kind: 'scale-sts'; rack: string; replicas: number; reason: 'up' | 'stop' }
  | { kind: 'finish-start'; node: NodeView }
  | { kind: 'decommission'; node: NodeView }
  | { kind: 'finish-decommission'; rack: string; pod: string; replicas: number }
  | { kind: 'start'; node: NodeView; seed: boolean }
  | { kind: 'seed-label'; node: NodeView; seed: boolean }
  | { kind: 'wait'; after: number }
  | { kind: 'none' };

export interface CassInputs {
  spec: DcSpecView;
  racks: RackView[];
  now: number;
  /** When the node now Starting was started (status.lastServerNodeStarted). */
  lastServerNodeStarted?: number;
  /** When each Decommissioning node began to leave the ring. */
  decommissionStarted: (pod: string) => number;
}

function startCandidates(racks: RackView[]): NodeView[] {
  const ready = (r: RackView) => r.nodes.filter((n) => n.running && n.state === 'Ready-to-Start' && n.ordinal < r.desired);
  const firstPerRack = racks.filter((r) => !r.nodes.some((n) => n.state === 'Started')).flatMap((r) => ready(r).slice(0, 1));
  return firstPerRack.length ? firstPerRack : racks.flatMap(ready);
}

export function desiredSeeds(s: DcSpecView, racks: RackView[]): Set<string> {
  const per = seedsPerRack(s.racks.length);
  return new Set(racks.flatMap((r) => r.nodes.filter((n) => n.state === 'Started' && n.running).slice(0, per).map((n) => n.name)));
}

export function nextCassAction(i: CassInputs): CassAction {
  const { racks, now } = i;
  const missing = racks.find((r) => !r.sts);
  if (missing) return { kind: 'create-sts', rack: missing.name };
  if (i.spec.stopped) {
    const running = racks.find((r) => r.replicas > 0);
    if (running) return { kind: 'scale-sts', rack: running.name, replicas: 0, reason: 'stop' };
    return { kind: 'none' };
  }
  const short = racks.find((r) => r.replicas < r.desired);
  if (short) return { kind: 'scale-sts', rack: short.name, replicas: short.desired, reason: 'up' };

  const starting = racks.flatMap((r) => r.nodes).find((n) => n.state === 'Starting');
  if (starting) {
    const elapsed = now - (i.lastServerNodeStarted ?? now);
    if (!starting.running) return { kind: 'wait', after: START_MS };
    return elapsed >= START_MS ? { kind: 'finish-start', node: starting } : { kind: 'wait', after: START_MS - elapsed };
  }

  for (const r of racks) {
    if (r.replicas <= r.desired) continue;
    const last = r.nodes.find((n) => n.ordinal === r.replicas - 1);
    const podName = `${r.sts?.metadata.name ?? ''}-${r.replicas - 1}`;
    if (!last) return { kind: 'finish-decommission', rack: r.name, pod: podName, replicas: r.replicas - 1 };
    if (last.state !== 'Decommissioning') return { kind: 'decommission', node: last };
    const elapsed = now - i.decommissionStarted(last.name);
    return elapsed >= DECOMMISSION_MS ? { kind: 'finish-decommission', rack: r.name, pod: last.name, replicas: r.replicas - 1 } : { kind: 'wait', after: DECOMMISSION_MS - elapsed };
  }

  const next = startCandidates(racks)[0];
  if (next) {
    const anySeed = racks.some((r) => r.nodes.some((n) => n.seed));
    return { kind: 'start', node: next, seed: !anySeed && !racks.some((r) => r.nodes.some((n) => n.state === 'Started')) };
  }

  const seeds = desiredSeeds(i.spec, racks);
  for (const n of racks.flatMap((r) => r.nodes)) {
    if (seeds.has(n.name) && !n.seed) return { kind: 'seed-label', node: n, seed: true };
    if (!seeds.has(n.name) && n.seed && n.state === 'Started') return { kind: 'seed-label', node: n, seed: false };
  }
  return { kind: 'none' };
}

/** Every desired node exists, runs and has Cassandra started. */
export function allStarted(racks: RackView[]): boolean {
  return racks.every((r) => r.replicas === r.desired && r.nodes.filter((n) => n.ordinal < r.desired && n.running && n.state === 'Started').length === r.desired);
}

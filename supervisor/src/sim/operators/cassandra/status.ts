import { randomUUID } from 'node:crypto';
import { findCondition, setCondition, type Condition, type ConditionStatus } from '../kit/conditions';
import { arr, rec, str } from '../kit/objects';
import { allStarted, desiredSeeds } from './decide';
import type { DcSpecView, RackView } from './model';

/**
 * `CassandraDatacenter.status` as cass-operator reports it: `cassandraOperatorProgress`
 * (Updating until every node is started, then Ready), the datacenter conditions with empty
 * reason/message as the operator leaves them, `nodeStatuses` (host ID, IP, rack per started
 * pod), the start and user-upsert timestamps, and the observed generation.
 */
export interface CassStatusInputs {
  spec: DcSpecView;
  racks: RackView[];
  previous: Record<string, unknown>;
  now: string;
  generation: number;
  lastServerNodeStarted?: string;
}

const ORDER = ['Healthy', 'Stopped', 'ReplacingNodes', 'Updating', 'RollingRestart', 'Resuming', 'ScalingDown', 'Valid', 'Initialized', 'Ready'];

export function datacenterStatus(i: CassStatusInputs): Record<string, unknown> {
  const { racks, previous, now } = i;
  const nodes = racks.flatMap((r) => r.nodes);
  const started = nodes.filter((n) => n.state === 'Started' && n.running);
  // Ready only once a pass finds nothing left to do, seed labels included.
  const seeds = desiredSeeds(i.spec, racks);
  const seedsSettled = nodes.every((n) => n.seed === seeds.has(n.name) || (n.seed && n.state !== 'Started'));
  const ready = !i.spec.stopped && allStarted(racks) && seedsSettled;
  const prevConditions = (arr(previous.conditions) as Condition[]).filter((c) => typeof c?.type === 'string');
  const wasInitialized = findCondition(prevConditions, 'Initialized')?.status === 'True';
  const scalingUp = wasInitialized && racks.some((r) => r.nodes.filter((n) => n.state === 'Started').length < r.desired);
  const scalingDown = racks.some((r) => r.replicas > r.desired && !i.spec.stopped);

  const want: Record<string, ConditionStatus> = {
    Healthy: started.length > 0 || i.spec.stopped ? 'True' : 'False',
    Stopped: i.spec.stopped ? 'True' : 'False',
    ReplacingNodes: 'False',
    Updating: 'False',
    RollingRestart: 'False',
    Resuming: 'False',
    ScalingDown: scalingDown ? 'True' : 'False',
    Valid: 'True',
    Initialized: wasInitialized || ready ? 'True' : 'False',
    Ready: ready ? 'True' : 'False',
  };
  if (scalingUp || findCondition(prevConditions, 'ScalingUp')) want.ScalingUp = scalingUp ? 'True' : 'False';
  let conditions = prevConditions;
  for (const type of [...ORDER, 'ScalingUp']) {
    const s = want[type];
    if (s === undefined) continue;
    conditions = setCondition(conditions, { type, status: s, reason: '', message: '' }, now);
  }

  const prevNodes = rec(previous.nodeStatuses);
  const nodeStatuses: Record<string, unknown> = {};
  for (const n of started) {
    const old = rec(prevNodes[n.name]);
    nodeStatuses[n.name] = { hostID: str(old.hostID) || randomUUID(), ip: n.ip, rack: n.rack };
  }

  const out: Record<string, unknown> = {
    conditions,
    cassandraOperatorProgress: ready ? 'Ready' : 'Updating',
    nodeStatuses,
    observedGeneration: i.generation,
    metadataVersion: 1,
  };
  const lastStarted = i.lastServerNodeStarted ?? str(previous.lastServerNodeStarted);
  if (lastStarted) out.lastServerNodeStarted = lastStarted;
  const upserted = str(previous.usersUpserted) || (ready ? now : '');
  if (upserted) {
    out.usersUpserted = upserted;
    out.superUserUpserted = str(previous.superUserUpserted) || upserted;
  }
  if (typeof previous.quietPeriod === 'string') out.quietPeriod = previous.quietPeriod;
  if (i.spec.datacenterName) out.datacenterName = i.spec.datacenterName;
  return out;
}

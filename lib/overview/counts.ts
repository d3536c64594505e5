import { countByHealth } from '../health/roll-up';
import type { KubeObject } from '../k8s/types';
import { str } from '../resources/format';
import type { Health, ResourceDescriptor } from '../resources/types';
import { cachedStatus } from './status-cache';

/**
 * Counts by kind and status for the Overview's tiles: one pass over a (possibly huge) live list,
 * nothing per object kept. Each bucket carries the text that finds its objects with the list
 * page's filter (the status as the list's columns show it).
 */
export interface Bucket {
  key: string;
  label: string;
  count: number;
  /** Text for the list's filter box that narrows the list to this bucket. */
  filter: string;
}

export interface KindCounts {
  total: number;
  health: Record<Health, number>;
  buckets: Bucket[];
}

type Described = Pick<ResourceDescriptor, 'id' | 'status'>;

/** Totals and health only (workloads, operator-backed services). */
export function healthCounts(d: Described, items: readonly KubeObject[]): KindCounts {
  return { total: items.length, health: countByHealth(items.map((o) => cachedStatus(d, o).health)), buckets: [] };
}

interface BucketDef {
  key: string;
  label: string;
  /** Shown even when empty. */
  always?: boolean;
}

function bucketsOf(defs: readonly BucketDef[], counts: Map<string, number>): Bucket[] {
  const known = new Set(defs.map((b) => b.key));
  const fixed = defs.filter((b) => b.always || (counts.get(b.key) ?? 0) > 0).map((b) => ({ key: b.key, label: b.label, count: counts.get(b.key) ?? 0, filter: b.key }));
  const others = [...counts.keys()].filter((k) => !known.has(k)).sort();
  return [...fixed, ...others.map((k) => ({ key: k, label: k, count: counts.get(k)!, filter: k }))];
}

function tally(items: readonly KubeObject[], keyOf: (o: KubeObject) => string, healthOf: (o: KubeObject) => Health): { counts: Map<string, number>; health: Record<Health, number> } {
  const counts = new Map<string, number>();
  const health: Record<Health, number> = { healthy: 0, progressing: 0, warning: 0, error: 0, unknown: 0 };
  for (const o of items) {
    const k = keyOf(o);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    health[healthOf(o)]++;
  }
  return { counts, health };
}

const VM_BUCKETS: BucketDef[] = [
  { key: 'PoweredOn', label: 'Powered on', always: true },
  { key: 'PoweredOff', label: 'Powered off', always: true },
  { key: 'Suspended', label: 'Suspended', always: true },
  { key: 'Creating', label: 'Creating' },
];

/** VMs by their actual power state (`Creating` before the VM reports one). */
export function vmCounts(d: Described, vms: readonly KubeObject[]): KindCounts {
  const { counts, health } = tally(vms, (v) => str(v.status?.powerState) ?? 'Creating', (v) => cachedStatus(d, v).health);
  return { total: vms.length, health, buckets: bucketsOf(VM_BUCKETS, counts) };
}

const POD_BUCKETS: BucketDef[] = [
  { key: 'Running', label: 'Running', always: true },
  { key: 'Pending', label: 'Pending', always: true },
  { key: 'Failed', label: 'Failed', always: true },
  { key: 'CrashLoopBackOff', label: 'CrashLoopBackOff', always: true },
  { key: 'Completed', label: 'Completed' },
  { key: 'NotReady', label: 'Not ready' },
  { key: 'ImagePullBackOff', label: 'ImagePullBackOff' },
  { key: 'Terminating', label: 'Terminating' },
];

/** Folds kubectl-style pod statuses into the few buckets an operator scans for. */
export function podBucket(statusText: string): string {
  const t = statusText.replace(/^Init:/, '');
  if (statusText === 'Running' || statusText === 'Completed' || statusText === 'NotReady' || statusText === 'Terminating') return statusText;
  if (t === 'CrashLoopBackOff') return 'CrashLoopBackOff';
  if (t === 'ImagePullBackOff' || t === 'ErrImagePull') return 'ImagePullBackOff';
  if (statusText === 'Pending' || statusText === 'ContainerCreating' || statusText === 'PodInitializing' || statusText === 'Unschedulable' || /^Init:\d+\/\d+$/.test(statusText)) return 'Pending';
  if (/^(Failed|Error|OOMKilled|Evicted|ContainerCannotRun|DeadlineExceeded)$|^(ExitCode|Signal):/.test(t)) return 'Failed';
  return statusText;
}

export function podCounts(d: Described, pods: readonly KubeObject[]): KindCounts {
  const { counts, health } = tally(pods, (p) => podBucket(cachedStatus(d, p).text), (p) => cachedStatus(d, p).health);
  return { total: pods.length, health, buckets: bucketsOf(POD_BUCKETS, counts) };
}

const NAMESPACE_BUCKETS: BucketDef[] = [
  { key: 'Active', label: 'Active', always: true },
  { key: 'Terminating', label: 'Terminating' },
];

export function namespaceCounts(d: Described, namespaces: readonly KubeObject[]): KindCounts {
  const { counts, health } = tally(namespaces, (n) => str(n.status?.phase) ?? 'Active', (n) => cachedStatus(d, n).health);
  return { total: namespaces.length, health, buckets: bucketsOf(NAMESPACE_BUCKETS, counts) };
}

/**
 * The same counts from the inventory index's totals (lib/inventory-index): `buckets` are the
 * index's per-object `podBucket` / power state, so the tiles read the same either way.
 */
export function countsFromIndex(kind: 'vms' | 'pods' | 'other', counts: Partial<Record<Health, number>> & { total: number }, buckets: Record<string, number> = {}): KindCounts {
  const health: Record<Health, number> = { healthy: counts.healthy ?? 0, progressing: counts.progressing ?? 0, warning: counts.warning ?? 0, error: counts.error ?? 0, unknown: counts.unknown ?? 0 };
  const defs = kind === 'vms' ? VM_BUCKETS : kind === 'pods' ? POD_BUCKETS : undefined;
  return { total: counts.total, health, buckets: defs ? bucketsOf(defs, new Map(Object.entries(buckets))) : [] };
}

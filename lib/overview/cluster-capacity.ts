import { hostAllocation, hostCapacity, type HostAllocation, type Usage } from '../health/capacity';
import { nodeStatus } from '../health/node-health';
import type { KubeObject } from '../k8s/types';
import { bytesText, str } from '../resources/format';
import type { StatusSummary } from '../resources/types';

/**
 * Per-host and cluster-wide CPU and memory allocated (pod requests and powered-on VMs' hardware,
 * as `hostAllocation` counts them) against what the hosts can give. Pods and VMs are grouped by
 * host in one pass first, so the cost is linear in the inventory, not hosts × inventory.
 */
export interface HostCapacity {
  name: string;
  status: StatusSummary;
  allocation: HostAllocation;
}

export interface ClusterCapacity {
  hosts: HostCapacity[];
  cpu: Usage;
  memory: Usage;
  ready: number;
}

function groupBy(items: readonly KubeObject[], keyOf: (o: KubeObject) => string | undefined): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const o of items) {
    const k = keyOf(o);
    if (!k) continue;
    const l = out.get(k);
    if (l) l.push(o);
    else out.set(k, [o]);
  }
  return out;
}

const collator = new Intl.Collator(undefined, { numeric: true });

export function clusterCapacity(nodes: readonly KubeObject[], pods: readonly KubeObject[], vms: readonly KubeObject[]): ClusterCapacity {
  const podsOn = groupBy(pods, (p) => str(p.spec?.nodeName));
  const vmsOn = groupBy(vms, (v) => str(v.status?.nodeName));
  const hosts = [...nodes]
    .sort((a, b) => collator.compare(a.metadata.name ?? '', b.metadata.name ?? ''))
    .map((n) => {
      const name = n.metadata.name ?? '';
      return { name, status: nodeStatus(n), allocation: hostAllocation(n, podsOn.get(name) ?? [], vmsOn.get(name) ?? []) };
    });
  return summed(hosts);
}

/** The same from the inventory index's per-host sums (`InventorySummary.hosts`). */
export function clusterCapacityFromUse(nodes: readonly KubeObject[], use: Readonly<Record<string, { cpu: number; memory: number; pods: number; vms: number }>>): ClusterCapacity {
  const hosts = [...nodes]
    .sort((a, b) => collator.compare(a.metadata.name ?? '', b.metadata.name ?? ''))
    .map((n) => {
      const name = n.metadata.name ?? '';
      const u = use[name] ?? { cpu: 0, memory: 0, pods: 0, vms: 0 };
      const cap = hostCapacity(n);
      return { name, status: nodeStatus(n), allocation: { cpu: { used: u.cpu, total: cap.cpu }, memory: { used: u.memory, total: cap.memory }, pods: u.pods, vms: u.vms } };
    });
  return summed(hosts);
}

function summed(hosts: HostCapacity[]): ClusterCapacity {
  const sum = (pick: (h: HostCapacity) => Usage): Usage => hosts.reduce((acc, h) => ({ used: acc.used + pick(h).used, total: acc.total + pick(h).total }), { used: 0, total: 0 });
  return { hosts, cpu: sum((h) => h.allocation.cpu), memory: sum((h) => h.allocation.memory), ready: hosts.filter((h) => h.status.text.startsWith('Ready')).length };
}

export type Resource = 'cpu' | 'memory';

/** Whole percent of use, or undefined when nothing is reported as available. */
export function percent(u: Usage): number | undefined {
  return u.total > 0 ? Math.round((u.used / u.total) * 100) : undefined;
}

/** Cores in decimal, as an operator reads them: "12", "47.4", "0.35". */
export function coresText(cores: number): string {
  return String(+cores.toFixed(cores < 10 ? 2 : 1));
}

/** "12 of 48 cores" / "96 GiB of 384 GiB". */
export function amountText(resource: Resource, u: Usage): string {
  return resource === 'cpu' ? `${coresText(u.used)} of ${coresText(u.total)} cores` : `${bytesText(u.used)} of ${bytesText(u.total)}`;
}

/** The text equivalent of one bar: "esxi-01: CPU 12 of 48 cores allocated (25%)". */
export function capacitySentence(subject: string, resource: Resource, u: Usage): string {
  const p = percent(u);
  const what = resource === 'cpu' ? 'CPU' : 'memory';
  return `${subject}: ${what} ${amountText(resource, u)} allocated${p === undefined ? ' (no capacity reported)' : ` (${p}%)`}`;
}

import type { HealthCounts, InventorySummary } from '../inventory-index/summary-types';
import type { Health, ResourceDescriptor } from '../resources/types';
import { groupId } from './ids';
import { messageNode } from './message-node';
import { rollUpHealth } from './roll-up';
import type { TreeNode } from './types';

/**
 * The tree's counts from the console server's inventory index, for namespaces whose lists are
 * not loaded (or not loaded yet): a namespace's object count and worst health, and its groups
 * with their counts, so expanding a namespace shows its groups at once. Used only when every
 * tree kind the user has is indexed and ready, so the counts are the whole truth.
 */
export type NamespaceCounts = Readonly<Record<string, HealthCounts>>;

const SEVERITY: Health[] = ['error', 'warning', 'progressing', 'unknown'];
const EMPTY: NamespaceCounts = {};

/** Per namespace, per tree kind; undefined unless every given kind is indexed and ready. */
export function treeCounts(summary: InventorySummary | undefined, kinds: readonly Pick<ResourceDescriptor, 'id'>[]): ((ns: string) => NamespaceCounts) | undefined {
  if (!summary || kinds.length === 0) return undefined;
  if (!kinds.every((d) => summary.kinds[d.id]?.state === 'ready')) return undefined;
  return (ns) => summary.namespaces[ns] ?? EMPTY;
}

export function sumCounts(all: readonly (HealthCounts | undefined)[]): HealthCounts {
  const out: HealthCounts = { total: 0 };
  for (const c of all) {
    if (!c) continue;
    for (const [k, v] of Object.entries(c) as [keyof HealthCounts, number][]) out[k] = (out[k] ?? 0) + v;
  }
  return out;
}

/** The worst health present; undefined for no objects. */
export function countsHealth(c: HealthCounts): Health | undefined {
  return rollUpHealth((['error', 'warning', 'progressing', 'unknown', 'healthy'] as Health[]).filter((h) => (c[h] ?? 0) > 0));
}

/** "12 Virtual Machines: 1 error, 2 warning", like `countSummary`, from counts. */
export function countsSummary(c: HealthCounts, nouns: readonly [string, string]): string {
  const head = `${c.total} ${c.total === 1 ? nouns[0] : nouns[1]}`;
  const parts = SEVERITY.filter((h) => (c[h] ?? 0) > 0).map((h) => `${c[h]} ${h}`);
  return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

/** A namespace's groups from counts, in tree order; each opens to "Loading…" until its lists come. */
export function countedGroups(ns: string, kinds: readonly ResourceDescriptor[], counts: NamespaceCounts, href: (d: ResourceDescriptor) => string): TreeNode[] {
  const byGroup = new Map<string, ResourceDescriptor[]>();
  for (const d of kinds) {
    if (!counts[d.id]?.total) continue;
    const label = d.tree!.group;
    byGroup.set(label, [...(byGroup.get(label) ?? []), d]);
  }
  const groups = [...byGroup.entries()].map(([label, members]) => {
    const c = sumCounts(members.map((d) => counts[d.id]));
    const single = kinds.filter((d) => d.tree!.group === label).length === 1 ? members[0]! : undefined;
    const id = groupId(ns, label);
    const node: TreeNode = {
      id,
      type: 'group',
      label,
      icon: members[0]!.icon,
      health: countsHealth(c),
      count: c.total,
      summary: countsSummary(c, single ? [single.label, single.labelPlural] : ['object', 'objects']),
      href: href(members[0]!),
      children: [messageNode(id, 'loading', 'Loading…')],
    };
    return { node, order: Math.min(...members.map((d) => d.tree!.order)) };
  });
  return groups.sort((a, b) => a.order - b.order).map((g) => g.node);
}

import type { KubeObject } from '../k8s/types';
import { listHref, namespaceHref, objectHref } from '../resources/links';
import { descriptorById } from '../resources/registry';
import type { Health, ResourceDescriptor } from '../resources/types';
import { groupId, namespaceId, nestedId, objectId } from './ids';
import { messageNode } from './message-node';
import { countedGroups, countsHealth, countsSummary, sumCounts, type NamespaceCounts } from './summary-counts';
import { controllerKey, kindKey } from './ownership';
import { byName, countSummary, objectStatus, rollUpHealth } from './roll-up';
import type { NamespaceContents, NamespaceInput, TreeNode } from './types';

/**
 * One namespace: its groups (Virtual Machines, vSphere Pods, Workloads, each operator-backed
 * service kind…), each with its objects. An object controlled by another object of the same
 * group is placed under it (a CronJob's Jobs); pods are also shown under the object that
 * controls them (a Deployment's or a PostgreSQL cluster's pods). Empty groups are hidden.
 */
interface Entry {
  d: ResourceDescriptor;
  obj: KubeObject;
  key: string;
  id: string;
}

const PODS = 'pods';

function objectNode(e: Entry, id: string, ns: string, children?: TreeNode[]): TreeNode {
  const s = objectStatus(e.d, e.obj);
  const name = e.obj.metadata.name ?? '';
  return { id, type: 'object', label: name, icon: e.d.icon, health: s.health, statusText: s.text, href: objectHref(e.d, ns, name), ...(children?.length ? { children } : {}) };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function entriesOf(ns: string, kinds: readonly ResourceDescriptor[], contents: NamespaceContents): Entry[] {
  const out: Entry[] = [];
  for (const d of kinds) {
    const items = contents.lists.get(d.id);
    if (!items) continue;
    for (const obj of [...items].sort(byName)) {
      const name = obj.metadata.name ?? '';
      out.push({ d, obj, key: kindKey(d.group, d.kind, name), id: objectId(d.id, ns, name) });
    }
  }
  return out;
}

interface BuiltGroup {
  node: TreeNode;
  /** The health of every object the group counts (nested ones included). */
  healths: Health[];
}

function groupNodes(ns: string, kinds: readonly ResourceDescriptor[], contents: NamespaceContents): BuiltGroup[] {
  const entries = entriesOf(ns, kinds, contents);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const nested = new Map<string, Entry[]>();
  const pods = new Map<string, Entry[]>();
  const topLevel = new Map<string, Entry[]>();
  for (const e of entries) {
    const owner = controllerKey(e.obj);
    const parent = owner === undefined ? undefined : byKey.get(owner);
    if (parent && e.d.id === PODS && parent.d.id !== PODS) push(pods, parent.key, e);
    const group = e.d.tree!.group;
    if (parent && parent !== e && parent.d.tree!.group === group && e.d.id !== PODS) push(nested, parent.key, e);
    else push(topLevel, group, e);
  }
  const build = (e: Entry, depth: number): TreeNode => {
    const inner = depth < 8 ? (nested.get(e.key) ?? []).map((c) => build(c, depth + 1)) : [];
    const ownPods = (pods.get(e.key) ?? []).map((p) => objectNode(p, nestedId(e.id, p.id), ns));
    return objectNode(e, e.id, ns, [...inner, ...ownPods]);
  };

  const groups: BuiltGroup[] = [];
  for (const [label, members] of topLevel) {
    const groupKinds = kinds.filter((d) => d.tree!.group === label);
    const all = entries.filter((e) => e.d.tree!.group === label);
    const healths: Health[] = all.map((e) => objectStatus(e.d, e.obj).health);
    const single = groupKinds.length === 1 ? groupKinds[0]! : undefined;
    const nouns: [string, string] = single ? [single.label, single.labelPlural] : ['object', 'objects'];
    const first = all[0]!.d;
    const node: TreeNode = {
      id: groupId(ns, label),
      type: 'group',
      label,
      icon: (single ?? groupKinds[0]!).icon,
      health: rollUpHealth(healths),
      count: all.length,
      summary: countSummary(all.length, nouns, healths),
      href: listHref(first, ns),
      children: members.map((e) => build(e, 0)),
    };
    groups.push({ node, healths });
  }
  const order = (g: BuiltGroup) => Math.min(...kinds.filter((d) => d.tree!.group === g.node.label).map((d) => d.tree!.order));
  return groups.sort((a, b) => order(a) - order(b));
}

/**
 * `counts` (from the inventory index) give an unexpanded namespace its count and health, and an
 * expanded one its groups while its lists are still loading.
 */
export function namespaceNode(input: NamespaceInput, kinds: readonly ResourceDescriptor[], contents: NamespaceContents | undefined, counts?: NamespaceCounts): TreeNode {
  const ns = input.name;
  const id = namespaceId(ns);
  const nsDescriptor = descriptorById('namespaces');
  const own = input.object && nsDescriptor ? objectStatus(nsDescriptor, input.object) : undefined;
  const base = { id, type: 'namespace' as const, label: ns, icon: 'namespace' as const, href: namespaceHref(ns), statusText: own?.text };
  const pending = contents ? [...contents.lists.values()].some((l) => l === undefined) : true;
  if (pending && counts) {
    const c = sumCounts(kinds.map((d) => counts[d.id]));
    const groups = countedGroups(ns, kinds, counts, (d) => listHref(d, ns));
    const messages = (contents?.errors ?? []).map((e, i) => messageNode(id, 'error', e, i));
    if (groups.length === 0 && messages.length === 0) messages.push(messageNode(id, 'empty', 'No objects'));
    return {
      ...base,
      health: rollUpHealth([own?.health, countsHealth(c)]),
      count: c.total,
      summary: countsSummary(c, ['object', 'objects']),
      ...(contents ? { children: [...groups, ...messages] } : { lazy: true }),
    };
  }
  if (!contents) return { ...base, health: own?.health, lazy: true };

  const groups = groupNodes(ns, kinds, contents);
  const messages = contents.errors.map((e, i) => messageNode(id, 'error', e, i));
  if (pending) messages.push(messageNode(id, 'loading', 'Loading…'));
  else if (groups.length === 0 && messages.length === 0) messages.push(messageNode(id, 'empty', 'No objects'));
  const healths = groups.flatMap((g) => g.healths);
  const known = !pending;
  return {
    ...base,
    health: rollUpHealth([own?.health, ...healths]),
    count: known ? healths.length : undefined,
    summary: known ? countSummary(healths.length, ['object', 'objects'], healths) : undefined,
    children: [...groups.map((g) => g.node), ...messages],
  };
}

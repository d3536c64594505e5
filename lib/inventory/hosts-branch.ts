import type { KubeObject } from '../k8s/types';
import { hostHref, HOSTS_HREF, objectHref } from '../resources/links';
import type { Health, ResourceDescriptor } from '../resources/types';
import { HOSTS_ID, hostId, nestedId, objectId } from './ids';
import { messageNode } from './message-node';
import { byName, countSummary, countText, healthBreakdown, objectStatus, rollUpHealth } from './roll-up';
import type { HostUse, IndexSearchGroup } from '../inventory-index/summary-types';
import type { HostsInput, TreeNode } from './types';

/**
 * The Hosts branch: every ESXi host (Node) with the VMs placed on it (status.nodeName) and the
 * vSphere Pods bound to it (spec.nodeName). A host's badge is its own state; the branch shows
 * the worst host. VMs and pods here are second appearances of the namespace tree's objects.
 * With the inventory index (`input.placed`), hosts carry the index's counts and an expanded
 * host lists what the index places on it, so no cluster-wide list of VMs or pods is read.
 */
export interface HostKinds {
  node: ResourceDescriptor;
  vm?: ResourceDescriptor;
  pod?: ResourceDescriptor;
}

function byNode(objects: readonly KubeObject[], nodeOf: (o: KubeObject) => unknown): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const o of objects) {
    const n = nodeOf(o);
    if (typeof n !== 'string' || !n) continue;
    const list = out.get(n);
    if (list) list.push(o);
    else out.set(n, [o]);
  }
  return out;
}

function placedNode(parentId: string, d: ResourceDescriptor, obj: KubeObject): TreeNode {
  const name = obj.metadata.name ?? '';
  const ns = obj.metadata.namespace;
  const s = objectStatus(d, obj);
  return { id: nestedId(parentId, objectId(d.id, ns, name)), type: 'object', label: name, detail: ns, icon: d.icon, health: s.health, statusText: s.text, href: objectHref(d, ns, name) };
}

function hostNode(kinds: HostKinds, host: KubeObject, vms: KubeObject[], pods: KubeObject[]): TreeNode {
  const name = host.metadata.name ?? '';
  const id = hostId(name);
  const own = objectStatus(kinds.node, host);
  const children = [
    ...(kinds.vm ? [...vms].sort(byName).map((o) => placedNode(id, kinds.vm!, o)) : []),
    ...(kinds.pod ? [...pods].sort(byName).map((o) => placedNode(id, kinds.pod!, o)) : []),
  ];
  const healths = children.map((c) => c.health).filter((h): h is Health => h !== undefined);
  const parts = [kinds.vm ? countText(vms.length, [kinds.vm.label, kinds.vm.labelPlural]) : '', kinds.pod ? countText(pods.length, [kinds.pod.label, kinds.pod.labelPlural]) : ''].filter(Boolean);
  const breakdown = healthBreakdown(healths);
  return {
    id,
    type: 'host',
    label: name,
    icon: 'host',
    health: own.health,
    statusText: own.text,
    count: children.length,
    summary: `${parts.join(', ')}${breakdown ? `: ${breakdown}` : ''}`,
    href: hostHref(name),
    ...(children.length ? { children } : {}),
  };
}

/** A host from the index: counts from its use, children only once expanded (`groups`). */
function countedHostNode(kinds: HostKinds, host: KubeObject, use: HostUse | undefined, groups: readonly IndexSearchGroup[] | undefined, expanded: boolean): TreeNode {
  const name = host.metadata.name ?? '';
  const id = hostId(name);
  const own = objectStatus(kinds.node, host);
  const vms = use?.vms ?? 0;
  const pods = use?.pods ?? 0;
  const parts = [kinds.vm ? countText(vms, [kinds.vm.label, kinds.vm.labelPlural]) : '', kinds.pod ? countText(pods, [kinds.pod.label, kinds.pod.labelPlural]) : ''].filter(Boolean);
  const base: TreeNode = { id, type: 'host', label: name, icon: 'host', health: own.health, statusText: own.text, count: vms + pods, summary: parts.join(', '), href: hostHref(name) };
  if (vms + pods === 0) return base;
  if (!expanded) return { ...base, lazy: true };
  if (!groups) return { ...base, children: [messageNode(id, 'loading', 'Loading…')] };
  const children: TreeNode[] = [];
  for (const g of groups) {
    const d = g.kind === kinds.vm?.id ? kinds.vm : g.kind === kinds.pod?.id ? kinds.pod : undefined;
    if (!d) continue;
    for (const h of g.hits) children.push({ id: nestedId(id, objectId(d.id, h.namespace, h.name)), type: 'object', label: h.name, detail: h.namespace, icon: d.icon, health: h.health, statusText: h.text, href: objectHref(d, h.namespace, h.name) });
    if (g.total > g.hits.length) children.push(messageNode(id, 'empty', `${g.total - g.hits.length} more ${d.labelPlural} on this host; see the host's page`, children.length));
  }
  return { ...base, children };
}

export function hostsNode(input: HostsInput, kinds: HostKinds): TreeNode {
  const base = { id: HOSTS_ID, type: 'hosts' as const, label: 'Hosts', icon: 'hosts' as const, href: HOSTS_HREF };
  const messages = input.errors.map((e, i) => messageNode(HOSTS_ID, 'error', e, i));
  if (!input.nodes) {
    if (!input.requested) return { ...base, lazy: true };
    return { ...base, children: [...messages, messageNode(HOSTS_ID, 'loading', 'Loading…')] };
  }
  const vmsByNode = byNode(input.vms, (o) => o.status?.nodeName);
  const podsByNode = byNode(input.pods, (o) => o.spec?.nodeName);
  const placed = input.placed;
  const hosts = [...input.nodes].sort(byName).map((h) => {
    const name = h.metadata.name ?? '';
    if (placed) return countedHostNode(kinds, h, placed.use[name], placed.objects.get(name), placed.objects.has(name));
    return hostNode(kinds, h, vmsByNode.get(name) ?? [], podsByNode.get(name) ?? []);
  });
  const healths = hosts.map((h) => h.health).filter((h): h is Health => h !== undefined);
  if (hosts.length === 0 && messages.length === 0) messages.push(messageNode(HOSTS_ID, 'empty', 'No hosts'));
  return {
    ...base,
    health: rollUpHealth(healths),
    count: hosts.length,
    summary: countSummary(hosts.length, [kinds.node.label, kinds.node.labelPlural], healths),
    children: [...hosts, ...messages],
  };
}

import type { IndexSearchGroup } from '../inventory-index/summary-types';
import { objectHref } from '../resources/links';
import { descriptorById } from '../resources/registry';
import type { FilteredTree } from './filter-tree';
import { filterTree } from './filter-tree';
import { groupId, HOSTS_ID, objectId } from './ids';
import { messageNode } from './message-node';
import { compareText } from './roll-up';
import type { TreeNode } from './types';

/**
 * The tree's filter over the whole inventory, from the inventory index's search answer instead
 * of loaded lists: namespaces whose name matches keep their whole node (as built from counts or
 * lists); other namespaces show only their matching objects, grouped as in the tree (the groups
 * with their counts when `countedGroupsOf` gives them). The Hosts
 * branch is filtered as loaded. When a kind has more matches than were sent, a row says so.
 */
export function hitsTree(tree: TreeNode, groups: readonly IndexSearchGroup[], text: string, countedGroupsOf?: (ns: string) => readonly TreeNode[]): FilteredTree {
  const q = text.trim().toLowerCase();
  const expand = new Set<string>();
  let matches = 0;
  const byNs = new Map<string, Map<string, TreeNode[]>>();
  const more: TreeNode[] = [];
  for (const g of groups) {
    const d = descriptorById(g.kind);
    if (!d?.tree) continue;
    matches += g.total;
    if (g.total > g.hits.length) more.push(messageNode(tree.id, 'empty', `${g.total - g.hits.length} more ${d.labelPlural} match; refine the filter to see them`, more.length + 1));
    for (const h of g.hits) {
      if (!h.namespace) continue;
      const perNs = byNs.get(h.namespace) ?? new Map<string, TreeNode[]>();
      byNs.set(h.namespace, perNs);
      const label = d.tree.group;
      const list = perNs.get(label) ?? [];
      perNs.set(label, list);
      list.push({ id: objectId(d.id, h.namespace, h.name), type: 'object', label: h.name, icon: d.icon, health: h.health, statusText: h.text, href: objectHref(d, h.namespace, h.name) });
    }
  }
  const children: TreeNode[] = [];
  for (const n of tree.children ?? []) {
    if (n.type === 'namespace') {
      if (n.label.toLowerCase().includes(q)) {
        matches++;
        children.push(n);
        continue;
      }
      const perNs = byNs.get(n.label);
      if (!perNs) continue;
      expand.add(n.id);
      const groupNodes = [...perNs.entries()].map(([label, objects]) => {
        const id = groupId(n.label, label);
        expand.add(id);
        // The group as the tree shows it (its count and health): loaded, or from the index's counts.
        const real = n.children?.find((c) => c.id === id) ?? countedGroupsOf?.(n.label).find((c) => c.id === id);
        return { ...(real ?? { id, type: 'group' as const, label, icon: objects[0]!.icon }), lazy: false, children: objects.sort((a, b) => compareText(a.label, b.label)) };
      });
      children.push({ ...n, lazy: false, children: groupNodes });
    } else if (n.id === HOSTS_ID) {
      const f = filterTree(n, q);
      if (f.root) {
        children.push(f.root);
        f.expand.forEach((id) => expand.add(id));
        matches += f.matches;
      }
    }
  }
  if (children.length === 0) return { root: undefined, expand, matches: 0 };
  expand.add(tree.id);
  return { root: { ...tree, children: [...children, ...more] }, expand, matches };
}

import { descriptorById } from '../resources/registry';
import { hostsNode } from './hosts-branch';
import { ROOT_ID } from './ids';
import { messageNode } from './message-node';
import { namespaceNode } from './namespace-branch';
import { compareText, rollUpHealth } from './roll-up';
import type { InventoryInput, TreeNode } from './types';

/**
 * The whole inventory from what is loaded: the Supervisor root, its namespaces (lazy until
 * their contents are given), and the Hosts branch when the user may see hosts. Pure; rebuilt
 * whenever a list changes.
 */
export function buildTree(input: InventoryInput): TreeNode {
  const namespaces = [...input.namespaces].sort((a, b) => compareText(a.name, b.name)).map((ns) => namespaceNode(ns, input.kinds, input.contents.get(ns.name), input.counts?.(ns.name)));
  const children = [...namespaces];
  if (namespaces.length === 0) {
    children.push(input.namespacesLoading ? messageNode(ROOT_ID, 'loading', 'Loading namespaces…') : messageNode(ROOT_ID, 'empty', 'No namespaces you can use'));
  }
  const nodeKind = descriptorById('nodes');
  if (input.hosts && nodeKind) {
    children.push(
      hostsNode(input.hosts, {
        node: nodeKind,
        vm: input.kinds.find((d) => d.id === 'virtualmachines.vmoperator.vmware.com'),
        pod: input.kinds.find((d) => d.id === 'pods'),
      }),
    );
  }
  return {
    id: ROOT_ID,
    type: 'root',
    label: input.clusterName || 'Supervisor',
    icon: 'supervisor',
    health: rollUpHealth(children.map((c) => c.health)),
    count: namespaces.length,
    summary: `${namespaces.length} ${namespaces.length === 1 ? 'namespace' : 'namespaces'}`,
    href: '/',
    children,
  };
}

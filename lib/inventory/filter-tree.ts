import type { TreeNode } from './types';

/**
 * The tree narrowed to nodes whose label (an object's name, a group's or host's name) or detail
 * (the namespace of a VM under a host) contains the text, case-insensitively, plus their
 * ancestors. A matching node keeps its whole subtree, so filtering by a namespace's name still
 * shows what is in it. `expand` lists the ancestors to open so every match is visible.
 */
export interface FilteredTree {
  /** Undefined when nothing matches. */
  root: TreeNode | undefined;
  expand: Set<string>;
  matches: number;
}

export function filterTree(root: TreeNode, text: string): FilteredTree {
  const q = text.trim().toLowerCase();
  if (!q) return { root, expand: new Set(), matches: 0 };
  const expand = new Set<string>();
  let matches = 0;
  const visit = (n: TreeNode): TreeNode | undefined => {
    if (n.type === 'message') return undefined;
    const self = n.label.toLowerCase().includes(q) || (n.detail?.toLowerCase().includes(q) ?? false);
    if (self) matches++;
    const kept = (n.children ?? []).map(visit).filter((c): c is TreeNode => c !== undefined);
    if (kept.length) expand.add(n.id);
    if (self) return n;
    return kept.length ? { ...n, children: kept, lazy: false } : undefined;
  };
  return { root: visit(root), expand, matches };
}

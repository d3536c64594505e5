import type { TreeNode } from './types';

/**
 * The visible rows of the tree, in order, with what ARIA needs (level, set size, position) and
 * the index of each row's parent row for keyboard navigation. Collapsed subtrees are skipped,
 * so the cost follows what is on screen, not the size of the inventory.
 */
export interface FlatRow {
  node: TreeNode;
  /** 1 for the root. */
  level: number;
  setSize: number;
  /** 1-based. */
  posInSet: number;
  /** -1 for the root. */
  parentIndex: number;
  expandable: boolean;
  expanded: boolean;
}

export function isExpandable(n: TreeNode): boolean {
  return n.lazy === true || (n.children !== undefined && n.children.length > 0);
}

export function flattenTree(root: TreeNode | undefined, isExpanded: (id: string) => boolean): FlatRow[] {
  const rows: FlatRow[] = [];
  if (!root) return rows;
  const visit = (node: TreeNode, level: number, setSize: number, posInSet: number, parentIndex: number): void => {
    const expandable = isExpandable(node);
    const expanded = expandable && isExpanded(node.id);
    const index = rows.length;
    rows.push({ node, level, setSize, posInSet, parentIndex, expandable, expanded });
    if (!expanded || !node.children) return;
    const n = node.children.length;
    node.children.forEach((c, i) => visit(c, level + 1, n, i + 1, index));
  };
  visit(root, 1, 1, 1, -1);
  return rows;
}

/** Ids of every node on the way from the root to `id` (excluded), or undefined when absent. */
export function ancestorsOf(root: TreeNode, id: string): string[] | undefined {
  const path: string[] = [];
  const visit = (n: TreeNode): boolean => {
    if (n.id === id) return true;
    path.push(n.id);
    for (const c of n.children ?? []) if (visit(c)) return true;
    path.pop();
    return false;
  };
  return visit(root) ? path : undefined;
}

import type { TreeNode } from './types';

/** A row that is not an object: "Loading…", "No objects", or an error in plain words. */
export function messageNode(parentId: string, kind: 'loading' | 'empty' | 'error', label: string, n = 0): TreeNode {
  return { id: `${parentId}/msg:${kind}${n ? `-${n}` : ''}`, type: 'message', label, icon: kind === 'loading' ? 'loading' : kind === 'error' ? 'problem' : 'info' };
}

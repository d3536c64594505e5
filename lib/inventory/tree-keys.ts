import type { FlatRow } from './flatten';

/**
 * Keyboard behaviour of the inventory tree (WAI-ARIA tree view pattern) as a pure function of
 * the visible rows and the focused row: what a key press should do.
 */
export type TreeCommand =
  | { type: 'focus'; index: number }
  | { type: 'expand'; id: string }
  | { type: 'collapse'; id: string }
  | { type: 'activate'; index: number }
  | { type: 'expandSiblings'; ids: string[] }
  | { type: 'none' };

const NONE: TreeCommand = { type: 'none' };

export function keyCommand(rows: readonly FlatRow[], index: number, key: string): TreeCommand {
  const row = rows[index];
  if (!row) return rows.length ? { type: 'focus', index: 0 } : NONE;
  switch (key) {
    case 'ArrowDown':
      return index + 1 < rows.length ? { type: 'focus', index: index + 1 } : NONE;
    case 'ArrowUp':
      return index > 0 ? { type: 'focus', index: index - 1 } : NONE;
    case 'ArrowRight':
      if (row.expandable && !row.expanded) return { type: 'expand', id: row.node.id };
      if (row.expanded && rows[index + 1]?.parentIndex === index) return { type: 'focus', index: index + 1 };
      return NONE;
    case 'ArrowLeft':
      if (row.expanded) return { type: 'collapse', id: row.node.id };
      return row.parentIndex >= 0 ? { type: 'focus', index: row.parentIndex } : NONE;
    case 'Home':
      return { type: 'focus', index: 0 };
    case 'End':
      return { type: 'focus', index: rows.length - 1 };
    case 'Enter':
    case ' ':
      return { type: 'activate', index };
    case '*': {
      const ids = rows.filter((r) => r.parentIndex === row.parentIndex && r.expandable && !r.expanded).map((r) => r.node.id);
      return ids.length ? { type: 'expandSiblings', ids } : NONE;
    }
    default:
      return NONE;
  }
}

/** Whether a key starts or continues type-ahead (a printable character, not a command). */
export function isTypeAheadKey(key: string): boolean {
  return key.length === 1 && key !== '*' && key !== ' ';
}

/**
 * Type-ahead: the next visible row, after the focused one and wrapping around, whose label
 * starts with the typed text. Typing the same letter again moves on to the next such row.
 */
export function typeAheadIndex(rows: readonly FlatRow[], index: number, typed: string): number | undefined {
  if (!typed || rows.length === 0) return undefined;
  const text = typed.toLowerCase();
  const repeated = [...text].every((c) => c === text[0]);
  const prefix = repeated ? text[0]! : text;
  // A longer prefix may still match the focused row; a new or repeated letter moves on.
  const start = repeated ? index + 1 : index;
  for (let i = 0; i < rows.length; i++) {
    const at = (start + i) % rows.length;
    if (rows[at]!.node.type !== 'message' && rows[at]!.node.label.toLowerCase().startsWith(prefix)) return at;
  }
  return undefined;
}

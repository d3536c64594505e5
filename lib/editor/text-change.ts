/**
 * The smallest single replacement turning `from` into `to` (common head and tail kept), so an
 * editor applying an outside change (a form edit) keeps the cursor and undo history sensible.
 */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

export function minimalChange(from: string, to: string): TextChange {
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

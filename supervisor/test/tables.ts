/**
 * Parses kubectl's human-readable tables (tabwriter output: a header row whose column titles
 * start where the column values start). Empty cells stay empty strings, so columns such as
 * SHORTNAMES or CATEGORIES that are blank for some rows parse correctly.
 */
export type Row = Record<string, string>;

export function parseTable(text: string): Row[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = lines[0];
  if (header === undefined) return [];
  const starts: { name: string; start: number }[] = [];
  const re = /\S+(?: \S+)*/g;
  for (let m = re.exec(header); m; m = re.exec(header)) starts.push({ name: m[0], start: m.index });
  return lines.slice(1).map((line) => {
    const row: Row = {};
    starts.forEach((col, i) => {
      const end = i + 1 < starts.length ? starts[i + 1]!.start : undefined;
      row[col.name] = line.slice(col.start, end).trim();
    });
    return row;
  });
}

/** The value of `column` in every row, in order. */
export function column(text: string, name: string): string[] {
  return parseTable(text).map((r) => r[name] ?? '');
}

/** The row whose `key` column equals `value`; throws with the table if there is none. */
export function rowWhere(text: string, key: string, value: string): Row {
  const row = parseTable(text).find((r) => r[key] === value);
  if (!row) throw new Error(`no row with ${key}=${value} in:\n${text}`);
  return row;
}

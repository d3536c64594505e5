import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Maps positions in tsx-compiled code (whitespace-minified onto one line, so every profile frame
 * says line 1) back to lines of the TypeScript source, using the compiled code and source map
 * that tsx keeps in its cache directory. Best effort: frames whose compiled form is not in the
 * cache keep their compiled position.
 */
interface CacheEntry {
  code: string;
  map: { mappings: string; sources: string[] };
}

interface Segment {
  col: number;
  line: number;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes the first generated line of a source map's mappings into (column → source line) pairs. */
export function decodeFirstLine(mappings: string): Segment[] {
  const out: Segment[] = [];
  const lineEnd = mappings.indexOf(';');
  const first = lineEnd < 0 ? mappings : mappings.slice(0, lineEnd);
  let col = 0;
  let srcLine = 0;
  for (const seg of first.split(',')) {
    if (!seg) continue;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of seg) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    col += values[0] ?? 0;
    if (values.length >= 4) {
      srcLine += values[2]!;
      out.push({ col, line: srcLine });
    }
  }
  return out;
}

export class SourceLines {
  private readonly entries = new Map<string, CacheEntry[]>();
  private readonly chosen = new Map<string, Segment[] | null>();

  constructor(cacheDir = path.join(os.tmpdir(), `tsx-${os.userInfo().uid}`)) {
    let files: string[] = [];
    try {
      files = fs.readdirSync(cacheDir);
    } catch {
      return;
    }
    for (const f of files) {
      try {
        const entry = JSON.parse(fs.readFileSync(path.join(cacheDir, f), 'utf8')) as CacheEntry;
        const source = entry.map?.sources?.[0];
        if (typeof entry.code !== 'string' || !source) continue;
        const list = this.entries.get(source) ?? [];
        list.push(entry);
        this.entries.set(source, list);
      } catch {
        // Not a tsx transform cache entry.
      }
    }
  }

  /**
   * Picks, among cached compilations of `file`, the one in which every named frame's column
   * points at (or just after) that function's name, then returns its line mapping.
   */
  private segments(file: string, named: { name: string; col: number }[]): Segment[] | null {
    if (this.chosen.has(file)) return this.chosen.get(file)!;
    const candidates = this.entries.get(file) ?? [];
    // V8 reports a function's position at (or just after) its name, so look on both sides.
    const fits = (e: CacheEntry): boolean => named.every((n) => e.code.slice(Math.max(0, n.col - n.name.length - 30), n.col + n.name.length + 30).includes(n.name));
    const entry = candidates.find(fits);
    const segs = entry ? decodeFirstLine(entry.map.mappings) : null;
    this.chosen.set(file, segs);
    return segs;
  }

  /** 1-based source line for a compiled column, or undefined when unknown. */
  lineOf(file: string, col: number, named: { name: string; col: number }[]): number | undefined {
    const segs = this.segments(file, named);
    if (!segs || segs.length === 0) return undefined;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid]!.col <= col) lo = mid;
      else hi = mid - 1;
    }
    return segs[lo]!.line + 1;
  }
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceLines } from './source-lines';

/**
 * Summarises V8 `.cpuprofile` files (from the server's `--cpu-prof`): self time by function and
 * by source file, and inclusive time of the hottest functions, so the server's costs can be read
 * without DevTools. Usage: `node --import tsx supervisor/bench/profile-summary.ts <file>... [--top 25]`.
 */
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function shortUrl(url: string): string {
  if (!url) return '(native)';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm);
  const sup = clean.indexOf('supervisor/');
  return sup >= 0 ? clean.slice(sup) : clean;
}

const sources = new SourceLines();

/** Rewrites one-line compiled positions of project files to TypeScript source lines where tsx's cache allows. */
function mapLines(p: CpuProfile): void {
  const named = new Map<string, { name: string; col: number }[]>();
  for (const n of p.nodes) {
    const f = n.callFrame;
    if (!f.url.startsWith('file://') || f.lineNumber !== 0 || !f.functionName) continue;
    const list = named.get(f.url) ?? [];
    list.push({ name: f.functionName, col: f.columnNumber });
    named.set(f.url, list);
  }
  for (const n of p.nodes) {
    const f = n.callFrame;
    if (!f.url.startsWith('file://') || f.lineNumber !== 0 || f.url.includes('/node_modules/')) continue;
    const line = sources.lineOf(fileURLToPath(f.url), f.columnNumber, named.get(f.url) ?? []);
    if (line !== undefined) f.lineNumber = line - 1;
  }
}

function label(f: CallFrame): string {
  return `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}${f.url ? `:${f.lineNumber + 1}` : ''}`;
}

function summarise(file: string, top: number): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  mapLines(p);
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const totalMs = (p.endTime - p.startTime) / 1000;

  const selfByFn = new Map<string, number>();
  const selfByFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame;
    selfByFn.set(label(f), (selfByFn.get(label(f)) ?? 0) + ms);
    selfByFile.set(shortUrl(f.url), (selfByFile.get(shortUrl(f.url)) ?? 0) + ms);
    // Inclusive time: credit each distinct function on the stack once.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur)!.callFrame);
      if (!seen.has(l)) inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
      seen.add(l);
    }
  }
  const busy = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName !== '(idle)').reduce((a, [, ms]) => a + ms, 0);
  const fmt = (m: Map<string, number>): string =>
    [...m.entries()]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `${ms.toFixed(1).padStart(10)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  const skip = new Set(['(root)', '(program)', '(idle)', '(garbage collector)']);
  const incl = new Map([...inclusive.entries()].filter(([k]) => !skip.has(k.split('  ')[0]!)));
  return [
    `== ${path.basename(file)}: ${totalMs.toFixed(0)} ms profiled, ${busy.toFixed(0)} ms not idle`,
    `-- self time by function`,
    fmt(selfByFn),
    `-- self time by file`,
    fmt(selfByFile),
    `-- inclusive time by function`,
    fmt(incl),
  ].join('\n');
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
if (args.length === 0) {
  process.stderr.write('usage: profile-summary.ts <file.cpuprofile>... [--top N]\n');
  process.exit(2);
}
for (const f of args) process.stdout.write(`${summarise(f, top)}\n\n`);

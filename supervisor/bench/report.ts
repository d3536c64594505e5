import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CreateRun } from './creates';
import type { FsyncFacts } from './fsync-probe';
import type { ListResults } from './list-bench';
import { round } from './stats';
import type { ProbeSnapshot } from './server-probe';
import type { WatchResults } from './watch-bench';

/**
 * Turns the measured figures into the printed table (figure, value, goal, PASS/MISS) and the
 * JSON results document. Missed goals are reported, never thrown: the benchmark fails only on errors.
 */
export interface MachineFacts {
  cpus: number;
  cpuModel: string;
  node: string;
  platform: string;
  totalMemGiB: number;
  loadAverage: number[];
  fsyncMs: FsyncFacts;
}

/** What the in-server probe saw during one phase. */
export interface ServerPhase extends ProbeSnapshot {
  seconds: number;
  /** Server CPU as a share of one core (100 = one core busy for the whole phase). */
  cpuPercent?: number;
  /** Share of the phase the server's / the load generator's main thread sat runnable waiting for a CPU (other load on the machine). */
  serverCpuWaitPercent?: number;
  clientCpuWaitPercent?: number;
}

export interface BenchResults {
  startedAt: string;
  machine: MachineFacts;
  options: Record<string, unknown>;
  creates?: CreateRun;
  podSeed?: CreateRun;
  /** How long the controllers kept writing after the pods were created (see `settle`). */
  settleMs?: number;
  list?: ListResults;
  watch?: WatchResults;
  server: Record<string, ServerPhase>;
}

export interface Row {
  figure: string;
  value: string;
  goal: string;
  verdict: 'PASS' | 'MISS' | '';
}

export function machineFacts(fsyncMs: FsyncFacts): MachineFacts {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    totalMemGiB: round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map(round),
    fsyncMs,
  };
}

const ms = (v: number): string => `${round(v)} ms`;
const judge = (ok: boolean): 'PASS' | 'MISS' => (ok ? 'PASS' : 'MISS');
const info = (figure: string, value: string): Row => ({ figure, value, goal: '', verdict: '' });
const cpuMsPerOp = (p: ServerPhase | undefined, ops: number): number | undefined => (p?.cpuPercent === undefined || ops === 0 ? undefined : (p.cpuPercent * p.seconds * 10) / ops);

export function rows(r: BenchResults): Row[] {
  const out: Row[] = [];
  if (r.creates) {
    const c = r.creates;
    out.push({ figure: `ConfigMap creates/s (n=${c.count}, c=${c.concurrency})`, value: `${round(c.perSecond)}/s`, goal: '≥ 1000/s', verdict: judge(c.perSecond >= 1000) });
    out.push(info('  create latency p50 / p99 / max', `${ms(c.latencyMs.p50)} / ${ms(c.latencyMs.p99)} / ${ms(c.latencyMs.max)}`));
    const perOp = cpuMsPerOp(r.server.creates, c.count);
    if (perOp !== undefined) out.push(info('  server CPU per create', ms(perOp)));
  }
  if (r.podSeed) {
    const p = r.podSeed;
    const perOp = cpuMsPerOp(r.server['pod-seed'], p.count);
    out.push(info(`Pod creates/s (seeding n=${p.count}, c=${p.concurrency})`, `${round(p.perSecond)}/s, p50 ${ms(p.latencyMs.p50)}, p99 ${ms(p.latencyMs.p99)}${perOp === undefined ? '' : `, server CPU ${ms(perOp)}/create`}`));
  }
  if (r.settleMs !== undefined) out.push(info('  controllers settled after seeding', ms(r.settleMs)));
  if (r.list) {
    const l = r.list;
    out.push(info(`List ${l.items} pods: body size`, `${round(l.bytes / 2 ** 20)} MiB (${round(l.avgItemBytes)} B/pod)`));
    const n = l.full.ttlbMs.runs.length;
    out.push({ figure: `  full JSON, time to last byte (median / max of ${n})`, value: `${ms(l.full.ttlbMs.median)} / ${ms(l.full.ttlbMs.max)}`, goal: 'median < 300 ms', verdict: judge(l.full.ttlbMs.median < 300) });
    out.push({ figure: '  full JSON incl. JSON.parse (median / max)', value: `${ms(l.full.withParseMs.median)} / ${ms(l.full.withParseMs.max)}`, goal: 'median < 300 ms', verdict: judge(l.full.withParseMs.median < 300) });
    out.push(info('  time to first byte (median / max)', `${ms(l.full.ttfbMs.median)} / ${ms(l.full.ttfbMs.max)}`));
    out.push(info('  server CPU per full list (median / max)', `${ms(l.full.serverCpuMs.median)} / ${ms(l.full.serverCpuMs.max)}`));
    out.push(info('  client JSON.parse alone (median)', ms(l.full.parseMs.median)));
    out.push({ figure: '  right after a pod write, TTLB (median / max)', value: `${ms(l.afterWrite.ttlbMs.median)} / ${ms(l.afterWrite.ttlbMs.max)}`, goal: 'median < 300 ms', verdict: judge(l.afterWrite.ttlbMs.median < 300) });
    out.push(info('  Table form, time to last byte (median / max)', `${ms(l.table.ttlbMs.median)} / ${ms(l.table.ttlbMs.max)}`));
    out.push({ figure: '  Table form incl. parse (median / max)', value: `${ms(l.table.withParseMs.median)} / ${ms(l.table.withParseMs.max)}`, goal: 'median < 300 ms', verdict: judge(l.table.withParseMs.median < 300) });
    out.push(info('  Table form: body size, server CPU (median)', `${round(l.table.bytes / 2 ** 20)} MiB, ${ms(l.table.serverCpuMs.median)}`));
    out.push(info(`  paged walk, limit=500 (${l.paged.pages} pages), median / max`, `${ms(l.paged.walkMs.median)} / ${ms(l.paged.walkMs.max)} (server CPU ${ms(l.paged.serverCpuMs.median)})`));
    out.push(info('  one page of 500, TTLB median / max', `${ms(l.paged.pageTtlbMedianMs)} / ${ms(l.paged.pageTtlbMaxMs)}`));
  }
  if (r.watch) {
    const w = r.watch;
    out.push({ figure: `Watch lag, ${w.watchers} watchers (p50 / p95 / p99 / max)`, value: `${ms(w.lagMs.p50)} / ${ms(w.lagMs.p95)} / ${ms(w.lagMs.p99)} / ${ms(w.lagMs.max)}`, goal: 'p99 < 100 ms', verdict: judge(w.lagMs.p99 < 100) });
    out.push({
      figure: '  events per watcher (min / max of acknowledged)',
      value: `${w.eventsPerWatcher.min} / ${w.eventsPerWatcher.max} of ${w.acknowledged}; lost ${w.lost}, reordered ${w.reordered}, dup ${w.duplicated}`,
      goal: 'all, in order',
      verdict: judge(w.watchersComplete === w.watchers && w.acknowledged === w.planned),
    });
    if (w.foreignEvents) out.push(info('  events for other writers\' objects (ignored)', String(w.foreignEvents)));
    const perWrite = cpuMsPerOp(r.server.watch, w.acknowledged);
    out.push(info('  achieved write rate', `${round(w.achievedRate)}/s (${w.acknowledged}/${w.planned} writes ok)${perWrite === undefined ? '' : `, server CPU ${ms(perWrite)}/write incl. fan-out`}`));
    out.push(info('  writer send delay vs schedule p99 / max', `${ms(w.writerSendDelayMs.p99)} / ${ms(w.writerSendDelayMs.max)}`));
    out.push(info('  write latency p50 / p99', `${ms(w.writeLatencyMs.p50)} / ${ms(w.writeLatencyMs.p99)}`));
    const worst = w.worst[0];
    if (worst) out.push(info('  worst write (seq, sent at, lag, its POST latency)', `#${worst.seq} at +${round(worst.atMs / 1000)} s: lag ${ms(worst.lagMs)}, POST ${ms(worst.writeLatencyMs)}, ${worst.watchersOver100ms}/${w.watchers} watchers > 100 ms`));
    out.push(info('  watcher-process event-loop delay p99 / max', `${ms(w.clientLoopDelayMs.p99)} / ${ms(w.clientLoopDelayMs.max)}`));
  }
  for (const [name, p] of Object.entries(r.server)) {
    const cpu = p.cpuPercent === undefined ? '' : `CPU ${round(p.cpuPercent)}%, `;
    out.push(info(`Server during ${name} (${round(p.seconds)} s)`, `${cpu}loop delay p99 ${ms(p.loopDelayMs.p99)} max ${ms(p.loopDelayMs.max)}`));
    out.push(info('  GC pauses: count / total / max', `${p.gc.count} / ${ms(p.gc.totalMs)} / ${ms(p.gc.max)}`));
    if (p.serverCpuWaitPercent !== undefined) out.push(info('  waiting for a CPU: server / load generator', `${round(p.serverCpuWaitPercent)}% / ${round(p.clientCpuWaitPercent ?? Number.NaN)}% of the phase`));
    if (p.commits.count) {
      const c = p.commits;
      out.push(info('  SQLite commits: n / total / p50 / p99 / max', `${c.count} / ${ms(c.totalMs)} (${round((c.totalMs / 10 / p.seconds))}% of phase) / ${ms(c.p50)} / ${ms(c.p99)} / ${ms(c.max)}`));
    }
  }
  return out;
}

export function formatTable(list: Row[]): string {
  const header: Row = { figure: 'Figure', value: 'Measured', goal: 'Goal', verdict: '' };
  const all = [header, ...list];
  const w = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string => `${r.figure.padEnd(w('figure'))}  ${r.value.padEnd(w('value'))}  ${r.goal.padEnd(w('goal'))}  ${r.verdict}`.trimEnd();
  return [line(header), '-'.repeat(w('figure') + w('value') + w('goal') + 10), ...list.map(line)].join('\n');
}

/** Writes `latest.json` (and a timestamped copy) outside the repository; returns the path of `latest.json`. */
export function writeResults(results: BenchResults, dir = path.join(os.tmpdir(), 'glasspane-bench')): string {
  fs.mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v), 2)}\n`;
  const latest = path.join(dir, 'latest.json');
  fs.writeFileSync(latest, text);
  fs.writeFileSync(path.join(dir, `${results.startedAt.replace(/[:.]/g, '-')}.json`), text);
  return latest;
}

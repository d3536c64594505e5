import { performance } from 'node:perf_hooks';
import type { BenchClient, TimedResponse } from './http-client';
import { realisticPod } from './fixtures';
import { median } from './stats';

/**
 * List latency over a namespace of many realistic pods: the full JSON list (time to first and
 * last byte, and including the client's JSON.parse), the same list right after a pod write
 * (the server's sorted view is invalidated by every write to the table), the Table projection
 * kubectl asks for, and a paged walk with limit=500. Alongside wall time, the server's CPU time
 * per request is sampled (10 ms resolution): unlike latency, it hardly moves when other load on
 * the machine steals the CPU, and for these CPU-bound requests it is the floor of the latency.
 */
export interface Timing {
  runs: number[];
  median: number;
  max: number;
}

export interface ListResults {
  items: number;
  bytes: number;
  avgItemBytes: number;
  full: { ttfbMs: Timing; ttlbMs: Timing; withParseMs: Timing; parseMs: Timing; serverCpuMs: Timing };
  afterWrite: { ttlbMs: Timing; withParseMs: Timing; serverCpuMs: Timing };
  table: { bytes: number; ttlbMs: Timing; withParseMs: Timing; serverCpuMs: Timing };
  paged: { pages: number; walkMs: Timing; pageTtlbMedianMs: number; pageTtlbMaxMs: number; serverCpuMs: Timing };
}

export function timing(runs: number[]): Timing {
  return { runs, median: median(runs), max: Math.max(...runs) };
}

interface ParsedList {
  metadata: { continue?: string };
  items?: unknown[];
  rows?: unknown[];
}

interface Measured {
  res: TimedResponse;
  parsed: ParsedList;
  parseMs: number;
  cpuMs: number;
}

type CpuClock = () => number | undefined;

async function measure(client: BenchClient, cpu: CpuClock, path: string, accept?: string): Promise<Measured> {
  const cpu0 = cpu();
  const res = await client.ok('GET', path, { accept });
  const cpu1 = cpu();
  const t = performance.now();
  const parsed = JSON.parse(res.body.toString('utf8')) as ParsedList;
  const parseMs = performance.now() - t;
  return { res, parsed, parseMs, cpuMs: cpu0 !== undefined && cpu1 !== undefined ? (cpu1 - cpu0) * 1000 : Number.NaN };
}

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io';

export async function listBench(client: BenchClient, namespace: string, expected: number, repeats: number, serverCpuSeconds: CpuClock): Promise<ListResults> {
  const path = `/api/v1/namespaces/${namespace}/pods`;
  const cpu = serverCpuSeconds;
  const full = { ttfb: [] as number[], ttlb: [] as number[], withParse: [] as number[], parse: [] as number[], cpu: [] as number[] };
  let bytes = 0;
  for (let i = 0; i < repeats; i++) {
    const m = await measure(client, cpu, path);
    const n = m.parsed.items?.length ?? 0;
    if (n !== expected) throw new Error(`list returned ${n} pods, expected ${expected}`);
    bytes = m.res.body.length;
    full.ttfb.push(m.res.ttfbMs);
    full.ttlb.push(m.res.ttlbMs);
    full.parse.push(m.parseMs);
    full.withParse.push(m.res.ttlbMs + m.parseMs);
    full.cpu.push(m.cpuMs);
  }

  const others = Math.max(3, Math.ceil(repeats / 2));
  const after = { ttlb: [] as number[], withParse: [] as number[], cpu: [] as number[] };
  let count = expected;
  for (let i = 0; i < others; i++) {
    await client.ok('POST', path, { body: realisticPod(namespace, 1_000_000 + i) });
    count++;
    const m = await measure(client, cpu, path);
    if (m.parsed.items?.length !== count) throw new Error(`list after write returned ${m.parsed.items?.length} pods, expected ${count}`);
    after.ttlb.push(m.res.ttlbMs);
    after.withParse.push(m.res.ttlbMs + m.parseMs);
    after.cpu.push(m.cpuMs);
  }

  const table = { ttlb: [] as number[], withParse: [] as number[], cpu: [] as number[], bytes: 0 };
  for (let i = 0; i < others; i++) {
    const m = await measure(client, cpu, path, TABLE);
    if (m.parsed.rows?.length !== count) throw new Error(`Table list returned ${m.parsed.rows?.length} rows, expected ${count}`);
    table.bytes = m.res.body.length;
    table.ttlb.push(m.res.ttlbMs);
    table.withParse.push(m.res.ttlbMs + m.parseMs);
    table.cpu.push(m.cpuMs);
  }

  const walks: number[] = [];
  const walkCpu: number[] = [];
  const pageTimes: number[] = [];
  let pages = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    let token: string | undefined;
    let seen = 0;
    let cpuMs = 0;
    pages = 0;
    do {
      const m = await measure(client, cpu, `${path}?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      pageTimes.push(m.res.ttlbMs);
      cpuMs += m.cpuMs;
      seen += m.parsed.items?.length ?? 0;
      token = m.parsed.metadata.continue || undefined;
      pages++;
    } while (token);
    walks.push(performance.now() - start);
    walkCpu.push(cpuMs);
    if (seen !== count) throw new Error(`paged walk saw ${seen} pods, expected ${count}`);
  }

  return {
    items: expected,
    bytes,
    avgItemBytes: bytes / Math.max(1, expected),
    full: { ttfbMs: timing(full.ttfb), ttlbMs: timing(full.ttlb), withParseMs: timing(full.withParse), parseMs: timing(full.parse), serverCpuMs: timing(full.cpu) },
    afterWrite: { ttlbMs: timing(after.ttlb), withParseMs: timing(after.withParse), serverCpuMs: timing(after.cpu) },
    table: { bytes: table.bytes, ttlbMs: timing(table.ttlb), withParseMs: timing(table.withParse), serverCpuMs: timing(table.cpu) },
    paged: { pages, walkMs: timing(walks), pageTtlbMedianMs: median(pageTimes), pageTtlbMaxMs: Math.max(...pageTimes), serverCpuMs: timing(walkCpu) },
  };
}

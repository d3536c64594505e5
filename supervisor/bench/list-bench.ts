import { performance } from 'node:perf_hooks';
import type { BenchClient, TimedResponse } from './http-client';
import { realisticPod } from './fixtures';
import { median } from './stats';

/**
 * List latency over a namespace of many realistic pods: the full JSON list (time to first and
 * last byte, and including the client's JSON.parse), the same list right after a pod write
 * (the server's sorted view is invalidated by every write to the table), the Table projection
 * kubectl asks for, and a paged walk with limit=500.
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
  full: { ttfbMs: Timing; ttlbMs: Timing; withParseMs: Timing; parseMs: Timing };
  afterWrite: { ttlbMs: Timing; withParseMs: Timing };
  table: { bytes: number; ttlbMs: Timing; withParseMs: Timing };
  paged: { pages: number; walkMs: Timing; pageTtlbMedianMs: number; pageTtlbMaxMs: number };
}

export function timing(runs: number[]): Timing {
  return { runs, median: median(runs), max: Math.max(...runs) };
}

interface ParsedList {
  metadata: { continue?: string };
  items?: unknown[];
  rows?: unknown[];
}

function parseTimed(res: TimedResponse): { parsed: ParsedList; parseMs: number } {
  const t = performance.now();
  const parsed = JSON.parse(res.body.toString('utf8')) as ParsedList;
  return { parsed, parseMs: performance.now() - t };
}

export async function listBench(client: BenchClient, namespace: string, expected: number, repeats: number): Promise<ListResults> {
  const path = `/api/v1/namespaces/${namespace}/pods`;
  const ttfb: number[] = [];
  const ttlb: number[] = [];
  const withParse: number[] = [];
  const parseOnly: number[] = [];
  let bytes = 0;
  let items = 0;
  for (let i = 0; i < repeats; i++) {
    const res = await client.ok('GET', path);
    const { parsed, parseMs } = parseTimed(res);
    items = parsed.items?.length ?? 0;
    if (items !== expected) throw new Error(`list returned ${items} pods, expected ${expected}`);
    bytes = res.body.length;
    ttfb.push(res.ttfbMs);
    ttlb.push(res.ttlbMs);
    parseOnly.push(parseMs);
    withParse.push(res.ttlbMs + parseMs);
  }

  const awTtlb: number[] = [];
  const awParse: number[] = [];
  let count = expected;
  for (let i = 0; i < Math.max(3, Math.ceil(repeats / 2)); i++) {
    await client.ok('POST', path, { body: realisticPod(namespace, 1_000_000 + i) });
    count++;
    const res = await client.ok('GET', path);
    const { parsed, parseMs } = parseTimed(res);
    if (parsed.items?.length !== count) throw new Error(`list after write returned ${parsed.items?.length} pods, expected ${count}`);
    awTtlb.push(res.ttlbMs);
    awParse.push(res.ttlbMs + parseMs);
  }

  const tTtlb: number[] = [];
  const tParse: number[] = [];
  let tableBytes = 0;
  for (let i = 0; i < Math.max(3, Math.ceil(repeats / 2)); i++) {
    const res = await client.ok('GET', path, { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' });
    const { parsed, parseMs } = parseTimed(res);
    if (parsed.rows?.length !== count) throw new Error(`Table list returned ${parsed.rows?.length} rows, expected ${count}`);
    tableBytes = res.body.length;
    tTtlb.push(res.ttlbMs);
    tParse.push(res.ttlbMs + parseMs);
  }

  const walks: number[] = [];
  const pageTimes: number[] = [];
  let pages = 0;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    let token: string | undefined;
    let seen = 0;
    pages = 0;
    do {
      const res = await client.ok('GET', `${path}?limit=500${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      const { parsed } = parseTimed(res);
      pageTimes.push(res.ttlbMs);
      seen += parsed.items?.length ?? 0;
      token = parsed.metadata.continue || undefined;
      pages++;
    } while (token);
    walks.push(performance.now() - start);
    if (seen !== count) throw new Error(`paged walk saw ${seen} pods, expected ${count}`);
  }

  return {
    items,
    bytes,
    avgItemBytes: bytes / Math.max(1, items),
    full: { ttfbMs: timing(ttfb), ttlbMs: timing(ttlb), withParseMs: timing(withParse), parseMs: timing(parseOnly) },
    afterWrite: { ttlbMs: timing(awTtlb), withParseMs: timing(awParse) },
    table: { bytes: tableBytes, ttlbMs: timing(tTtlb), withParseMs: timing(tParse) },
    paged: { pages, walkMs: timing(walks), pageTtlbMedianMs: median(pageTimes), pageTtlbMaxMs: Math.max(...pageTimes) },
  };
}

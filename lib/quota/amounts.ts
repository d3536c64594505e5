import { parseQuantity } from '../resources/format';

/**
 * Amounts of quota resources: what kind of unit a quota key counts in, and how to write an
 * amount the way a Supervisor quota is written (cores for CPU, binary units for bytes, whole
 * numbers for object counts).
 */
export type Usage = Record<string, number>;

export type AmountKind = 'cpu' | 'bytes' | 'count';

export function amountKind(resource: string): AmountKind {
  const r = resource.toLowerCase();
  if (r.startsWith('count/') || r.endsWith('persistentvolumeclaims') || r === 'pods' || r.startsWith('services') || r === 'secrets' || r === 'configmaps' || r === 'replicationcontrollers' || r === 'resourcequotas') return 'count';
  if (r.endsWith('cpu')) return 'cpu';
  if (r.includes('memory') || r.includes('storage')) return 'bytes';
  return 'count';
}

function trimNumber(n: number, digits: number): string {
  return String(+n.toFixed(digits));
}

const BINARY: [string, number][] = [['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];

/** "4", "1.65", "250m"; "64Gi", "1.5Gi", "512Mi"; "10". */
export function formatAmount(resource: string, n: number): string {
  const kind = amountKind(resource);
  if (kind === 'count') return trimNumber(n, 0);
  if (kind === 'cpu') return n !== 0 && Math.abs(n) < 1 ? `${Math.round(n * 1000)}m` : trimNumber(n, 2);
  const abs = Math.abs(n);
  for (const [suffix, f] of BINARY) if (abs >= f) return `${trimNumber(n / f, abs / f >= 100 ? 0 : 1)}${suffix}`;
  return trimNumber(n, 0);
}

export function amountOf(v: unknown): number | undefined {
  return parseQuantity(v);
}

export function addUsage(...parts: Usage[]): Usage {
  const out: Usage = {};
  for (const u of parts) for (const [k, v] of Object.entries(u)) out[k] = (out[k] ?? 0) + v;
  return out;
}

export function scaleUsage(u: Usage, factor: number): Usage {
  return Object.fromEntries(Object.entries(u).map(([k, v]) => [k, v * factor]));
}

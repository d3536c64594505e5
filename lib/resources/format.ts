import type { KubeObject } from '../k8s/types';

/** Formatting helpers shared by columns and summaries. Everything returns plain text. */
export function age(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '';
  const ms = now - Date.parse(timestamp);
  if (!Number.isFinite(ms)) return '';
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return `${m}m${s % 60 ? `${s % 60}s` : ''}`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return h < 8 && m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 365 * 2) return d < 8 && h % 24 ? `${d}d${h % 24}h` : `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

export function ageOf(obj: KubeObject, now: number): string {
  return age(obj.metadata.creationTimestamp, now);
}

export function createdSort(obj: KubeObject): number {
  return -(Date.parse(obj.metadata.creationTimestamp ?? '') || 0);
}

export function get(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function str(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function labelsText(labels: Record<string, string> | undefined): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

const BINARY: [string, number][] = [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]];
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Parses a Kubernetes quantity ("500m", "4Gi", 2) into base units; undefined when malformed. */
export function parseQuantity(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))([KMGTPE]i|[numkMGTPE]?)$/.exec(v.trim());
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  const binary = BINARY.find(([s]) => s === suffix)?.[1];
  return Number(m[1]) * (binary ?? DECIMAL[suffix] ?? 1);
}

export function bytesText(n: number | undefined): string {
  if (n === undefined) return '';
  for (const [s, f] of BINARY) if (n >= f) return `${+(n / f).toFixed(1)} ${s}B`;
  return `${n} B`;
}

export function cpuText(cores: number | undefined): string {
  if (cores === undefined) return '';
  return cores < 1 ? `${Math.round(cores * 1000)}m` : `${+cores.toFixed(2)}`;
}

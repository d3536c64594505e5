import { countByHealth, worst } from '../health/roll-up';
import type { KubeObject } from '../k8s/types';
import type { Health, ResourceDescriptor, StatusSummary } from '../resources/types';

/**
 * Health and counts for the tree. Statuses are cached per object: watch events replace only the
 * objects that changed, so rebuilding the tree after an event re-evaluates just those.
 */
const statusCache = new WeakMap<KubeObject, StatusSummary>();

export function objectStatus(d: ResourceDescriptor, obj: KubeObject): StatusSummary {
  let s = statusCache.get(obj);
  if (!s) {
    s = d.status(obj);
    statusCache.set(obj, s);
  }
  return s;
}

const SEVERITY: Health[] = ['error', 'warning', 'progressing', 'unknown'];

/** "1 error, 2 warning": only the states that need attention, worst first; '' when all is well. */
export function healthBreakdown(healths: readonly Health[]): string {
  const by = countByHealth(healths);
  return SEVERITY.filter((h) => by[h] > 0)
    .map((h) => `${by[h]} ${h}`)
    .join(', ');
}

export function countText(count: number, nouns: readonly [string, string]): string {
  return `${count} ${count === 1 ? nouns[0] : nouns[1]}`;
}

/** "12 Virtual Machines: 1 error, 2 warning". */
export function countSummary(count: number, nouns: readonly [string, string], healths: readonly Health[]): string {
  const parts = healthBreakdown(healths);
  return parts ? `${countText(count, nouns)}: ${parts}` : countText(count, nouns);
}

/** The worst of the known healths; undefined when none is known. */
export function rollUpHealth(healths: readonly (Health | undefined)[]): Health | undefined {
  const known = healths.filter((h): h is Health => h !== undefined);
  return known.length ? worst(known) : undefined;
}

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Natural order, case-insensitive: web-2 before web-10. Hand-written because sorting 10,000
 * names with Intl.Collator costs tens of milliseconds on every rebuild.
 */
export function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.charCodeAt(i);
    const cy = y.charCodeAt(j);
    if (isDigit(cx) && isDigit(cy)) {
      let ei = i;
      let ej = j;
      while (ei < x.length && isDigit(x.charCodeAt(ei))) ei++;
      while (ej < y.length && isDigit(y.charCodeAt(ej))) ej++;
      const nx = x.slice(i, ei).replace(/^0+/, '');
      const ny = y.slice(j, ej).replace(/^0+/, '');
      if (nx.length !== ny.length) return nx.length - ny.length;
      if (nx !== ny) return nx < ny ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    if (cx !== cy) return cx - cy;
    i++;
    j++;
  }
  return x.length - i - (y.length - j);
}

export function byName(a: KubeObject, b: KubeObject): number {
  return compareText(a.metadata.name ?? '', b.metadata.name ?? '');
}

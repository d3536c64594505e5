import { amountOf } from '../quota/amounts';
import { overMessage } from '../quota/preview';

/**
 * The API server's quota refusal in plain words. Both the admission plugin (a 403 on create:
 * `pods "x" is forbidden: exceeded quota: team-a-quota, requested: requests.cpu=40, used:
 * requests.cpu=10750m, limited: requests.cpu=16`) and vm-operator's power-on check (the same
 * text in a condition and a Warning event) name the quota and, per resource, what was asked,
 * what is used and the limit; this says which limit is exceeded and by how much, worded like
 * the page's own quota check.
 */
export interface QuotaExcess {
  quota: string;
  resource: string;
  requested: number;
  used: number;
  limit: number;
  /** used + requested - limit (may be ≤ 0 for a resource that still fits). */
  over: number;
}

const PATTERN = /exceeded quota: ([^,]+), requested: (.*?), used: (.*?), limited: (.*?)(?:$|\n)/;

function pairs(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const n = amountOf(part.slice(eq + 1).trim());
    if (n !== undefined) out.set(part.slice(0, eq).trim(), n);
  }
  return out;
}

/** Every resource the refusal names, or undefined when the text is not a quota refusal. */
export function parseQuotaRefusal(message: string): QuotaExcess[] | undefined {
  const m = PATTERN.exec(message);
  if (!m) return undefined;
  const quota = m[1]!.trim();
  const requested = pairs(m[2]!);
  const used = pairs(m[3]!);
  const limited = pairs(m[4]!);
  return [...limited.entries()].map(([resource, limit]) => {
    const r = requested.get(resource) ?? 0;
    const u = used.get(resource) ?? 0;
    return { quota, resource, requested: r, used: u, limit, over: u + r - limit };
  });
}

/** The resources that do not fit (all of them when the text names none over its limit). */
export function exceeded(list: readonly QuotaExcess[]): QuotaExcess[] {
  const over = list.filter((x) => x.over > 1e-9);
  return over.length ? over : [...list];
}

/** "requests.memory would be 88.3Gi, 24.3Gi over the quota of 64Gi". */
export function excessText(x: QuotaExcess): string {
  return overMessage({ quota: x.quota, resource: x.resource, used: x.used, add: x.requested, after: x.used + x.requested, hard: x.limit, over: Math.max(0, x.over) });
}

/** The whole refusal in one sentence, or undefined when the text is not a quota refusal. */
export function quotaRefusalWords(message: string): string | undefined {
  const list = parseQuotaRefusal(message);
  if (!list?.length) return undefined;
  return `The quota ${list[0]!.quota} does not allow it: ${exceeded(list).map(excessText).join('; ')}.`;
}

import type { KubeObject } from '../k8s/types';
import { get } from '../resources/format';
import { amountOf, formatAmount, type Usage } from './amounts';

/**
 * The namespace's quota before and after a create: per ResourceQuota and resource the request
 * touches, used (from the quota's status, what the quota controller counted) → used + cost,
 * against the hard limit. A line that goes over is a refusal, worded with the limit and by how
 * much ("requests.cpu would be 18, 2 over the quota of 16"); resources a quota limits but some
 * container leaves unset are refusals too (the API would reject the pod).
 */
export interface QuotaLine {
  quota: string;
  resource: string;
  used: number;
  add: number;
  after: number;
  hard: number;
  /** after - hard when positive, else 0. */
  over: number;
}

export interface QuotaRefusal {
  quota: string;
  resource: string;
  message: string;
}

export interface QuotaPreview {
  /** Lines for every resource the request adds to, quota by quota. */
  lines: QuotaLine[];
  refusals: QuotaRefusal[];
  fits: boolean;
}

const EPSILON = 1e-9;

/** Hard limits and usage of one ResourceQuota (status when the controller wrote it, else spec). */
export function quotaState(q: KubeObject): { name: string; hard: Usage; used: Usage } {
  const parse = (m: unknown): Usage => {
    const out: Usage = {};
    for (const [k, v] of Object.entries((m ?? {}) as Record<string, unknown>)) {
      const n = amountOf(v);
      if (n !== undefined) out[k] = n;
    }
    return out;
  };
  return { name: q.metadata.name ?? '', hard: parse(get(q, 'status.hard') ?? get(q, 'spec.hard')), used: parse(get(q, 'status.used')) };
}

export function overMessage(l: QuotaLine): string {
  const f = (n: number) => formatAmount(l.resource, n);
  return `${l.resource} would be ${f(l.after)}, ${f(l.over)} over the quota of ${f(l.hard)}`;
}

export function previewQuota(quotas: readonly KubeObject[], cost: Usage, unset: readonly string[] = []): QuotaPreview {
  const lines: QuotaLine[] = [];
  const refusals: QuotaRefusal[] = [];
  for (const q of quotas) {
    const s = quotaState(q);
    for (const resource of Object.keys(s.hard).sort()) {
      const add = cost[resource] ?? 0;
      if (add <= 0) continue;
      const used = s.used[resource] ?? 0;
      const hard = s.hard[resource]!;
      const after = used + add;
      const over = after - hard > EPSILON ? after - hard : 0;
      const line = { quota: s.name, resource, used, add, after, hard, over };
      lines.push(line);
      if (over > 0) refusals.push({ quota: s.name, resource, message: overMessage(line) });
    }
    for (const resource of unset) {
      if (s.hard[resource] === undefined) continue;
      const short = resource.split('.')[1] ?? resource;
      refusals.push({ quota: s.name, resource, message: `${resource} is limited by the quota ${s.name}, so every container must set ${resource.startsWith('limits') ? 'a limit' : 'a request'} for ${short} (and the namespace has no default)` });
    }
  }
  return { lines, refusals, fits: refusals.length === 0 };
}

/** "requests.cpu 14 → 18 of 16". */
export function lineText(l: QuotaLine): string {
  const f = (n: number) => formatAmount(l.resource, n);
  return `${l.resource} ${f(l.used)} → ${f(l.after)} of ${f(l.hard)}`;
}

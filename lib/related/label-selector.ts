/**
 * Label selectors as Kubernetes evaluates them: a plain map (Service, VirtualMachineService
 * `spec.selector`) or a LabelSelector with matchLabels and matchExpressions (Deployments,
 * StatefulSets, Jobs). An empty selector matches everything for LabelSelector but nothing for
 * a Service's map (a selector-less Service selects no pods) — callers choose with `emptyMatches`.
 */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | string;
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Normalises a map selector or a LabelSelector to a LabelSelector; undefined when absent or malformed. */
export function asLabelSelector(v: unknown): LabelSelector | undefined {
  if (!isRecord(v)) return undefined;
  if ('matchLabels' in v || 'matchExpressions' in v) {
    const matchLabels = isRecord(v.matchLabels) ? (Object.fromEntries(Object.entries(v.matchLabels).map(([k, x]) => [k, String(x)])) as Record<string, string>) : undefined;
    const matchExpressions = Array.isArray(v.matchExpressions) ? (v.matchExpressions.filter((e) => isRecord(e) && typeof e.key === 'string') as LabelSelectorRequirement[]) : undefined;
    return { matchLabels, matchExpressions };
  }
  return { matchLabels: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])) };
}

export function isEmptySelector(s: LabelSelector | undefined): boolean {
  return !s || (Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0);
}

export function selectorMatches(selector: unknown, labels: Record<string, string> | undefined, opts: { emptyMatches: boolean }): boolean {
  const s = asLabelSelector(selector);
  if (isEmptySelector(s)) return opts.emptyMatches;
  const l = labels ?? {};
  for (const [k, v] of Object.entries(s!.matchLabels ?? {})) if (l[k] !== v) return false;
  for (const e of s!.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(l, e.key);
    const values = e.values ?? [];
    switch (e.operator) {
      case 'In':
        if (!has || !values.includes(l[e.key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(l[e.key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** The `labelSelector` query string of a selector (Kubernetes syntax); undefined when empty. */
export function selectorString(selector: unknown): string | undefined {
  const s = asLabelSelector(selector);
  if (isEmptySelector(s)) return undefined;
  const parts = Object.entries(s!.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of s!.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

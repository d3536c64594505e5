/**
 * ClusterRole aggregation (upstream `pkg/controller/clusterroleaggregation`): a ClusterRole with
 * `aggregationRule.clusterRoleSelectors` gets the union of the rules of every other ClusterRole
 * whose labels match any selector. Upstream's controller reaches a fixed point over several
 * passes (admin selects edit, which itself aggregates view); this computes that fixed point in
 * one call. Order is upstream's: selectors in order, matched roles by name, rules in role order,
 * exact duplicates dropped.
 */
import { labelSelectorFromObject, matchesLabels } from '../selectors/label-selector';
import type { LabelSelector } from '../selectors/label-requirement';
import type { ClusterRole, PolicyRule } from './rbac-types';

export interface AggregatedRules {
  name: string;
  rules: PolicyRule[];
}

/** A rule with absent and empty lists treated alike, so equal rules compare equal as JSON. */
function canonical(rule: PolicyRule): PolicyRule {
  const out: PolicyRule = { verbs: [...(rule.verbs ?? [])] };
  if (rule.apiGroups?.length) out.apiGroups = [...rule.apiGroups];
  if (rule.resources?.length) out.resources = [...rule.resources];
  if (rule.resourceNames?.length) out.resourceNames = [...rule.resourceNames];
  if (rule.nonResourceURLs?.length) out.nonResourceURLs = [...rule.nonResourceURLs];
  return out;
}

function selectorsOf(role: ClusterRole): LabelSelector[] {
  // An unparsable selector selects nothing; validation rejects such roles on write anyway.
  return (role.aggregationRule?.clusterRoleSelectors ?? []).map((s) => {
    try {
      return labelSelectorFromObject(s);
    } catch {
      return labelSelectorFromObject(undefined);
    }
  });
}

function isAggregated(role: ClusterRole): boolean {
  return role.aggregationRule !== undefined && role.aggregationRule !== null;
}

/** For every ClusterRole with an aggregationRule, the rules a controller should write into it. */
export function aggregateClusterRoles(clusterRoles: readonly ClusterRole[]): AggregatedRules[] {
  const byName = [...clusterRoles].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  const memo = new Map<string, PolicyRule[]>();
  const inProgress = new Set<string>();

  const effectiveRules = (role: ClusterRole): PolicyRule[] => {
    const name = role.metadata.name ?? '';
    if (!isAggregated(role)) return (role.rules ?? []).map(canonical);
    const known = memo.get(name);
    if (known) return known;
    // A selection cycle: use the role's stored rules, as one controller pass would see them.
    if (inProgress.has(name)) return (role.rules ?? []).map(canonical);
    inProgress.add(name);
    const rules: PolicyRule[] = [];
    const seen = new Set<string>();
    for (const selector of selectorsOf(role)) {
      for (const other of byName) {
        if (other.metadata.name === name || !matchesLabels(selector, other.metadata.labels)) continue;
        for (const rule of effectiveRules(other)) {
          const key = JSON.stringify(rule);
          if (seen.has(key)) continue;
          seen.add(key);
          rules.push(rule);
        }
      }
    }
    inProgress.delete(name);
    memo.set(name, rules);
    return rules;
  };

  return clusterRoles.filter(isAggregated).map((role) => ({ name: role.metadata.name ?? '', rules: effectiveRules(role) }));
}

/** The ClusterRoles with aggregated rules written in (others returned unchanged). */
export function withAggregatedRules<T extends ClusterRole>(clusterRoles: readonly T[]): T[] {
  const aggregated = new Map(aggregateClusterRoles(clusterRoles).map((a) => [a.name, a.rules]));
  return clusterRoles.map((role) => {
    const rules = aggregated.get(role.metadata.name ?? '');
    return rules ? { ...role, rules } : role;
  });
}

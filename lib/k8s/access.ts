/**
 * What a user may do, from a SelfSubjectRulesReview's rules (authorization.k8s.io/v1), evaluated
 * like RBAC: verbs, groups, resources (with subresources) and names, `*` wildcards included.
 */
export interface ResourceRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
}

export interface RulesReviewStatus {
  resourceRules?: ResourceRule[];
  incomplete?: boolean;
}

export function rulesAllow(rules: ResourceRule[], verb: string, group: string, resource: string, name = ''): boolean {
  return rules.some(
    (r) =>
      (r.verbs.includes(verb) || r.verbs.includes('*')) &&
      (r.apiGroups ?? []).some((g) => g === group || g === '*') &&
      (r.resources ?? []).some((x) => x === resource || x === '*' || (resource.includes('/') && x === `*/${resource.split('/')[1]}`)) &&
      (!r.resourceNames?.length || (name !== '' && r.resourceNames.includes(name))),
  );
}

/** Whether the rules give anything beyond the discovery and self-review rights every user has. */
export function hasWorkRights(rules: ResourceRule[]): boolean {
  return rules.some((r) => !(r.apiGroups ?? []).every((g) => g === 'authorization.k8s.io' || g === 'authentication.k8s.io'));
}

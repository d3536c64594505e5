/**
 * The RBAC authorizer: upstream `plugin/pkg/auth/authorizer/rbac` over `RbacSource`.
 * ClusterRoleBindings apply everywhere; RoleBindings (to a Role, or to a ClusterRole whose rules
 * then apply inside the binding's namespace) only to requests in their namespace. Non-resource
 * requests have no namespace, so non-resource URLs are granted only through ClusterRoleBindings.
 * Members of `system:masters` are always allowed, as upstream's privileged-group authorizer does.
 *
 * Cost per request: one pass over the ClusterRoleBindings (and the namespace's RoleBindings),
 * one role lookup per binding that names the user, stopping at the first allowing rule.
 */
import type { UserInfo } from '../api/types';
import { aggregateMessages } from '../selectors/label-validation';
import { ruleAllows } from './rbac-rules';
import type { Attributes, Decision, PolicyRule, RbacSource, RoleBinding, Subject, SubjectRulesReviewStatus } from './rbac-types';

export const SYSTEM_MASTERS = 'system:masters';
export const SERVICE_ACCOUNT_PREFIX = 'system:serviceaccount:';

/**
 * Return false to stop visiting. `fromRoleBinding` tells where the rule came from; `describe`
 * renders the granting source lazily (it is only needed when a rule allows).
 */
type Visitor = (rule: PolicyRule, fromRoleBinding: boolean, describe: () => string) => boolean;

function appliesToUser(user: UserInfo, subject: Subject, bindingNamespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.username === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      if (!ns) return false;
      return user.username === `${SERVICE_ACCOUNT_PREFIX}${ns}:${subject.name}`;
    }
    default:
      return false;
  }
}

function matchingSubject(user: UserInfo, binding: RoleBinding, bindingNamespace: string): Subject | undefined {
  for (const s of binding.subjects ?? []) {
    if (appliesToUser(user, s, bindingNamespace)) return s;
  }
  return undefined;
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

/** The rules a binding's roleRef resolves to, or the error upstream's listers would report. */
function roleRefRules(binding: RoleBinding, bindingNamespace: string, source: RbacSource): readonly PolicyRule[] | string {
  const ref = binding.roleRef;
  if (ref?.kind === 'ClusterRole') {
    const role = source.getClusterRole(ref.name);
    return role ? (role.rules ?? []) : `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
  }
  if (ref?.kind === 'Role' && bindingNamespace) {
    const role = source.getRole(bindingNamespace, ref.name);
    return role ? (role.rules ?? []) : `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
  }
  return `unsupported role reference kind: ${JSON.stringify(ref?.kind ?? '')}`;
}

/** Visits every rule granted to `user` in `namespace` ("" = cluster-wide only); returns resolution errors. */
function visitRulesFor(user: UserInfo, namespace: string, source: RbacSource, visit: Visitor): string[] {
  const errs: string[] = [];
  const walk = (bindings: readonly RoleBinding[], bindingNamespace: string): boolean => {
    for (const binding of bindings) {
      const subject = matchingSubject(user, binding, bindingNamespace);
      if (!subject) continue;
      const rules = roleRefRules(binding, bindingNamespace, source);
      if (typeof rules === 'string') {
        errs.push(rules);
        continue;
      }
      const describe = (): string => {
        const what = bindingNamespace ? `RoleBinding ${JSON.stringify(`${binding.metadata.name ?? ''}/${bindingNamespace}`)}` : `ClusterRoleBinding ${JSON.stringify(binding.metadata.name ?? '')}`;
        return `${what} of ${binding.roleRef.kind} ${JSON.stringify(binding.roleRef.name)} to ${describeSubject(subject, bindingNamespace)}`;
      };
      for (const rule of rules) {
        if (!visit(rule, bindingNamespace !== '', describe)) return false;
      }
    }
    return true;
  };
  if (walk(source.listClusterRoleBindings(), '') && namespace) walk(source.listRoleBindings(namespace), namespace);
  return errs;
}

export function isSuperuser(user: UserInfo): boolean {
  return user.groups.includes(SYSTEM_MASTERS);
}

/**
 * Upstream decision and reason: allowed → `RBAC: allowed by ClusterRoleBinding "x" of ClusterRole
 * "y" to User "z"`; denied → "" or `RBAC: <errors>` when bindings for the user named missing roles.
 */
export function authorize(attrs: Attributes, source: RbacSource): Decision {
  if (isSuperuser(attrs.user)) return { allowed: true, reason: '' };
  let allowedBy: string | undefined;
  const namespace = attrs.resourceRequest ? attrs.namespace : '';
  const errs = visitRulesFor(attrs.user, namespace, source, (rule, _fromRoleBinding, describe) => {
    if (!ruleAllows(attrs, rule)) return true;
    allowedBy = describe();
    return false;
  });
  if (allowedBy !== undefined) return { allowed: true, reason: `RBAC: allowed by ${allowedBy}` };
  return { allowed: false, reason: errs.length > 0 ? `RBAC: ${aggregateMessages(errs)}` : '' };
}

function copy(values: readonly string[] | undefined): string[] {
  return [...(values ?? [])];
}

/**
 * The rules `user` holds in `namespace`, for SelfSubjectRulesReview (`kubectl auth can-i --list`):
 * ClusterRoleBinding rules, then the namespace's RoleBinding rules, exact duplicates dropped.
 * Non-resource rules reached through RoleBindings are left out because they never apply.
 */
export function rulesFor(user: UserInfo, namespace: string, source: RbacSource): SubjectRulesReviewStatus {
  const status: SubjectRulesReviewStatus = { resourceRules: [], nonResourceRules: [], incomplete: false };
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const errs = visitRulesFor(user, namespace, source, (rule, fromRoleBinding) => {
    if ((rule.resources ?? []).length > 0) {
      const r: SubjectRulesReviewStatus['resourceRules'][number] = { verbs: copy(rule.verbs), apiGroups: copy(rule.apiGroups), resources: copy(rule.resources) };
      if ((rule.resourceNames ?? []).length > 0) r.resourceNames = copy(rule.resourceNames);
      if (once(`r${JSON.stringify(r)}`)) status.resourceRules.push(r);
    }
    if ((rule.nonResourceURLs ?? []).length > 0 && !fromRoleBinding) {
      const n = { verbs: copy(rule.verbs), nonResourceURLs: copy(rule.nonResourceURLs) };
      if (once(`n${JSON.stringify(n)}`)) status.nonResourceRules.push(n);
    }
    return true;
  });
  if (errs.length > 0) status.evaluationError = aggregateMessages(errs);
  return status;
}

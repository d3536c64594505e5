/** RBAC authorization: evaluation, denial messages, aggregation and the seed policy. */
export { authorize, isSuperuser, rulesFor, SERVICE_ACCOUNT_PREFIX, SYSTEM_MASTERS } from './rbac-authorizer';
export { aggregateClusterRoles, withAggregatedRules, type AggregatedRules } from './rbac-aggregation';
export { AGGREGATE_TO_ADMIN, AGGREGATE_TO_EDIT, AGGREGATE_TO_VIEW, defaultClusterRoleBindings, defaultClusterRoles } from './rbac-bootstrap';
export { CRD_ROLE_LABEL, customResourceClusterRoles, type CrdRoleInput } from './rbac-crd-roles';
export { forbiddenError, forbiddenMessage, impersonationAttributes, type ImpersonationTarget } from './rbac-messages';
export { bootstrapPolicy, DEVELOPER_NAMESPACE, type RbacPolicy } from './rbac-policy';
export { ruleAllows } from './rbac-rules';
export { staticRbacSource, type RbacObjects } from './rbac-static-source';
export type {
  Attributes,
  ClusterRole,
  ClusterRoleBinding,
  Decision,
  PolicyRule,
  RbacSource,
  Role,
  RoleBinding,
  RoleRef,
  Subject,
  SubjectRulesReviewStatus,
} from './rbac-types';

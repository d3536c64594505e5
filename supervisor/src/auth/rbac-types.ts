/**
 * RBAC shapes (`rbac.authorization.k8s.io/v1`) and the authorizer's request attributes.
 * Objects are the plain JSON the store holds; only the fields RBAC evaluation reads are typed.
 */
import type { KubeObject, UserInfo } from '../api/types';
import type { LabelSelectorObject } from '../selectors/label-selector';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';
export const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  /** `User`, `Group` or `ServiceAccount`; other kinds never match. */
  kind: string;
  name: string;
  /** ServiceAccount subjects: defaults to the RoleBinding's namespace when empty. */
  namespace?: string;
  apiGroup?: string;
}

export interface RoleRef {
  apiGroup: string;
  /** `Role` (RoleBindings only) or `ClusterRole`. */
  kind: string;
  name: string;
}

export interface AggregationRule {
  clusterRoleSelectors?: LabelSelectorObject[] | null;
}

export interface Role extends KubeObject {
  rules?: PolicyRule[] | null;
}

export interface ClusterRole extends KubeObject {
  rules?: PolicyRule[] | null;
  aggregationRule?: AggregationRule | null;
}

export interface RoleBinding extends KubeObject {
  subjects?: Subject[] | null;
  roleRef: RoleRef;
}

export type ClusterRoleBinding = RoleBinding;

/**
 * What is being asked, as the API server's request info resolves it (upstream
 * `authorizer.Attributes`). For list/watch with `fieldSelector=metadata.name=<n>`, `name` is `<n>`.
 */
export interface Attributes {
  user: UserInfo;
  /** Lowercase API verb: get, list, watch, create, update, patch, delete, deletecollection, impersonate, ... */
  verb: string;
  resourceRequest: boolean;
  /** Core group = "". */
  apiGroup: string;
  /** Plural resource, e.g. "pods". */
  resource: string;
  subresource: string;
  /** "" for cluster-scoped requests and all non-resource requests. */
  namespace: string;
  name: string;
  /** URL path; what non-resource rules match. */
  path: string;
}

/**
 * Read access to the RBAC objects, implemented by the server over its store. Calls are
 * synchronous and on the hot path of every request: back them with in-memory indexes.
 * Missing objects are `undefined`.
 */
export interface RbacSource {
  getRole(namespace: string, name: string): Role | undefined;
  getClusterRole(name: string): ClusterRole | undefined;
  listRoleBindings(namespace: string): readonly RoleBinding[];
  listClusterRoleBindings(): readonly ClusterRoleBinding[];
}

export interface Decision {
  allowed: boolean;
  /** Allowed: which binding allowed it. Denied: "" or the resolution errors met on the way (`RBAC: ...`). */
  reason: string;
}

/** `SelfSubjectRulesReview.status` (authorization.k8s.io/v1). */
export interface SubjectRulesReviewStatus {
  resourceRules: { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames?: string[] }[];
  nonResourceRules: { verbs: string[]; nonResourceURLs: string[] }[];
  incomplete: boolean;
  evaluationError?: string;
}

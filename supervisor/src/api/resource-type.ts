import type { StatusCause } from './errors';
import type { KubeObject, UserInfo } from './types';
import type { SchemaNode, SchemaResolver } from '../openapi/schema-node';
import type { ComputedResource } from '../sim/contracts';

/**
 * Everything the generic REST handlers need to know about one served resource
 * (one group/version/resource). Built-in kinds are declared in builtin-*.ts files; each
 * established CRD version contributes one at run time.
 */
export type NameRule = 'subdomain' | 'label' | 'dns1035-label' | 'path-segment';

export interface WriteContext {
  user: UserInfo;
  now: Date;
  dryRun: boolean;
  /** Set for writes through a subresource ("status", "scale", ...). */
  subresource?: string;
}

export interface Strategy {
  /** Defaults and server-owned fields on create (e.g. clearing status, setting phase). */
  prepareForCreate?(obj: KubeObject, ctx: WriteContext): void;
  /** The same on update; `old` is the stored object. */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: WriteContext): void;
  validate?(obj: KubeObject, ctx: WriteContext): StatusCause[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: WriteContext): StatusCause[];
}

/** Translation between a resource's API view and the shared storage form (e.g. events.k8s.io/v1 Events). */
export interface ViewConversion {
  toView(stored: KubeObject): KubeObject;
  fromView(obj: KubeObject): KubeObject;
  /** Maps a view field (for field selectors) to the stored field name. */
  fieldToStorage?: (field: string) => string;
}

export interface ScaleSpec {
  specReplicasPath: string;
  statusReplicasPath: string;
  labelSelectorPath?: string;
}

export interface PrinterColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath: string;
}

export interface ResourceType {
  group: string;
  version: string;
  /** Plural, lowercase: "pods". */
  resource: string;
  kind: string;
  listKind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** Subresource names served under this resource: "status", "scale", "log", "token", "finalize", "binding", "eviction". */
  subresources: string[];
  /** Storage table ("core/pods"); alternative API views of the same data share one. */
  table: string;
  /** The version objects are stored in; other versions are served by rewriting apiVersion (conversion None). */
  storageVersion: string;
  nameRule: NameRule;
  /** Whether metadata.generation is maintained (kinds with a spec the controllers observe; all CRs). */
  generation: boolean;
  /** With a status subresource, the main endpoint ignores .status and /status ignores the rest. */
  statusSubresource: boolean;
  /** Strategic merge patch is only for built-in kinds; CRs answer 415. */
  strategicMerge: boolean;
  /** PUT without metadata.resourceVersion is allowed for built-ins, not for custom resources. */
  allowUnconditionalUpdate: boolean;
  /** Read-only kinds computed on request (metrics.k8s.io): served by get and list, never stored. */
  computed?: ComputedResource;
  /** Create-only review kinds (SelfSubjectAccessReview, TokenReview, ...) that are never stored. */
  virtual?: boolean;
  strategy: Strategy;
  view?: ViewConversion;
  scale?: ScaleSpec;
  /** CRD versions' selectableFields (jsonPaths like `.spec.color`), usable in field selectors. */
  selectableFields?: { jsonPath: string }[];
  /** Schema of the kind (built-in: from the generated OpenAPI; CR: the version's openAPIV3Schema). */
  schema?: () => SchemaNode | undefined;
  resolver: SchemaResolver;
  /** Custom resources: printer columns of this version, and the owning CRD's name. */
  printerColumns?: PrinterColumn[];
  crdName?: string;
  /** CRs: whether unknown fields are pruned (false only under x-kubernetes-preserve-unknown-fields at the root). */
  pruneUnknown?: boolean;
  /** Custom resources: structural defaulting then validation against the version's schema (throws 422). */
  defaultAndValidate?: (obj: KubeObject) => KubeObject;
  deprecated?: boolean;
  deprecationWarning?: string;
}

export function groupResource(rt: Pick<ResourceType, 'group' | 'resource'>): { group: string; resource: string } {
  return { group: rt.group, resource: rt.resource };
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

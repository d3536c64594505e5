/**
 * Component (definition) names as upstream's OpenAPI documents spell them, so a client that
 * knows upstream names (kubectl explain, the console's editor) finds the same keys here.
 * Built-in kinds live under their Go package (`io.k8s.api.apps.v1.Deployment`), apimachinery's
 * meta types under `io.k8s.apimachinery.pkg.apis.meta.v1`, custom resources under their group
 * reversed (`com.example.stable.v1.CronTab`, as apiextensions-apiserver's OpenAPI builder does).
 */

/** Pseudo group used for apimachinery's meta/v1 types (ObjectMeta, Status, ...). */
export const META_GROUP = 'meta.apimachinery';

const SPECIAL_PACKAGES: Record<string, string> = {
  '': 'io.k8s.api.core',
  [META_GROUP]: 'io.k8s.apimachinery.pkg.apis.meta',
  'apiextensions.k8s.io': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'apiregistration.k8s.io': 'io.k8s.kube-aggregator.pkg.apis.apiregistration',
};

/** The Go package prefix (without version) that holds a built-in group's types. */
export function builtinPackage(group: string): string {
  return SPECIAL_PACKAGES[group] ?? `io.k8s.api.${group.split('.')[0]}`;
}

export function builtinDefinitionName(group: string, version: string, kind: string): string {
  return `${builtinPackage(group)}.${version}.${kind}`;
}

export function customResourceDefinitionName(group: string, version: string, kind: string): string {
  return `${group.split('.').reverse().join('.')}.${version}.${kind}`;
}

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

/** Names of the shared components that operations and kinds refer to. */
export const DEF = {
  objectMeta: `${META}.ObjectMeta`,
  listMeta: `${META}.ListMeta`,
  status: `${META}.Status`,
  deleteOptions: `${META}.DeleteOptions`,
  watchEvent: `${META}.WatchEvent`,
  patch: `${META}.Patch`,
  time: `${META}.Time`,
  intOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  rawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  fieldsV1: `${META}.FieldsV1`,
  scale: 'io.k8s.api.autoscaling.v1.Scale',
  eviction: 'io.k8s.api.policy.v1.Eviction',
  binding: 'io.k8s.api.core.v1.Binding',
  tokenRequest: 'io.k8s.api.authentication.v1.TokenRequest',
} as const;

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export function schemaRef(name: string): string {
  return SCHEMA_REF_PREFIX + name;
}

/** The component name a `#/components/schemas/...` (or swagger `#/definitions/...`) reference points at. */
export function refName(ref: string): string | undefined {
  if (ref.startsWith(SCHEMA_REF_PREFIX)) return ref.slice(SCHEMA_REF_PREFIX.length);
  if (ref.startsWith('#/definitions/')) return ref.slice('#/definitions/'.length);
  return undefined;
}

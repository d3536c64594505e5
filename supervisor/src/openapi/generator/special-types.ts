import { DEF } from '../definition-names';
import type { SchemaNode } from '../schema-node';

/**
 * Types that client-node flattens or leaves untyped, and how the generated schemas spell them.
 *
 * - Quantity: client-node says `string`; upstream refers to `resource.Quantity`, which accepts a
 *   JSON string or number (`cpu: 1` in YAML is a number). QUANTITY_FIELDS names those fields.
 * - IntOrString: client-node's `IntOrString` type; upstream's component, spelled as a CRD would
 *   (`x-kubernetes-int-or-string` with an anyOf of integer and string) so one validator handles both.
 * - `any`: client-node's type for RawExtension, FieldsV1 and apiextensions' JSON-ish types.
 *   ANY_FIELDS maps each such field to a component; an unmapped `any` fails generation.
 * - Time/MicroTime (`Date`, `V1MicroTime`): inlined as `string` / `date-time`.
 */

const APIEXT = 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1';

export const SPECIAL_COMPONENTS: Record<string, SchemaNode> = {
  [DEF.intOrString]: {
    description:
      'IntOrString is a type that can hold an int32 or a string. In JSON or YAML it is the inner value itself, so a field can accept a name or a number.',
    format: 'int-or-string',
    'x-kubernetes-int-or-string': true,
    anyOf: [{ type: 'integer' }, { type: 'string' }],
  },
  [DEF.quantity]: {
    description:
      'Quantity is a fixed-point representation of a number, serialized as a string such as "100m", "1Gi" or "0.5"; a plain JSON number is accepted too.',
    anyOf: [{ type: 'string' }, { type: 'number' }],
  },
  [DEF.rawExtension]: {
    description: 'RawExtension holds an arbitrary embedded object, typically a complete Kubernetes object with apiVersion and kind.',
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [DEF.fieldsV1]: {
    description: 'FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format (keys such as "f:metadata", "k:{...}", "v:...").',
    type: 'object',
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [DEF.patch]: {
    description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
    type: 'object',
  },
  [`${APIEXT}.JSON`]: {
    description: 'JSON represents any valid JSON value: bool, integer, number, string, array, object or null.',
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [`${APIEXT}.JSONSchemaPropsOrArray`]: {
    description: 'JSONSchemaPropsOrArray represents a value that can either be a JSONSchemaProps or an array of JSONSchemaProps.',
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [`${APIEXT}.JSONSchemaPropsOrBool`]: {
    description: 'JSONSchemaPropsOrBool represents a JSONSchemaProps or a boolean value. Defaults to true for the boolean property.',
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [`${APIEXT}.JSONSchemaPropsOrStringArray`]: {
    description: 'JSONSchemaPropsOrStringArray represents a JSONSchemaProps or a string array.',
    'x-kubernetes-preserve-unknown-fields': true,
  },
  [`${APIEXT}.CustomResourceSubresourceStatus`]: {
    description:
      'CustomResourceSubresourceStatus defines how to serve the status subresource for CustomResources: it exposes a /status subresource whose PUT and PATCH change only .status.',
    type: 'object',
  },
};

/** `<client-node model>.<property>` typed `any` (or containers of `any`) → component for the value. */
export const ANY_FIELDS: Record<string, string> = {
  'V1ControllerRevision.data': DEF.rawExtension,
  'V1WatchEvent.object': DEF.rawExtension,
  'V1ManagedFieldsEntry.fieldsV1': DEF.fieldsV1,
  'V1JSONSchemaProps.default': `${APIEXT}.JSON`,
  'V1JSONSchemaProps.example': `${APIEXT}.JSON`,
  'V1JSONSchemaProps.enum': `${APIEXT}.JSON`,
  'V1JSONSchemaProps.items': `${APIEXT}.JSONSchemaPropsOrArray`,
  'V1JSONSchemaProps.additionalProperties': `${APIEXT}.JSONSchemaPropsOrBool`,
  'V1JSONSchemaProps.additionalItems': `${APIEXT}.JSONSchemaPropsOrBool`,
  'V1JSONSchemaProps.dependencies': `${APIEXT}.JSONSchemaPropsOrStringArray`,
  'V1CustomResourceSubresources.status': `${APIEXT}.CustomResourceSubresourceStatus`,
};

/** `<client-node model>.<property>` whose string values (scalar or map values) are upstream Quantities. */
export const QUANTITY_FIELDS: ReadonlySet<string> = new Set([
  'V1ResourceRequirements.limits',
  'V1ResourceRequirements.requests',
  'V1VolumeResourceRequirements.limits',
  'V1VolumeResourceRequirements.requests',
  'V1PodSpec.overhead',
  'V1ContainerStatus.allocatedResources',
  'V1NodeStatus.allocatable',
  'V1NodeStatus.capacity',
  'V1PersistentVolumeSpec.capacity',
  'V1PersistentVolumeClaimStatus.capacity',
  'V1PersistentVolumeClaimStatus.allocatedResources',
  'V1ResourceQuotaSpec.hard',
  'V1ResourceQuotaStatus.hard',
  'V1ResourceQuotaStatus.used',
  'V1LimitRangeItem.default',
  'V1LimitRangeItem.defaultRequest',
  'V1LimitRangeItem.max',
  'V1LimitRangeItem.min',
  'V1LimitRangeItem.maxLimitRequestRatio',
  'V1EmptyDirVolumeSource.sizeLimit',
  'V1ResourceFieldSelector.divisor',
  'V2MetricTarget.averageValue',
  'V2MetricTarget.value',
  'V2MetricValueStatus.averageValue',
  'V2MetricValueStatus.value',
]);

const API_CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

/**
 * client-node drops the descriptions of properties whose type is another model. For the
 * properties every kind has, write the conventional text so kubectl explain says something.
 */
export function fallbackDescription(property: string, model: string, ownerKind: string | undefined): string | undefined {
  if (property === 'metadata' && model === 'V1ObjectMeta') return `Standard object's metadata. More info: ${API_CONVENTIONS}#metadata`;
  if (property === 'metadata' && model === 'V1ListMeta') return `Standard list metadata. More info: ${API_CONVENTIONS}#metadata`;
  if (!ownerKind) return undefined;
  if (property === 'spec') return `Specification of the desired behavior of the ${ownerKind}. More info: ${API_CONVENTIONS}#spec-and-status`;
  if (property === 'status') {
    return `Most recently observed status of the ${ownerKind}. This data may not be up to date. Populated by the system. Read-only. More info: ${API_CONVENTIONS}#spec-and-status`;
  }
  return undefined;
}

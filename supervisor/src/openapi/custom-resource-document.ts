import { customResourceDefinitionName, DEF, schemaRef } from './definition-names';
import { buildGroupVersionDocument, sortKeys } from './group-version-document';
import type { SchemaNode } from './schema-node';
import type { OpenAPIResource, OpenAPIV3Document } from './types';

/** One served version of a CRD, as the OpenAPI builder needs it. */
export interface CustomResourceVersionInput {
  group: string;
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  namespaced: boolean;
  /** The version's `schema.openAPIV3Schema`; absent means "anything goes". */
  schema?: SchemaNode;
  subresources?: { status?: unknown; scale?: unknown };
}

const API_CONVENTIONS = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';
const CR_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

const TYPE_META: Record<string, SchemaNode> = {
  apiVersion: {
    description: `APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: ${API_CONVENTIONS}#resources`,
    type: 'string',
  },
  kind: {
    description: `Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: ${API_CONVENTIONS}#types-kinds`,
    type: 'string',
  },
};

/**
 * The component schemas and resource entry of one CRD version. As apiextensions-apiserver's
 * OpenAPI builder does, the CR schema gains `apiVersion`, `kind` and a `metadata` reference to
 * ObjectMeta (replacing whatever the CRD declared for metadata), plus the GVK extension; the
 * list kind is synthesized around it.
 */
export function customResourceComponents(crd: CustomResourceVersionInput): { resource: OpenAPIResource; schemas: Record<string, SchemaNode> } {
  const kindDef = customResourceDefinitionName(crd.group, crd.version, crd.kind);
  const listDef = customResourceDefinitionName(crd.group, crd.version, crd.listKind);
  const base: SchemaNode = crd.schema ?? { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  const kindSchema: SchemaNode = {
    ...base,
    type: 'object',
    properties: {
      ...TYPE_META,
      ...(base.properties ?? {}),
      metadata: { allOf: [{ $ref: schemaRef(DEF.objectMeta) }], description: `Standard object's metadata. More info: ${API_CONVENTIONS}#metadata` },
    },
    'x-kubernetes-group-version-kind': [{ group: crd.group, version: crd.version, kind: crd.kind }],
  };
  const listSchema: SchemaNode = {
    description: `${crd.listKind} is a list of ${crd.kind}`,
    type: 'object',
    required: ['items'],
    properties: {
      apiVersion: TYPE_META.apiVersion!,
      items: { description: `List of ${crd.plural}. More info: ${API_CONVENTIONS}`, type: 'array', items: { $ref: schemaRef(kindDef) } },
      kind: TYPE_META.kind!,
      metadata: { allOf: [{ $ref: schemaRef(DEF.listMeta) }], description: `Standard list metadata. More info: ${API_CONVENTIONS}#metadata` },
    },
    'x-kubernetes-group-version-kind': [{ group: crd.group, version: crd.version, kind: crd.listKind }],
  };
  const subresources: string[] = [];
  if (crd.subresources?.status) subresources.push('status');
  if (crd.subresources?.scale) subresources.push('scale');
  return {
    resource: {
      group: crd.group,
      version: crd.version,
      kind: crd.kind,
      resource: crd.plural,
      namespaced: crd.namespaced,
      verbs: CR_VERBS,
      subresources,
      schemaRef: kindDef,
      listSchemaRef: listDef,
      strategicMergePatch: false,
    },
    schemas: { [kindDef]: kindSchema, [listDef]: listSchema },
  };
}

/**
 * The OpenAPI v3 document of one custom resource group-version. Pass every CRD version served
 * in that group-version to get the single merged document kubectl fetches for it.
 */
export function buildCustomResourceDocument(crds: CustomResourceVersionInput | readonly CustomResourceVersionInput[]): OpenAPIV3Document {
  const list = Array.isArray(crds) ? crds : [crds as CustomResourceVersionInput];
  const first = list[0];
  if (!first) throw new Error('buildCustomResourceDocument needs at least one CRD version');
  const resources: OpenAPIResource[] = [];
  const extraSchemas: Record<string, SchemaNode> = {};
  for (const crd of list) {
    if (crd.group !== first.group || crd.version !== first.version) {
      throw new Error(`CRD versions of different group-versions in one document: ${crd.group}/${crd.version}`);
    }
    const { resource, schemas } = customResourceComponents(crd);
    resources.push(resource);
    Object.assign(extraSchemas, schemas);
  }
  return buildGroupVersionDocument({ group: first.group, version: first.version, resources, extraSchemas });
}

/** Merges documents of the same group-version (e.g. built in separately): paths and schemas unite. */
export function mergeOpenAPIDocuments(docs: readonly OpenAPIV3Document[]): OpenAPIV3Document {
  const first = docs[0];
  if (!first) throw new Error('mergeOpenAPIDocuments needs at least one document');
  return {
    openapi: '3.0.0',
    info: first.info,
    paths: sortKeys(Object.assign({}, ...docs.map((d) => d.paths))),
    components: { schemas: sortKeys(Object.assign({}, ...docs.map((d) => d.components.schemas))) },
  };
}

import { errors } from '../api/errors';
import { ALL_VERBS, type ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { applyDefaults } from '../crd/defaulting';
import { validateCustomResource } from '../crd/schema-validation';
import type { CrdInfo, CrdVersionInfo } from '../crd/crd-versions';
import { identityResolver } from '../openapi/schema-node';

/**
 * The ResourceTypes an Established CRD serves: one per served version, all stored in the storage
 * version's table (conversion strategy None: only apiVersion changes between versions).
 */
export function customResourceTypes(crdName: string, info: CrdInfo): ResourceType[] {
  return info.versions.filter((v) => v.served).map((v) => customResourceType(crdName, info, v));
}

function customResourceType(crdName: string, info: CrdInfo, v: CrdVersionInfo): ResourceType {
  const { names, group } = info;
  const schema = v.schema;
  const subresources = [...(v.statusSubresource ? ['status'] : []), ...(v.scale ? ['scale'] : [])];
  return {
    group,
    version: v.name,
    resource: names.plural,
    kind: names.kind,
    listKind: names.listKind,
    singular: names.singular,
    namespaced: info.namespaced,
    shortNames: names.shortNames,
    categories: names.categories,
    verbs: ALL_VERBS,
    subresources,
    table: `${group}/${names.plural}`,
    storageVersion: info.storageVersion ?? v.name,
    nameRule: 'subdomain',
    generation: true,
    statusSubresource: v.statusSubresource,
    strategicMerge: false,
    allowUnconditionalUpdate: false,
    strategy: {},
    scale: v.scale,
    selectableFields: v.selectableFields.map((jsonPath) => ({ jsonPath })),
    schema: schema ? () => schema : undefined,
    resolver: identityResolver,
    printerColumns: v.printerColumns,
    crdName,
    pruneUnknown: schema?.['x-kubernetes-preserve-unknown-fields'] !== true,
    deprecated: v.deprecated,
    deprecationWarning: v.deprecationWarning,
    defaultAndValidate: schema
      ? (obj: KubeObject) => {
          const defaulted = applyDefaults(obj, schema);
          const causes = validateCustomResource(defaulted, schema);
          if (causes.length) throw errors.invalid(group, names.kind, obj.metadata.name ?? '', causes);
          return defaulted;
        }
      : undefined,
  };
}

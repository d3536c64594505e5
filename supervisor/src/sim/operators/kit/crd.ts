import type { CrdPrinterColumnSpec, CrdScaleSpec, CustomResourceDefinition } from '../../../crd/crd-types';
import type { SchemaNode } from '../../../openapi/schema-node';

/**
 * A CustomResourceDefinition as an operator's release manifest ships it (controller-gen output):
 * one or more versions with a structural schema, printer columns, and the status/scale
 * subresources where upstream declares them.
 */
export interface CrdVersionInput {
  name: string;
  storage?: boolean;
  schema: SchemaNode;
  printerColumns?: CrdPrinterColumnSpec[];
  status?: boolean;
  scale?: CrdScaleSpec;
}

export interface CrdInput {
  group: string;
  kind: string;
  plural: string;
  singular?: string;
  shortNames?: string[];
  categories?: string[];
  scope?: 'Namespaced' | 'Cluster';
  versions: CrdVersionInput[];
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export function crd(i: CrdInput): CustomResourceDefinition {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: {
      name: `${i.plural}.${i.group}`,
      ...(i.labels ? { labels: i.labels } : {}),
      ...(i.annotations ? { annotations: i.annotations } : {}),
    },
    spec: {
      group: i.group,
      names: {
        kind: i.kind,
        listKind: `${i.kind}List`,
        plural: i.plural,
        singular: i.singular ?? i.kind.toLowerCase(),
        ...(i.shortNames?.length ? { shortNames: i.shortNames } : {}),
        ...(i.categories?.length ? { categories: i.categories } : {}),
      },
      scope: i.scope ?? 'Namespaced',
      versions: i.versions.map((v, idx) => ({
        name: v.name,
        served: true,
        storage: v.storage ?? idx === 0,
        schema: { openAPIV3Schema: v.schema },
        ...(v.printerColumns?.length ? { additionalPrinterColumns: v.printerColumns } : {}),
        ...(v.status || v.scale ? { subresources: { ...(v.status ? { status: {} } : {}), ...(v.scale ? { scale: v.scale } : {}) } } : {}),
      })),
    },
  };
}

export const AGE_COLUMN: CrdPrinterColumnSpec = { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' };

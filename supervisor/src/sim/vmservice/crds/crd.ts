import type { CrdPrinterColumnSpec, CustomResourceDefinition } from '../../../crd/crd-types';
import type { SchemaNode } from '../../../openapi/schema-node';
import { GROUP, VERSION } from '../constants';

/**
 * One CustomResourceDefinition as controller-gen would write it for a VM Service kind: one
 * served storage version with a status subresource, the printer columns, and the names.
 */
export interface CrdOptions {
  kind: string;
  plural: string;
  shortNames?: string[];
  categories?: string[];
  scope?: 'Namespaced' | 'Cluster';
  group?: string;
  version?: string;
  schema: SchemaNode;
  printerColumns?: CrdPrinterColumnSpec[];
}

export function crd(o: CrdOptions): CustomResourceDefinition {
  const group = o.group ?? GROUP;
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: `${o.plural}.${group}`, annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.1' } },
    spec: {
      group,
      names: {
        kind: o.kind,
        listKind: `${o.kind}List`,
        plural: o.plural,
        singular: o.kind.toLowerCase(),
        ...(o.shortNames?.length ? { shortNames: o.shortNames } : {}),
        ...(o.categories?.length ? { categories: o.categories } : {}),
      },
      scope: o.scope ?? 'Namespaced',
      versions: [
        {
          name: o.version ?? VERSION,
          served: true,
          storage: true,
          schema: { openAPIV3Schema: o.schema },
          subresources: { status: {} },
          ...(o.printerColumns?.length ? { additionalPrinterColumns: o.printerColumns } : {}),
        },
      ],
    },
  };
}

export const AGE: CrdPrinterColumnSpec = { jsonPath: '.metadata.creationTimestamp', name: 'Age', type: 'date' };

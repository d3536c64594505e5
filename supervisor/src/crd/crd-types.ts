/**
 * The apiextensions.k8s.io/v1 CustomResourceDefinition shape, as far as the supervisor reads it.
 * CRDs arrive as user JSON, so every field is optional here and readers must not trust types.
 */
import type { KubeObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';

export interface CrdNames {
  plural?: string;
  singular?: string;
  kind?: string;
  listKind?: string;
  shortNames?: string[];
  categories?: string[];
}

export interface CrdPrinterColumnSpec {
  name?: string;
  type?: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath?: string;
}

export interface CrdScaleSpec {
  specReplicasPath?: string;
  statusReplicasPath?: string;
  labelSelectorPath?: string;
}

export interface CrdSubresourcesSpec {
  status?: Record<string, unknown>;
  scale?: CrdScaleSpec;
}

export interface CrdVersionSpec {
  name?: string;
  served?: boolean;
  storage?: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: SchemaNode };
  subresources?: CrdSubresourcesSpec;
  additionalPrinterColumns?: CrdPrinterColumnSpec[];
  selectableFields?: { jsonPath?: string }[];
}

export interface CrdConversionSpec {
  strategy?: string;
  webhook?: Record<string, unknown>;
}

export interface CrdSpec {
  group?: string;
  names?: CrdNames;
  scope?: string;
  versions?: CrdVersionSpec[];
  conversion?: CrdConversionSpec;
  preserveUnknownFields?: boolean;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface CrdCondition {
  type: string;
  status: ConditionStatus;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface CrdStatus {
  conditions?: CrdCondition[];
  acceptedNames?: CrdNames;
  storedVersions?: string[];
}

export interface CustomResourceDefinition extends KubeObject {
  spec: CrdSpec;
  status?: CrdStatus;
}

export const CRD_GROUP = 'apiextensions.k8s.io';
export const CRD_KIND = 'CustomResourceDefinition';

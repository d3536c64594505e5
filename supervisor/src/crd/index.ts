/**
 * CustomResourceDefinition logic for the supervisor, as pure functions: CRD validation and
 * defaulting, the status the server writes, structural schemas, and what a CRD's schema does to
 * its custom resources (validation, pruning, defaulting).
 */
export * from './crd-types';
export { defaultCustomResourceDefinition, validateCustomResourceDefinition } from './crd-validation';
export { crdStatusFor, isCrdEstablished } from './crd-status';
export {
  compareKubeVersions,
  crdInfo,
  crdVersionInfo,
  defaultedNames,
  sortKubeVersions,
  DEFAULT_PRINTER_COLUMNS,
  type CrdInfo,
  type CrdPrinterColumn,
  type CrdScaleInfo,
  type CrdVersionInfo,
} from './crd-versions';
export { validateStructuralSchema } from './structural-schema';
export { validateCustomResource, type CustomResourceValidationOptions } from './schema-validation';
export { pruneUnknownFields, type PruneResult } from './pruning';
export { applyDefaults } from './defaulting';
export { isDns1035Label, isDns1123Label, isDns1123Subdomain, isValidPathSegmentName, validateObjectName, type ObjectNameKind } from './names';

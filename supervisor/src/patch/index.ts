/**
 * The supervisor's patch engines and field ownership, as pure functions over plain JSON values.
 * Patch content types map to: `application/json-patch+json` → applyJsonPatch,
 * `application/merge-patch+json` → applyMergePatch, `application/strategic-merge-patch+json` →
 * applyStrategicMergePatch (built-in kinds only), `application/apply-patch+yaml` → serverSideApply.
 * Every other write records ownership with updateManagedFields.
 */
export { applyJsonPatch, parsePointer, MAX_JSON_PATCH_OPERATIONS } from './json-patch';
export { applyMergePatch } from './merge-patch';
export { applyStrategicMergePatch } from './strategic-merge-patch';
export { FieldSet } from './field-set';
export { fieldSetToFieldsV1, fieldSetFromFieldsV1 } from './fields-v1';
export { formatPath, type FieldPath, type PathElement } from './field-path';
export { fieldSetOf, scopeFieldSet, SERVER_OWNED_METADATA, type FieldScope } from './field-set-of';
export { compareObjects, type Comparison } from './compare';
export { decodeManagedFields, encodeManagedFields, describeManager, managerIdentity, MAX_UPDATE_MANAGERS, type ManagerRecord } from './managed-fields';
export { updateManagedFields, type UpdateManagedFieldsParams } from './update-managed-fields';
export { serverSideApply, BEFORE_FIRST_APPLY_MANAGER, type ServerSideApplyParams, type ServerSideApplyResult } from './server-side-apply';
export { LAST_APPLIED_ANNOTATION } from './last-applied';
export { OBJECT_META_SCHEMA } from './schema-walk';

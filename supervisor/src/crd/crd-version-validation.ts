/**
 * Per-version checks of a CRD besides its schema: subresources, additionalPrinterColumns and
 * selectableFields, with apiextensions' messages. Field paths are upstream's, which name some
 * fields after the internal types (`scale.specReplicasPath`, `JSONPath`).
 */
import type { FieldErrors } from '../api/errors';
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import type { CrdPrinterColumnSpec, CrdVersionSpec } from './crd-types';
import { child, index } from './field-path';

const PRINTER_COLUMN_TYPES = ['boolean', 'date', 'integer', 'number', 'string'];
const PRINTER_COLUMN_FORMATS = ['byte', 'date', 'date-time', 'double', 'float', 'int32', 'int64', 'password'];
const MAX_SELECTABLE_FIELDS = 8;

/** validateSimpleJSONPath: returns the detail when `path` is not a simple dotted path. */
function simpleJsonPathError(path: string): string | undefined {
  if (path.length === 0) return 'must not be empty';
  if (!path.startsWith('.')) return 'must be a simple json path starting with .';
  return undefined;
}

export function validateVersionExtras(v: CrdVersionSpec, path: string, errs: FieldErrors): void {
  validateScale(v, child(path, 'subresources'), errs);
  (v.additionalPrinterColumns ?? []).forEach((col, i) => validateColumn(isObject(col) ? col : {}, index(child(path, 'additionalPrinterColumns'), i), errs));
  validateSelectableFields(v, child(path, 'selectableFields'), errs);
  if (v.deprecationWarning !== undefined && !v.deprecated) {
    errs.invalid(child(path, 'deprecationWarning'), v.deprecationWarning, 'can only be set for deprecated versions');
  }
}

function validateScale(v: CrdVersionSpec, path: string, errs: FieldErrors): void {
  const scale = v.subresources?.scale;
  if (!scale) return;
  const checkPath = (value: string | undefined, name: string, prefixes: string[], under: string, required: boolean): void => {
    const at = child(path, `scale.${name}`);
    if (!value) {
      if (required) errs.required(at);
      return;
    }
    const err = simpleJsonPathError(value);
    if (err) errs.invalid(at, value, err);
    else if (!prefixes.some((p) => value.startsWith(p))) errs.invalid(at, value, `should be a json path under ${under}`);
  };
  checkPath(scale.specReplicasPath, 'specReplicasPath', ['.spec.'], '.spec', true);
  checkPath(scale.statusReplicasPath, 'statusReplicasPath', ['.status.'], '.status', true);
  checkPath(scale.labelSelectorPath, 'labelSelectorPath', ['.spec.', '.status.'], 'either .spec or .status', false);
}

function validateColumn(col: CrdPrinterColumnSpec, path: string, errs: FieldErrors): void {
  if (!col.name) errs.required(child(path, 'name'));
  const typeDetail = `must be one of ${PRINTER_COLUMN_TYPES.join(',')}`;
  if (!col.type) errs.required(child(path, 'type'), typeDetail);
  else if (!PRINTER_COLUMN_TYPES.includes(col.type)) errs.invalid(child(path, 'type'), col.type, typeDetail);
  if (col.format && !PRINTER_COLUMN_FORMATS.includes(col.format)) {
    errs.invalid(child(path, 'format'), col.format, `must be one of ${PRINTER_COLUMN_FORMATS.join(',')}`);
  }
  if (!col.jsonPath) errs.required(child(path, 'JSONPath'));
  else {
    const err = simpleJsonPathError(col.jsonPath);
    if (err) errs.invalid(child(path, 'JSONPath'), col.jsonPath, err);
  }
}

/** The schema node a dotted path names, following properties only (no array notation). */
function resolveField(schema: SchemaNode | undefined, jsonPath: string): SchemaNode | undefined {
  let node = schema;
  for (const part of jsonPath.slice(1).split('.')) {
    node = node && isObject(node.properties) ? node.properties[part] : undefined;
    if (!node) return undefined;
  }
  return node;
}

function validateSelectableFields(v: CrdVersionSpec, path: string, errs: FieldErrors): void {
  const fields = v.selectableFields ?? [];
  if (fields.length > MAX_SELECTABLE_FIELDS) {
    errs.causes.push({ type: 'FieldValueTooMany', message: `Too many: ${fields.length}: must have at most ${MAX_SELECTABLE_FIELDS} items`, field: path });
  }
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const at = child(index(path, i), 'jsonPath');
    const jsonPath = isObject(f) ? f.jsonPath : undefined;
    if (!jsonPath) {
      errs.required(at);
      return;
    }
    const node = simpleJsonPathError(jsonPath) ? undefined : resolveField(v.schema?.openAPIV3Schema, jsonPath);
    if (!node) {
      errs.invalid(at, jsonPath, 'is an invalid path: does not refer to a valid field');
      return;
    }
    if (jsonPath.startsWith('.metadata.')) errs.invalid(at, jsonPath, 'must not point to fields in metadata');
    if (!['string', 'boolean', 'integer'].includes(node.type ?? '')) {
      errs.invalid(at, jsonPath, 'must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.');
    }
    if (seen.has(jsonPath)) errs.duplicate(at, jsonPath);
    seen.add(jsonPath);
  });
}

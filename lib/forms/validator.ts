import { createErrorHandler, toErrorSchema, unwrapErrorHandler, validationDataMerge } from '@rjsf/utils';
import type { CustomValidator, ErrorTransformer, RJSFSchema, RJSFValidationError, UiSchema, ValidationData, ValidatorType } from '@rjsf/utils';
import { validateValue, type ValueError } from './validate-value';

/**
 * RJSF's `ValidatorType` over ./validate-value: no ajv, no `new Function`, so forms validate
 * under the console's strict CSP. Errors carry RJSF's property paths (".spec.replicas",
 * "['app.kubernetes.io/name']") so they land on the right fields.
 */
const IDENT = /^[A-Za-z_$][\w$]*$/;

/** Path segments → RJSF's property accessor notation. */
export function propertyPath(path: (string | number)[]): string {
  return path.map((p) => (typeof p === 'number' ? `.${p}` : IDENT.test(p) ? `.${p}` : `['${p.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`)).join('') || '.';
}

function toRjsfError(e: ValueError, schema: RJSFSchema): RJSFValidationError {
  const property = propertyPath(e.path);
  const title = titleAt(schema, e.path);
  const label = title ?? (e.path.length ? String(e.path[e.path.length - 1]) : 'The object');
  return { name: e.keyword, property, message: e.message, params: {}, schemaPath: e.schemaPath, stack: `${label} ${e.message}`, title };
}

function titleAt(schema: RJSFSchema, path: (string | number)[]): string | undefined {
  let cur: RJSFSchema | undefined = schema;
  for (const p of path) {
    if (!cur) return undefined;
    if (typeof p === 'number') cur = (typeof cur.items === 'object' && !Array.isArray(cur.items) ? cur.items : undefined) as RJSFSchema | undefined;
    else cur = (cur.properties?.[p] ?? (typeof cur.additionalProperties === 'object' ? cur.additionalProperties : undefined)) as RJSFSchema | undefined;
  }
  return cur?.title;
}

export class SchemaValidator<T = unknown> implements ValidatorType<T, RJSFSchema> {
  validateFormData(formData: T | undefined, schema: RJSFSchema, customValidate?: CustomValidator<T, RJSFSchema>, transformErrors?: ErrorTransformer<T, RJSFSchema>, uiSchema?: UiSchema<T, RJSFSchema>): ValidationData<T> {
    let errors = validateValue(schema, formData, schema).map((e) => toRjsfError(e, schema));
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const data: ValidationData<T> = { errors, errorSchema: toErrorSchema<T>(errors) };
    if (!customValidate) return data;
    const handler = customValidate(formData, createErrorHandler<T>(formData as T), uiSchema, data.errorSchema);
    return validationDataMerge<T>(data, unwrapErrorHandler<T>(handler));
  }

  isValid(schema: RJSFSchema, formData: T | undefined, rootSchema: RJSFSchema): boolean {
    return validateValue(schema, formData, rootSchema, 1).length === 0;
  }

  rawValidation<Result = ValueError>(schema: RJSFSchema, formData?: T): { errors?: Result[]; validationError?: Error } {
    const errors = validateValue(schema, formData, schema);
    return errors.length ? { errors: errors as Result[] } : {};
  }
}

/** One shared instance: it keeps no state. */
export const schemaValidator = new SchemaValidator();

import { errors } from '../api/errors';
import type { ResourceType } from '../api/resource-type';
import type { KubeObject } from '../api/types';
import { pruneUnknownFields as pruneCustomResource } from '../crd/pruning';
import type { FieldValidation } from './objects';
import { pruneUnknownFields } from './unknown-fields';

/**
 * Applies a kind's schema to an incoming object: unknown fields are dropped (and reported per
 * fieldValidation: Strict → 400, Warn → warning, Ignore → silent), as the API server does when it
 * decodes built-ins into typed structs or prunes custom resources; custom resources are then
 * defaulted and validated against their openAPIV3Schema.
 */
export function checkSchema(rt: ResourceType, obj: KubeObject, validation: FieldValidation, warnings: string[], trusted = false): KubeObject {
  const schema = rt.schema?.();
  if (!schema) return obj;
  let out = obj;
  // The supervisor's own controllers write built-in kinds from objects they read: no pruning pass.
  if (rt.pruneUnknown !== false && !(trusted && !rt.crdName)) {
    const { object, unknown } = rt.crdName
      ? (({ object: o, unknownPaths }) => ({ object: o, unknown: unknownPaths }))(pruneCustomResource(obj, schema))
      : pruneUnknownFields(obj as Record<string, unknown>, schema, rt.resolver);
    if (unknown.length) {
      if (validation === 'Strict') throw errors.badRequest(`strict decoding error: ${unknown.map((p) => `unknown field "${p}"`).join(', ')}`);
      if (validation === 'Warn') for (const p of unknown) warnings.push(`unknown field "${p}"`);
    }
    out = object as KubeObject;
  }
  return rt.defaultAndValidate ? rt.defaultAndValidate(out) : out;
}

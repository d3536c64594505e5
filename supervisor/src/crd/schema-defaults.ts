/**
 * Checks of every `default` in a structural schema (apiextensions' `ValidateDefaults`): a default
 * must survive pruning unchanged ("must not have unknown fields") and must validate against the
 * schema of the node it sits on, with errors reported under `<node path>.default`.
 * Defaults in top-level apiVersion/kind/metadata are rejected earlier (schema-keywords.ts) and
 * skipped here; under an embedded resource's metadata they are not pruned (as upstream).
 */
import type { FieldErrors } from '../api/errors';
import { isObject } from '../api/types';
import type { SchemaNode } from '../openapi/schema-node';
import { child, key } from './field-path';
import { pruneUnknownFields } from './pruning';
import { canonicalJson } from './value-checks';
import { validateCustomResource } from './schema-validation';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

interface Context {
  isRoot: boolean;
  insideResourceMeta: boolean;
}

export function checkSchemaDefaults(schema: SchemaNode, path: string, errs: FieldErrors): void {
  walk(schema, path, { isRoot: true, insideResourceMeta: false }, errs);
}

function walk(s: SchemaNode, path: string, ctx: Context, errs: FieldErrors): void {
  if (s.default !== undefined) checkDefault(s, path, ctx, errs);
  const nested: Context = { isRoot: false, insideResourceMeta: ctx.insideResourceMeta };
  for (const [name, prop] of Object.entries(s.properties ?? {})) {
    const meta = (ctx.isRoot || !!s['x-kubernetes-embedded-resource']) && META_FIELDS.has(name);
    // Top-level metadata defaults were already forbidden; nothing below them is defaulted.
    if (ctx.isRoot && meta) continue;
    walk(prop, key(child(path, 'properties'), name), { isRoot: false, insideResourceMeta: ctx.insideResourceMeta || meta }, errs);
  }
  if (isObject(s.items)) walk(s.items, child(path, 'items'), nested, errs);
  if (isObject(s.additionalProperties)) walk(s.additionalProperties, child(path, 'additionalProperties'), nested, errs);
}

function checkDefault(s: SchemaNode, path: string, ctx: Context, errs: FieldErrors): void {
  const defaultPath = child(path, 'default');
  if (!ctx.insideResourceMeta) {
    const { object, unknownPaths } = pruneUnknownFields(s.default, s, { isResourceRoot: !!s['x-kubernetes-embedded-resource'] });
    if (unknownPaths.length > 0 || canonicalJson(object) !== canonicalJson(s.default)) {
      errs.invalid(defaultPath, s.default, 'must not have unknown fields');
      return;
    }
  }
  errs.causes.push(...validateCustomResource(s.default, s, { fieldPrefix: defaultPath, isResourceRoot: false }));
}

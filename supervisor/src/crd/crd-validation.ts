/**
 * Validation of a CustomResourceDefinition on create and update, after
 * `ValidateCustomResourceDefinition`/`ValidateCustomResourceDefinitionUpdate` in apiextensions'
 * `pkg/apis/apiextensions/validation/validation.go`, with its messages. The caller throws the
 * causes as one 422: `errors.invalid(CRD_GROUP, CRD_KIND, name, causes)`.
 *
 * Deliberate differences from upstream:
 * - `spec.conversion.strategy: Webhook` is rejected: this server does not call conversion
 *   webhooks (versions are converted by rewriting apiVersion only).
 * - `x-kubernetes-validations` (CEL) rules are accepted and ignored, not compiled.
 * - A CRD with no served version is accepted, as upstream accepts it (it simply serves nothing).
 *
 * Update rules, as upstream: `spec.group` and `spec.names.plural` never change (they make up the
 * CRD's name); `spec.scope` and `spec.names.kind` are immutable once the CRD is Established;
 * a version still listed in `status.storedVersions` cannot be removed from `spec.versions`.
 */
import { FieldErrors, type StatusCause } from '../api/errors';
import { isObject } from '../api/types';
import type { CrdSpec, CrdVersionSpec, CustomResourceDefinition } from './crd-types';
import { isCrdEstablished } from './crd-status';
import { validateVersionExtras } from './crd-version-validation';
import { defaultedNames } from './crd-versions';
import { child, index } from './field-path';
import { isDns1035Label, isDns1123Subdomain } from './names';
import { meetsStrictListTypes } from './schema-keywords';
import { validateStructuralSchema } from './structural-schema';

/**
 * Upstream's v1 defaulting: singular and listKind from kind, conversion strategy None. The
 * server stores the defaulted object, so `kubectl get crd -o yaml` shows what upstream shows.
 */
export function defaultCustomResourceDefinition(crd: CustomResourceDefinition): CustomResourceDefinition {
  const spec: CrdSpec = crd.spec ?? {};
  const names = { ...spec.names };
  if (!names.singular && names.kind) names.singular = names.kind.toLowerCase();
  if (!names.listKind && names.kind) names.listKind = `${names.kind}List`;
  const defaulted: CrdSpec = { ...spec, names, conversion: spec.conversion ?? { strategy: 'None' } };
  // A null entry decodes to the zero value upstream; treat any non-object entry the same way.
  if (Array.isArray(spec.versions)) defaulted.versions = spec.versions.map((v) => (isObject(v) ? v : {}));
  return { ...crd, spec: defaulted };
}

/** The versions as a short value for messages (upstream prints the whole Go struct). */
function versionsSummary(versions: CrdVersionSpec[]): unknown {
  return versions.map((v) => ({ name: v.name, served: v.served, storage: v.storage }));
}

export function validateCustomResourceDefinition(input: CustomResourceDefinition, old?: CustomResourceDefinition): StatusCause[] {
  const crd = defaultCustomResourceDefinition(input);
  const spec = crd.spec;
  const errs = new FieldErrors();
  validateName(crd, errs);
  validateGroupAndScope(spec, errs);
  validateVersions(spec.versions, old, errs);
  validateNames(spec, errs);
  validateConversion(spec, errs);
  if (spec.preserveUnknownFields === true && old?.spec?.preserveUnknownFields !== true) {
    errs.invalid('spec.preserveUnknownFields', true, 'cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead');
  }
  if (old) validateUpdate(crd, old, errs);
  return errs.causes;
}

function validateName(crd: CustomResourceDefinition, errs: FieldErrors): void {
  const name = crd.metadata?.name ?? '';
  if (!name) {
    errs.required('metadata.name', 'name or generateName is required');
    return;
  }
  for (const msg of isDns1123Subdomain(name)) errs.invalid('metadata.name', name, msg);
  if (name !== `${crd.spec.names?.plural ?? ''}.${crd.spec.group ?? ''}`) {
    errs.invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group');
  }
}

function validateGroupAndScope(spec: CrdSpec, errs: FieldErrors): void {
  const group = spec.group ?? '';
  const subdomainErrs = isDns1123Subdomain(group);
  if (!group) errs.required('spec.group');
  else if (subdomainErrs.length) errs.invalid('spec.group', group, subdomainErrs.join(','));
  else if (!group.includes('.')) errs.invalid('spec.group', group, 'should be a domain with at least one dot');
  if (!spec.scope) errs.required('spec.scope');
  else if (spec.scope !== 'Cluster' && spec.scope !== 'Namespaced') errs.notSupported('spec.scope', spec.scope, ['Cluster', 'Namespaced']);
}

/** The newer list-type rules apply on update only if the stored CRD already met them (upstream ratcheting). */
function strictListTypes(old: CustomResourceDefinition | undefined): boolean {
  if (!old) return true;
  return (old.spec?.versions ?? []).every((v) => !v.schema?.openAPIV3Schema || meetsStrictListTypes(v.schema.openAPIV3Schema));
}

function validateVersions(versions: CrdVersionSpec[] | undefined, old: CustomResourceDefinition | undefined, errs: FieldErrors): void {
  const list = Array.isArray(versions) ? versions : [];
  const strict = strictListTypes(old);
  const names = new Set<string>();
  let unique = true;
  list.forEach((v, i) => {
    const path = index('spec.versions', i);
    const name = v.name ?? '';
    if (names.has(name)) unique = false;
    names.add(name);
    const nameErrs = isDns1035Label(name);
    if (nameErrs.length) errs.invalid(child(path, 'name'), name, nameErrs.join(','));
    const schema = v.schema?.openAPIV3Schema;
    const schemaPath = child(path, 'schema.openAPIV3Schema');
    if (!schema) errs.required(schemaPath, 'schemas are required');
    else errs.causes.push(...validateStructuralSchema(schema, schemaPath, { strictListTypes: strict }));
    validateVersionExtras(v, path, errs);
  });
  if (!unique) errs.invalid('spec.versions', versionsSummary(list), 'must contain unique version names');
  if (list.filter((v) => v.storage === true).length !== 1) {
    errs.invalid('spec.versions', versionsSummary(list), 'must have exactly one version marked as storage version');
  }
}

function validateNames(spec: CrdSpec, errs: FieldErrors): void {
  const names = defaultedNames(spec.names);
  for (const field of ['plural', 'singular', 'kind', 'listKind'] as const) {
    if (!names[field]) errs.required(`spec.names.${field}`);
  }
  const lowerCaseName = (field: 'plural' | 'singular'): void => {
    const errors = names[field] ? isDns1035Label(names[field]) : [];
    if (errors.length) errs.invalid(`spec.names.${field}`, names[field], errors.join(','));
  };
  const mixedCaseName = (field: 'kind' | 'listKind'): void => {
    const errors = names[field] ? isDns1035Label(names[field].toLowerCase()) : [];
    if (errors.length) errs.invalid(`spec.names.${field}`, names[field], `may have mixed case, but should otherwise match: ${errors.join(',')}`);
  };
  lowerCaseName('plural');
  lowerCaseName('singular');
  mixedCaseName('kind');
  mixedCaseName('listKind');
  names.shortNames.forEach((n, i) => {
    const errors = isDns1035Label(n);
    if (errors.length) errs.invalid(index('spec.names.shortNames', i), n, errors.join(','));
  });
  if (names.kind && names.kind === names.listKind) errs.invalid('spec.names.listKind', names.listKind, 'kind and listKind may not be the same');
  names.categories.forEach((c, i) => {
    const errors = isDns1035Label(c);
    if (errors.length) errs.invalid(index('spec.names.categories', i), c, errors.join(','));
  });
}

function validateConversion(spec: CrdSpec, errs: FieldErrors): void {
  const conversion = spec.conversion ?? {};
  const strategy = conversion.strategy;
  if (!strategy) errs.required('spec.conversion.strategy');
  else if (strategy === 'Webhook') {
    errs.invalid(
      'spec.conversion.strategy',
      strategy,
      'conversion webhooks are not supported by this server; use strategy None (versions are converted by rewriting apiVersion only)',
    );
  } else if (strategy !== 'None') errs.notSupported('spec.conversion.strategy', strategy, ['None', 'Webhook']);
  else if (conversion.webhook !== undefined) {
    errs.forbidden('spec.conversion.webhookClientConfig', 'should not be set when strategy is not set to Webhook');
  }
}

function validateUpdate(crd: CustomResourceDefinition, old: CustomResourceDefinition, errs: FieldErrors): void {
  const immutable = (path: string, next: unknown, prev: unknown): void => {
    if (next !== prev) errs.invalid(path, next ?? '', 'field is immutable');
  };
  if (isCrdEstablished(old)) {
    immutable('spec.scope', crd.spec.scope, old.spec?.scope);
    immutable('spec.names.kind', crd.spec.names?.kind, old.spec?.names?.kind);
  }
  immutable('spec.group', crd.spec.group, old.spec?.group);
  immutable('spec.names.plural', crd.spec.names?.plural, old.spec?.names?.plural);
  const versionNames = new Set((crd.spec.versions ?? []).map((v) => v.name));
  (old.status?.storedVersions ?? []).forEach((stored, i) => {
    if (!versionNames.has(stored)) errs.invalid(index('status.storedVersions', i), stored, 'must appear in spec.versions');
  });
}

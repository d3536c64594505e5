import { describe, expect, it } from 'vitest';
import { errors, type StatusCause } from '../api/errors';
import { CRD_GROUP, CRD_KIND, type CrdPrinterColumnSpec, type CrdVersionSpec, type CustomResourceDefinition } from './crd-types';
import { defaultCustomResourceDefinition, validateCustomResourceDefinition } from './crd-validation';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widgetsCrd } from './testdata/widgets-crd';

const lines = (causes: StatusCause[]): string[] => causes.map((c) => `${c.field}: ${c.message}`);

function established(crd: CustomResourceDefinition): CustomResourceDefinition {
  return {
    ...crd,
    status: { conditions: [{ type: 'Established', status: 'True', reason: 'InitialNamesAccepted' }], storedVersions: ['v1'] },
  };
}

describe('validateCustomResourceDefinition', () => {
  it('accepts real-shaped CRDs (widgets, CloudNativePG Cluster with CEL rules)', () => {
    expect(validateCustomResourceDefinition(widgetsCrd())).toEqual([]);
    expect(validateCustomResourceDefinition(cnpgClusterCrd())).toEqual([]);
  });

  it('requires metadata.name to be <plural>.<group>, with upstream wording in the 422', () => {
    const crd = widgetsCrd();
    crd.metadata.name = 'gadgets.example.com';
    const causes = validateCustomResourceDefinition(crd);
    expect(lines(causes)).toEqual(['metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group']);
    expect(causes[0]?.type).toBe('FieldValueInvalid');
    const err = errors.invalid(CRD_GROUP, CRD_KIND, 'gadgets.example.com', causes);
    expect(err.code).toBe(422);
    expect(err.message).toBe(
      'CustomResourceDefinition.apiextensions.k8s.io "gadgets.example.com" is invalid: metadata.name: Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group',
    );
  });

  it('requires a DNS subdomain group with at least one dot', () => {
    const crd = widgetsCrd();
    crd.spec.group = 'example';
    crd.metadata.name = 'widgets.example';
    expect(lines(validateCustomResourceDefinition(crd))).toEqual(['spec.group: Invalid value: "example": should be a domain with at least one dot']);
    crd.spec.group = 'Example.com';
    crd.metadata.name = 'widgets.Example.com';
    expect(lines(validateCustomResourceDefinition(crd))).toContain(
      "spec.group: Invalid value: \"Example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  });

  it('checks names: DNS-1035 plural/singular/shortNames/categories, mixed-case kind, listKind defaulting', () => {
    const crd = widgetsCrd();
    crd.spec.names = { plural: 'widgets', singular: 'Widget', kind: 'Wid get', shortNames: ['w_d'], categories: ['All'] };
    const out = lines(validateCustomResourceDefinition(crd));
    const dns1035 =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
    expect(out).toEqual([
      `spec.names.singular: Invalid value: "Widget": ${dns1035}`,
      `spec.names.kind: Invalid value: "Wid get": may have mixed case, but should otherwise match: ${dns1035}`,
      `spec.names.listKind: Invalid value: "Wid getList": may have mixed case, but should otherwise match: ${dns1035}`,
      `spec.names.shortNames[0]: Invalid value: "w_d": ${dns1035}`,
      `spec.names.categories[0]: Invalid value: "All": ${dns1035}`,
    ]);
    const noKind = widgetsCrd();
    noKind.spec.names = { plural: 'widgets' };
    expect(lines(validateCustomResourceDefinition(noKind))).toEqual([
      'spec.names.singular: Required value',
      'spec.names.kind: Required value',
      'spec.names.listKind: Required value',
    ]);
    const same = widgetsCrd();
    same.spec.names = { plural: 'widgets', kind: 'Widget', listKind: 'Widget' };
    expect(lines(validateCustomResourceDefinition(same))).toEqual(['spec.names.listKind: Invalid value: "Widget": kind and listKind may not be the same']);
  });

  it('defaults singular, listKind and the conversion strategy', () => {
    const crd = widgetsCrd();
    crd.spec.names = { plural: 'widgets', kind: 'Widget' };
    const defaulted = defaultCustomResourceDefinition(crd);
    expect(defaulted.spec.names).toEqual({ plural: 'widgets', kind: 'Widget', singular: 'widget', listKind: 'WidgetList' });
    expect(defaulted.spec.conversion).toEqual({ strategy: 'None' });
    expect(crd.spec.conversion).toBeUndefined();
    expect(validateCustomResourceDefinition(crd)).toEqual([]);
  });

  it('checks the scope', () => {
    const crd = widgetsCrd();
    crd.spec.scope = 'Global';
    expect(lines(validateCustomResourceDefinition(crd))).toEqual(['spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"']);
    delete crd.spec.scope;
    expect(lines(validateCustomResourceDefinition(crd))).toEqual(['spec.scope: Required value']);
  });

  it('requires exactly one storage version, unique DNS-1035 version names and a schema per version', () => {
    const crd = widgetsCrd();
    const [v1, v1beta1] = crd.spec.versions ?? [];
    if (!v1 || !v1beta1) throw new Error('fixture');
    v1beta1.storage = true;
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions: Invalid value: [{"name":"v1","served":true,"storage":true},{"name":"v1beta1","served":true,"storage":true}]: must have exactly one version marked as storage version',
    ]);
    v1beta1.storage = false;
    v1beta1.name = 'v1';
    expect(lines(validateCustomResourceDefinition(crd))).toContain(
      'spec.versions: Invalid value: [{"name":"v1","served":true,"storage":true},{"name":"v1","served":true,"storage":false}]: must contain unique version names',
    );
    v1beta1.name = 'V2';
    delete v1beta1.schema;
    const out = lines(validateCustomResourceDefinition(crd));
    expect(out[0]).toMatch(/^spec\.versions\[1\]\.name: Invalid value: "V2": a DNS-1035 label/);
    expect(out[1]).toBe('spec.versions[1].schema.openAPIV3Schema: Required value: schemas are required');
    crd.spec.versions = [];
    expect(lines(validateCustomResourceDefinition(crd))).toEqual(['spec.versions: Invalid value: []: must have exactly one version marked as storage version']);
  });

  it('does not crash on malformed input: a missing name, null versions and columns', () => {
    const crd = widgetsCrd();
    crd.metadata = {};
    crd.spec.versions = [null as unknown as CrdVersionSpec];
    const out = lines(validateCustomResourceDefinition(crd));
    expect(out[0]).toBe('metadata.name: Required value: name or generateName is required');
    expect(out[1]).toMatch(/^spec\.versions\[0\]\.name: Invalid value: "": a DNS-1035 label/);
    expect(out.slice(2)).toEqual([
      'spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required',
      'spec.versions: Invalid value: [{}]: must have exactly one version marked as storage version',
    ]);
    const cols = widgetsCrd();
    const v1 = cols.spec.versions?.[0];
    if (!v1) throw new Error('fixture');
    v1.additionalPrinterColumns = [null as unknown as CrdPrinterColumnSpec];
    expect(lines(validateCustomResourceDefinition(cols))).toHaveLength(3);
  });

  it('accepts a CRD whose versions are all unserved, as upstream does', () => {
    const crd = widgetsCrd();
    for (const v of crd.spec.versions ?? []) v.served = false;
    expect(validateCustomResourceDefinition(crd)).toEqual([]);
  });

  it('reports structural schema violations under the version path', () => {
    const crd = widgetsCrd();
    const spec = crd.spec.versions?.[0]?.schema?.openAPIV3Schema?.properties?.spec;
    if (!spec) throw new Error('fixture');
    delete spec.type;
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions[0].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields',
    ]);
  });

  it('rejects preserveUnknownFields: true unless the stored CRD already had it', () => {
    const crd = widgetsCrd();
    crd.spec.preserveUnknownFields = true;
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.preserveUnknownFields: Invalid value: true: cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead',
    ]);
    expect(validateCustomResourceDefinition(crd, crd)).toEqual([]);
  });

  it('rejects conversion webhooks with a clear message, and unknown strategies', () => {
    const crd = widgetsCrd();
    crd.spec.conversion = { strategy: 'Webhook', webhook: { clientConfig: { service: { name: 'conv', namespace: 'system' } }, conversionReviewVersions: ['v1'] } };
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.conversion.strategy: Invalid value: "Webhook": conversion webhooks are not supported by this server; use strategy None (versions are converted by rewriting apiVersion only)',
    ]);
    crd.spec.conversion = { strategy: 'Magic' };
    expect(lines(validateCustomResourceDefinition(crd))).toEqual(['spec.conversion.strategy: Unsupported value: "Magic": supported values: "None", "Webhook"']);
    crd.spec.conversion = { strategy: 'None', webhook: {} };
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.conversion.webhookClientConfig: Forbidden: should not be set when strategy is not set to Webhook',
    ]);
  });

  it('checks scale subresource paths', () => {
    const crd = widgetsCrd();
    const v1 = crd.spec.versions?.[0];
    if (!v1) throw new Error('fixture');
    v1.subresources = { status: {}, scale: { specReplicasPath: '.status.replicas', statusReplicasPath: 'status.replicas', labelSelectorPath: '.metadata.labels' } };
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions[0].subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec',
      'spec.versions[0].subresources.scale.statusReplicasPath: Invalid value: "status.replicas": must be a simple json path starting with .',
      'spec.versions[0].subresources.scale.labelSelectorPath: Invalid value: ".metadata.labels": should be a json path under either .spec or .status',
    ]);
    v1.subresources = { scale: {} };
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions[0].subresources.scale.specReplicasPath: Required value',
      'spec.versions[0].subresources.scale.statusReplicasPath: Required value',
    ]);
  });

  it('checks additionalPrinterColumns', () => {
    const crd = widgetsCrd();
    const v1 = crd.spec.versions?.[0];
    if (!v1) throw new Error('fixture');
    v1.additionalPrinterColumns = [{ name: 'Size', type: 'int', jsonPath: 'spec.size', format: 'hex' }, { type: 'string' }, { name: 'X', jsonPath: '.spec.x' }];
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions[0].additionalPrinterColumns[0].type: Invalid value: "int": must be one of boolean,date,integer,number,string',
      'spec.versions[0].additionalPrinterColumns[0].format: Invalid value: "hex": must be one of byte,date,date-time,double,float,int32,int64,password',
      'spec.versions[0].additionalPrinterColumns[0].JSONPath: Invalid value: "spec.size": must be a simple json path starting with .',
      'spec.versions[0].additionalPrinterColumns[1].name: Required value',
      'spec.versions[0].additionalPrinterColumns[1].JSONPath: Required value',
      'spec.versions[0].additionalPrinterColumns[2].type: Required value: must be one of boolean,date,integer,number,string',
    ]);
  });

  it('checks selectableFields against the schema', () => {
    const crd = widgetsCrd();
    const v1 = crd.spec.versions?.[0];
    if (!v1) throw new Error('fixture');
    v1.selectableFields = [{ jsonPath: '.spec.mode' }, { jsonPath: '.spec.mode' }, { jsonPath: '.spec.ports' }, { jsonPath: '.spec.nope' }, {}];
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions[0].selectableFields[1].jsonPath: Duplicate value: ".spec.mode"',
      'spec.versions[0].selectableFields[2].jsonPath: Invalid value: ".spec.ports": must point to a field of type string, boolean or integer. Enum string fields and strings with formats are allowed.',
      'spec.versions[0].selectableFields[3].jsonPath: Invalid value: ".spec.nope": is an invalid path: does not refer to a valid field',
      'spec.versions[0].selectableFields[4].jsonPath: Required value',
    ]);
  });

  it('allows deprecationWarning only on deprecated versions', () => {
    const crd = widgetsCrd();
    const v1 = crd.spec.versions?.[0];
    if (!v1) throw new Error('fixture');
    v1.deprecationWarning = 'use v2';
    expect(lines(validateCustomResourceDefinition(crd))).toEqual([
      'spec.versions[0].deprecationWarning: Invalid value: "use v2": can only be set for deprecated versions',
    ]);
  });

  describe('on update', () => {
    it('keeps group and plural immutable', () => {
      const old = established(widgetsCrd());
      const crd = widgetsCrd();
      crd.spec.group = 'example.org';
      crd.spec.names = { ...crd.spec.names, plural: 'gizmos' };
      crd.metadata.name = 'gizmos.example.org';
      expect(lines(validateCustomResourceDefinition(crd, old))).toEqual([
        'spec.group: Invalid value: "example.org": field is immutable',
        'spec.names.plural: Invalid value: "gizmos": field is immutable',
      ]);
    });

    it('keeps scope and kind immutable once Established, and only then', () => {
      const crd = widgetsCrd();
      crd.spec.scope = 'Cluster';
      crd.spec.names = { ...crd.spec.names, kind: 'Gadget', listKind: 'GadgetList' };
      expect(lines(validateCustomResourceDefinition(crd, established(widgetsCrd())))).toEqual([
        'spec.scope: Invalid value: "Cluster": field is immutable',
        'spec.names.kind: Invalid value: "Gadget": field is immutable',
      ]);
      expect(validateCustomResourceDefinition(crd, widgetsCrd())).toEqual([]);
    });

    it('refuses to drop a version that is still in storedVersions', () => {
      const old = established(widgetsCrd());
      old.status = { ...old.status, storedVersions: ['v1beta1', 'v1'] };
      const crd = widgetsCrd();
      crd.spec.versions = crd.spec.versions?.filter((v) => v.name === 'v1');
      expect(lines(validateCustomResourceDefinition(crd, old))).toEqual([
        'status.storedVersions[0]: Invalid value: "v1beta1": must appear in spec.versions',
      ]);
    });

    it('ratchets the list-type rules: a stored CRD that broke them may still be updated', () => {
      const loose = widgetsCrd();
      const ports = loose.spec.versions?.[0]?.schema?.openAPIV3Schema?.properties?.spec?.properties?.ports;
      if (!ports?.items) throw new Error('fixture');
      ports.items.required = [];
      const path = 'spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[ports].items.properties[name].default';
      expect(lines(validateCustomResourceDefinition(loose))).toEqual([
        `${path}: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property`,
      ]);
      expect(validateCustomResourceDefinition(loose, loose)).toEqual([]);
      expect(lines(validateCustomResourceDefinition(loose, widgetsCrd()))).toHaveLength(1);
    });
  });
});

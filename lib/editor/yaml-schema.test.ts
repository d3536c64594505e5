import { describe, expect, it } from 'vitest';
import { schemaAtPath, typeLabel } from './openapi-schema';
import { deploymentSchema, DEPLOYMENT_YAML, vmSchema } from './test-support/fixtures';
import { parseYamlSafe, type YamlDoc } from './yaml-model';
import { completeAt, hoverAt, validateDocument } from './yaml-schema';

function doc(text: string): YamlDoc {
  const r = parseYamlSafe(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

describe('schemaAtPath (live OpenAPI v3 shapes)', () => {
  it('follows allOf/$ref wrappers of built-ins down to a container field', () => {
    const ks = deploymentSchema();
    const image = schemaAtPath(ks, ['spec', 'template', 'spec', 'containers', 0, 'image']);
    expect(image?.type).toBe('string');
    expect(typeLabel(ks, schemaAtPath(ks, ['spec', 'replicas'])!)).toBe('integer (int32)');
    expect(typeLabel(ks, schemaAtPath(ks, ['spec', 'template', 'spec', 'containers'])!)).toBe('[]Container');
    expect(typeLabel(ks, schemaAtPath(ks, ['metadata', 'labels'])!)).toBe('map[string]string');
    expect(schemaAtPath(ks, ['metadata', 'labels', 'app'])?.type).toBe('string');
    expect(typeLabel(ks, schemaAtPath(ks, ['spec', 'strategy', 'rollingUpdate', 'maxSurge'])!)).toBe('int-or-string');
    expect(schemaAtPath(ks, ['spec', 'nope'])).toBeUndefined();
  });

  it('reads CRD schemas inline', () => {
    const ks = vmSchema();
    expect(schemaAtPath(ks, ['spec', 'powerState'])?.enum).toEqual(['PoweredOff', 'PoweredOn', 'Suspended']);
  });
});

describe('validateDocument', () => {
  it('accepts a valid Deployment', () => {
    expect(validateDocument(doc(DEPLOYMENT_YAML), deploymentSchema())).toEqual([]);
  });

  it('marks a type mismatch at the value', () => {
    const text = DEPLOYMENT_YAML.replace('replicas: 2 # two for now', 'replicas: three');
    const [d, ...rest] = validateDocument(doc(text), deploymentSchema());
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'error', path: ['spec', 'replicas'], message: 'spec.replicas must be an integer, not the string "three"' });
    expect(text.slice(d!.from, d!.to)).toBe('three');
  });

  it('marks unknown fields at their key, in built-ins and CRDs', () => {
    const text = DEPLOYMENT_YAML.replace('  replicas: 2', '  replicaz: 2');
    const [d] = validateDocument(doc(text), deploymentSchema());
    expect(d?.message).toBe('Unknown field "replicaz" in spec: the server rejects it (strict field validation)');
    expect(text.slice(d!.from, d!.to)).toBe('replicaz');
    expect(lineOf(text, d!.from)).toBe(11);
    const vm = 'apiVersion: vmoperator.vmware.com/v1alpha5\nkind: VirtualMachine\nmetadata:\n  name: vm1\nspec:\n  className: small\n  colour: red\n  affinity:\n    anything: goes\n';
    const diags = validateDocument(doc(vm), vmSchema());
    expect(diags.map((x) => x.message)).toEqual(['Unknown field "colour" in spec: the server rejects it (strict field validation)']);
  });

  it('checks enum values and required fields', () => {
    const vm = 'apiVersion: vmoperator.vmware.com/v1alpha5\nkind: VirtualMachine\nmetadata:\n  name: vm1\nspec:\n  powerState: On\n  image:\n    kind: VirtualMachineImage\n';
    const msgs = validateDocument(doc(vm), vmSchema()).map((x) => x.message);
    expect(msgs).toContain('spec.powerState must be one of PoweredOff, PoweredOn, Suspended; "On" is not');
    expect(msgs).toContain('spec.image is missing the required field "name"');
  });

  it('accepts int-or-string either way and skips status', () => {
    const text = `${DEPLOYMENT_YAML}  strategy:\n    rollingUpdate:\n      maxSurge: 25%\n      maxUnavailable: 1\nstatus:\n  whatever: 1\n`;
    expect(validateDocument(doc(text), deploymentSchema())).toEqual([]);
  });

  it('marks a mapping where a list belongs', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      containers:\n        name: a\n';
    const [d] = validateDocument(doc(text), deploymentSchema());
    expect(d?.message).toBe('spec.template.spec.containers must be a list, not a mapping');
  });
});

describe('completion and hover', () => {
  it('offers the properties of the mapping at the cursor, minus those present, required first', () => {
    const text = DEPLOYMENT_YAML.replace('        image: busybox:1.36\n', '        image: busybox:1.36\n        im');
    const r = completeAt(text, text.length, deploymentSchema());
    expect(r?.from).toBe(text.length - 2);
    expect(r?.items.map((i) => i.label)).toEqual(['imagePullPolicy']);
    const all = completeAt(DEPLOYMENT_YAML + '  ', DEPLOYMENT_YAML.length + 2, deploymentSchema());
    const labels = all?.items.map((i) => i.label) ?? [];
    expect(labels).toContain('strategy');
    expect(labels).not.toContain('replicas');
    expect(all?.items.find((i) => i.label === 'strategy')).toMatchObject({ detail: 'DeploymentStrategy', apply: 'strategy:\n    ' });
    const c = completeAt('spec:\n  template:\n    spec:\n      ', 'spec:\n  template:\n    spec:\n      '.length, deploymentSchema());
    expect(c?.items[0]).toMatchObject({ label: 'containers', required: true, apply: 'containers:\n      - ' });
  });

  it('offers enum values and booleans after a key', () => {
    const vm = 'spec:\n  powerState: Pow';
    expect(completeAt(vm, vm.length, vmSchema())?.items.map((i) => i.label)).toEqual(['PoweredOff', 'PoweredOn']);
    const d = 'spec:\n  paused: ';
    expect(completeAt(d, d.length, deploymentSchema())?.items.map((i) => i.label)).toEqual(['true', 'false']);
  });

  it('documents the key under the cursor', () => {
    const at = DEPLOYMENT_YAML.indexOf('replicas') + 3;
    const h = hoverAt(DEPLOYMENT_YAML, at, deploymentSchema());
    expect(h).toMatchObject({ title: 'spec.replicas', type: 'integer (int32)', required: false });
    expect(h?.description).toMatch(/Number of desired pods/);
    const img = hoverAt(DEPLOYMENT_YAML, DEPLOYMENT_YAML.indexOf('- name: sidecar') + 3, deploymentSchema());
    expect(img).toMatchObject({ title: 'spec.template.spec.containers[1].name', required: true });
  });
});

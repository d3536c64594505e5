import { describe, expect, it } from 'vitest';
import { keyShape } from './value-diff';
import { addDocument, applyFieldValue, applyFormValue, applyText, documentOfKind, formEditable, removeDocument, syncFromText, syncFromValues } from './sync-model';

const VM_YAML = `# The web tier's first VM
apiVersion: vmoperator.vmware.com/v1alpha5
kind: VirtualMachine
metadata:
  name: web-03 # keep this name
  namespace: team-a
  labels:
    app: web
spec:
  className: best-effort-small
  # the image comes from the namespace library
  image:
    kind: VirtualMachineImage
    name: vmi-9299b4ba6268c1cc8
  powerState: PoweredOn
  futureField:
    nested: true
  storageClass: vsan-default-storage-policy
`;

type Obj = Record<string, Record<string, unknown>>;

describe('sync model', () => {
  it('a form edit keeps comments, key order and fields the form does not know', () => {
    const s0 = syncFromText(VM_YAML);
    expect(s0.error).toBeUndefined();
    const value = structuredClone(s0.values[0]) as Obj;
    value.spec!.className = 'guaranteed-large';
    const s1 = applyFormValue(s0, 0, value);
    expect(s1.text).toBe(VM_YAML.replace('className: best-effort-small', 'className: guaranteed-large'));
    expect(s1.text).toContain('# keep this name');
    expect(s1.text).toContain('futureField:\n    nested: true');
  });

  it('a form that drops fields it does not know does not delete them from the YAML', () => {
    const s0 = syncFromText(VM_YAML);
    // The form saw an older value (without futureField) and changed powerState only: the edit is
    // computed against the model's own value, so only powerState is written.
    const value = structuredClone(s0.values[0]) as Obj;
    value.spec!.powerState = 'PoweredOff';
    const s1 = applyFormValue(s0, 0, value);
    expect(s1.text).toContain('futureField:');
    expect(s1.text).toContain('powerState: PoweredOff');
  });

  it('clearing a field deletes the key; sections the form opened but left empty write nothing', () => {
    const s0 = syncFromText(VM_YAML);
    const value = structuredClone(s0.values[0]) as Obj;
    delete value.spec!.storageClass;
    value.spec!.network = { interfaces: [] };
    value.spec!.bootstrap = {};
    const s1 = applyFormValue(s0, 0, value);
    expect(s1.text).not.toContain('storageClass');
    expect(s1.text).not.toContain('network');
    expect(s1.text).not.toContain('bootstrap');
  });

  it('a text edit that parses updates the values; the form value follows', () => {
    const s0 = syncFromText(VM_YAML);
    const s1 = applyText(s0, VM_YAML.replace('best-effort-small', 'guaranteed-xsmall'));
    expect((s1.values[0] as Obj).spec!.className).toBe('guaranteed-xsmall');
    expect(s1.textRevision).toBe(s0.textRevision + 1);
  });

  it('invalid YAML never changes the values, keeps the text, says where, and blocks form edits', () => {
    const s0 = syncFromText(VM_YAML);
    const broken = VM_YAML.replace('  powerState: PoweredOn', '  powerState: [PoweredOn');
    const s1 = applyText(s0, broken);
    expect(s1.text).toBe(broken);
    expect(s1.values).toEqual(s0.values);
    expect(s1.error?.line).toBeGreaterThanOrEqual(15);
    expect(formEditable(s1)).toBe(false);
    const value = structuredClone(s1.values[0]) as Obj;
    value.spec!.className = 'other';
    expect(applyFormValue(s1, 0, value)).toBe(s1);
    expect(applyFieldValue(s1, 0, ['spec', 'className'], 'other')).toBe(s1);
    // Fixing the text brings the form back, with what the text now says.
    const s2 = applyText(s1, VM_YAML.replace('best-effort-small', 'best-effort-medium'));
    expect(formEditable(s2)).toBe(true);
    expect((s2.values[0] as Obj).spec!.className).toBe('best-effort-medium');
  });

  it('duplicate keys are an error at their line, not a silent last-wins', () => {
    const s1 = applyText(syncFromText(VM_YAML), VM_YAML.replace('  powerState: PoweredOn\n', '  powerState: PoweredOn\n  powerState: PoweredOff\n'));
    expect(s1.error?.code).toBe('duplicate-key');
    expect(s1.error?.line).toBe(16);
  });

  it('field edits keep comments too', () => {
    const s1 = applyFieldValue(syncFromText(VM_YAML), 0, ['spec', 'image', 'name'], 'vmi-0a0044d7c690bcbea');
    expect(s1.text).toContain('# the image comes from the namespace library\n  image:\n    kind: VirtualMachineImage\n    name: vmi-0a0044d7c690bcbea');
  });

  it('several objects are several documents; each edits on its own', () => {
    const vm = { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'a' }, spec: { className: 'x' } };
    const svc = { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineService', metadata: { name: 'a' }, spec: { type: 'LoadBalancer' } };
    let s = syncFromValues([vm]);
    s = addDocument(s, svc);
    expect(s.text.split('---\n')).toHaveLength(2);
    expect(documentOfKind(s, 'VirtualMachineService')).toBe(1);
    s = applyText(s, s.text.replace('type: LoadBalancer', 'type: ClusterIP # internal only'));
    s = applyFieldValue(s, 0, ['spec', 'className'], 'y');
    expect(s.text).toContain('# internal only');
    expect(s.text).toContain('className: y');
    s = removeDocument(s, 1);
    expect(s.values).toHaveLength(1);
    expect(s.text).not.toContain('---');
  });

  it('a document that starts with its own marker is not given a second one', () => {
    const text = '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: q\n';
    const s = applyFieldValue(syncFromText(text), 1, ['metadata', 'namespace'], 'a');
    expect(s.text).not.toContain('------');
    expect(s.text.match(/^---$/gm)).toHaveLength(2);
  });
});

describe('key shape', () => {
  it('changes when keys are added or removed anywhere, not when values change', () => {
    const a = { metadata: { labels: { app: 'web' } }, spec: { ports: [{ port: 80 }] } };
    expect(keyShape(a)).toBe(keyShape({ metadata: { labels: { app: 'api' } }, spec: { ports: [{ port: 81 }] } }));
    expect(keyShape(a)).not.toBe(keyShape({ metadata: { labels: { app: 'web', tier: 'front' } }, spec: { ports: [{ port: 80 }] } }));
    expect(keyShape(a)).not.toBe(keyShape({ metadata: { labels: { app: 'web' } }, spec: { ports: [{ port: 80, name: 'http' }] } }));
  });
});

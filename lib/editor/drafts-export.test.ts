import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clearDraft, draftKey, loadDraft, MAX_AGE_MS, newDraftKey, saveDraft, type DraftStorage } from './drafts';
import { editableObject, editText, prepareUpdate } from './edit-object';
import { exportFileName, exportYaml, kubectlApplyCommand } from './export';
import { liveDeployment } from './test-support/fixtures';
import type { KubeObject } from '../k8s/types';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

describe('drafts', () => {
  const key = draftKey({ group: 'apps', kind: 'Deployment', namespace: 'shop', name: 'web' });

  it('keeps a draft per object and clears it', () => {
    const s = memoryStorage();
    expect(saveDraft(key, { text: 'spec: {}\n', resourceVersion: '1042', savedAt: 1000 }, s)).toBe(true);
    expect(loadDraft(key, s, 2000)).toEqual({ text: 'spec: {}\n', resourceVersion: '1042', savedAt: 1000 });
    expect(loadDraft(draftKey({ group: 'apps', kind: 'Deployment', namespace: 'other', name: 'web' }), s, 2000)).toBeUndefined();
    clearDraft(key, s);
    expect(loadDraft(key, s, 2000)).toBeUndefined();
  });

  it('drops old and malformed drafts and refuses huge ones', () => {
    const s = memoryStorage();
    saveDraft(key, { text: 'x', savedAt: 0 }, s);
    expect(loadDraft(key, s, MAX_AGE_MS + 1)).toBeUndefined();
    expect(s.map.has(key)).toBe(false);
    s.setItem(key, '{not json');
    expect(loadDraft(key, s)).toBeUndefined();
    expect(saveDraft(key, { text: 'x'.repeat(2_000_000) }, s)).toBe(false);
  });

  it('survives a storage that throws (quota, private mode)', () => {
    const s: DraftStorage = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => { throw new Error('denied'); } };
    expect(saveDraft(key, { text: 'x' }, s)).toBe(false);
    expect(loadDraft(key, s)).toBeUndefined();
    expect(() => clearDraft(key, s)).not.toThrow();
  });

  it('keys new objects by kind and namespace', () => {
    expect(newDraftKey('VirtualMachine', 'team-a')).toBe('glasspane.draft:new:VirtualMachine:team-a');
    expect(key).toBe('glasspane.draft:/apps/Deployment/shop/web');
  });
});

describe('export', () => {
  it('writes clean YAML without server-set fields', () => {
    const text = exportYaml(liveDeployment() as KubeObject);
    const obj = parse(text);
    expect(obj.status).toBeUndefined();
    expect(Object.keys(obj.metadata)).toEqual(['name', 'namespace', 'labels', 'annotations']);
    expect(obj.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(text).not.toMatch(/managedFields|resourceVersion|uid:|creationTimestamp|generation|last-applied/);
    expect(text).toContain('containers:\n      - name: web');
  });

  it('makes a kubectl apply heredoc that a shell cannot expand', () => {
    const cmd = kubectlApplyCommand(liveDeployment() as KubeObject);
    expect(cmd.startsWith("kubectl apply -f - <<'EOF'\napiVersion: apps/v1\n")).toBe(true);
    expect(cmd.endsWith('\nEOF\n')).toBe(true);
    const tricky = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { script: 'a\nEOF\nb' } } as KubeObject;
    // Block scalar lines are indented, so an "EOF" inside data cannot end the heredoc early.
    const out = kubectlApplyCommand(tricky);
    const body = out.split('\n').slice(1, -2).join('\n');
    expect(out.split('\n').filter((l) => l === 'EOF')).toHaveLength(1);
    expect(parse(body).data.script).toBe('a\nEOF\nb');
  });

  it('names the file safely', () => {
    expect(exportFileName(liveDeployment() as KubeObject)).toBe('shop-deployment-web.yaml');
    expect(exportFileName({ kind: 'Namespace', metadata: { name: '../etc' } } as KubeObject)).toBe('namespace-..-etc.yaml');
  });
});

describe('edit-object', () => {
  it('opens without managedFields and status, keeping the resourceVersion', () => {
    const o = editableObject(liveDeployment() as KubeObject);
    expect(o.status).toBeUndefined();
    expect(o.metadata.managedFields).toBeUndefined();
    expect(o.metadata.resourceVersion).toBe('1042');
    expect(editText(liveDeployment() as KubeObject)).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  name: web\n/);
  });

  it('stamps the resourceVersion the edit started from, and refuses renames and kind changes', () => {
    const value = { ...editableObject(liveDeployment() as KubeObject) };
    value.metadata = { ...value.metadata, resourceVersion: '1' };
    const id = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: 'shop' };
    const ok = prepareUpdate(value, id, '1042');
    expect(ok.ok && ok.object.metadata.resourceVersion).toBe('1042');
    expect(prepareUpdate({ ...value, metadata: { ...value.metadata, name: 'web2' } }, id, '1042')).toMatchObject({ ok: false, path: ['metadata', 'name'] });
    expect(prepareUpdate({ ...value, kind: 'StatefulSet' }, id, '1042')).toMatchObject({ ok: false, path: ['kind'] });
    expect(prepareUpdate([1, 2], id, '1042')).toMatchObject({ ok: false });
  });
});

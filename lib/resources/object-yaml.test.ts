import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { highlightYaml, objectYaml } from './object-yaml';

const cm: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: {
    name: 'settings',
    namespace: 'team-a',
    annotations: { evil: '<img src=x onerror=alert(1)>', link: 'javascript:alert(1)' },
    managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'v1' }],
  },
  data: { 'app.conf': 'port: 80\nhost: example\n', replicas: '3', enabled: 'true' },
};

describe('object YAML', () => {
  it('leaves managedFields out unless asked, without changing the object', () => {
    const text = objectYaml(cm, { managedFields: false });
    expect(text).not.toContain('managedFields');
    expect(text).toContain('name: settings');
    expect(cm.metadata.managedFields).toHaveLength(1);
    expect(objectYaml(cm, { managedFields: true })).toContain('manager: kubectl-client-side-apply');
  });

  it('tokenizes keys, scalars, block scalars and list markers', () => {
    const text = objectYaml(cm, { managedFields: false });
    const lines = highlightYaml(text);
    const flat = lines.map((l) => l.filter((t) => t.text.trim() !== '').map((t) => `${t.kind}:${t.text.trim()}`));
    expect(flat[0]).toEqual(['key:apiVersion', 'punctuation::', 'string:v1']);
    const evil = flat.find((l) => l.includes('key:evil'))!;
    expect(evil).toContain('string:<img src=x onerror=alert(1)>');
    const conf = text.split('\n').findIndex((l) => l.includes('app.conf'));
    expect(lines[conf]!.map((t) => t.kind)).toEqual(['plain', 'key', 'punctuation', 'punctuation']);
    expect(lines[conf + 1]).toEqual([{ text: '    port: 80', kind: 'block' }]);
    expect(lines[conf + 2]![0]!.kind).toBe('block');
    expect(lines[conf + 3]!.map((t) => t.kind)).toEqual(['plain', 'key', 'punctuation', 'string']);
    expect(highlightYaml('- name: a\n  port: 8080\n  ok: true\n  x: null').map((l) => l.map((t) => t.kind))).toEqual([
      ['punctuation', 'key', 'punctuation', 'string'],
      ['plain', 'key', 'punctuation', 'number'],
      ['plain', 'key', 'punctuation', 'boolean'],
      ['plain', 'key', 'punctuation', 'null'],
    ]);
  });

  it('keeps the text of every line intact', () => {
    const text = objectYaml(cm, { managedFields: true });
    expect(highlightYaml(text).map((l) => l.map((t) => t.text).join(''))).toEqual(text.split('\n'));
  });
});

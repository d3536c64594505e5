import { describe, expect, it } from 'vitest';
import { DEPLOYMENT_YAML } from './test-support/fixtures';
import { deleteIn, getIn, parseYamlAll, parseYamlSafe, setIn, toObject, toText, newDoc, type YamlDoc } from './yaml-model';

function parsed(text: string): YamlDoc {
  const r = parseYamlSafe(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
}

describe('parseYamlSafe', () => {
  it('parses one document to a value and a doc', () => {
    const r = parseYamlSafe(DEPLOYMENT_YAML);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect((r.value as { spec: { replicas: number } }).spec.replicas).toBe(2);
    expect(getIn(r.doc, ['spec', 'template', 'spec', 'containers', 1, 'image'])).toBe('busybox:1.36');
  });

  it('treats empty text as one empty document', () => {
    const r = parseYamlSafe('');
    expect(r).toMatchObject({ ok: true, value: null });
  });

  it('refuses text over the size limit before parsing, in MiB', () => {
    const big = `data:\n  x: "${'a'.repeat(Math.ceil(2.1 * 1024 * 1024))}"\n`;
    const t = performance.now();
    const r = parseYamlSafe(big);
    expect(performance.now() - t).toBeLessThan(200);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('too-large');
    expect(r.error.message).toBe('The YAML is 2.1 MiB; the limit is 1.5 MiB');
  });

  it('names a duplicate key and its line', () => {
    const r = parseYamlSafe('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: "1"\n  replicas: 1\n  replicas: 2\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'duplicate-key', message: 'Duplicate key "replicas" at line 8', line: 8, column: 3 });
  });

  it('refuses a billion-laughs document quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g'], ['g', 'h'], ['h', 'i']]) {
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const t = performance.now();
    const r = parseYamlSafe(lines.join('\n'));
    expect(performance.now() - t).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('alias-expansion');
    expect(r.error.message).toMatch(/billion laughs/);
  });

  it('refuses more alias nodes than allowed', () => {
    const text = `base: &b {x: 1}\nitems:\n${Array.from({ length: 101 }, () => '- *b').join('\n')}\n`;
    const r = parseYamlSafe(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'too-many-aliases', message: 'The YAML uses 101 aliases; the limit is 100' });
  });

  it('refuses deep flow nesting in linear time, without a stack overflow', () => {
    const text = `a: ${'['.repeat(700_000)}${']'.repeat(700_000)}`;
    const t = performance.now();
    const r = parseYamlSafe(text);
    expect(performance.now() - t).toBeLessThan(500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('too-deep');
  });

  it('refuses deep block nesting', () => {
    const text = Array.from({ length: 150 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' 1\n';
    const r = parseYamlSafe(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'too-deep', line: 101 });
  });

  it('accepts a Kubernetes-deep object (brackets inside strings and block scalars do not count)', () => {
    const text = `data:\n  script: |\n    if [[ "$x" == "[[[[[[" ]]; then\n      echo '{{{{{'\n    fi\n  json: '${'['.repeat(150)}'\n`;
    expect(parseYamlSafe(text, { maxDepth: 10 }).ok).toBe(true);
  });

  it('refuses several documents where one is expected, pointing at the separator', () => {
    const r = parseYamlSafe('kind: ConfigMap\n---\nkind: Secret\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'multiple-documents', line: 2 });
    // A leading separator and a trailing one are still one document.
    expect(parseYamlSafe('---\nkind: ConfigMap\n---\n').ok).toBe(true);
  });

  it('reports syntax errors with line and column and keeps the message plain', () => {
    const r = parseYamlSafe('metadata:\n  name: a\n labels: x\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('syntax');
    expect(r.error.line).toBe(3);
    expect(r.error.message).toMatch(/\(line 3, column \d+\)$/);
    expect(r.error.message).not.toContain('\n');
  });

  it('parses several documents with single: false', () => {
    const r = parseYamlSafe('kind: ConfigMap\n---\n# only a comment\n---\nkind: Deployment\n', { single: false });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.documents.map((d) => [(d.value as { kind: string }).kind, d.line])).toEqual([
      ['ConfigMap', 1],
      ['Deployment', 5],
    ]);
    expect(parseYamlAll('a: 1\n---\nb: 1\nb: 2\n').ok).toBe(false);
  });
});

describe('round trips (the form/YAML sync)', () => {
  it('keeps the text byte for byte when nothing changes', () => {
    expect(toText(parsed(DEPLOYMENT_YAML))).toBe(DEPLOYMENT_YAML);
  });

  it('changes one scalar and keeps comments, order and layout', () => {
    const out = toText(setIn(parsed(DEPLOYMENT_YAML), ['spec', 'replicas'], 3));
    expect(out).toBe(DEPLOYMENT_YAML.replace('replicas: 2 # two for now', 'replicas: 3 # two for now'));
  });

  it('reconciles a whole object: only changed values move, unknown fields survive', () => {
    const doc = parsed(`${DEPLOYMENT_YAML}  x-custom: keep me # unknown to the form\n`);
    const value = structuredClone(toObject(doc)) as { spec: { template: { spec: { containers: { name: string; image: string }[] } } }; metadata: { labels: Record<string, string> } };
    value.metadata.labels.tier = 'front';
    value.spec.template.spec.containers[1]!.image = 'busybox:1.37';
    const out = toText(setIn(doc, [], value));
    expect(out).toContain('# web front end');
    expect(out).toContain('name: web # the name');
    expect(out).toContain('image: nginx:1.27 # pinned');
    expect(out).toContain('x-custom: keep me # unknown to the form');
    expect(out).toContain('    app: web\n    tier: front\n');
    expect(out).toContain('image: busybox:1.37');
  });

  it('matches list items by name when one is removed, keeping the survivor’s comments', () => {
    const doc = parsed(DEPLOYMENT_YAML.replace('image: busybox:1.36', 'image: busybox:1.36 # helper'));
    const value = structuredClone(toObject(doc)) as { spec: { template: { spec: { containers: unknown[] } } } };
    value.spec.template.spec.containers.splice(0, 1);
    const out = toText(setIn(doc, [], value));
    expect(out).not.toContain('nginx');
    expect(out).toContain('- name: sidecar\n        image: busybox:1.36 # helper');
  });

  it('keeps a string that looks like a number a string', () => {
    const out = toText(setIn(parsed('a: x\n'), ['a'], '3'));
    expect(out).toBe('a: "3"\n');
    expect(toObject(parsed(out))).toEqual({ a: '3' });
  });

  it('creates missing parents and deletes keys', () => {
    const doc = parsed('spec: {}\n');
    const a = setIn(doc, ['spec', 'strategy', 'type'], 'Recreate');
    expect(toObject(a)).toEqual({ spec: { strategy: { type: 'Recreate' } } });
    const b = setIn(parsed('metadata:\n  name: a\n'), ['spec', 'ports', 0, 'port'], 80);
    expect(toObject(b)).toEqual({ metadata: { name: 'a' }, spec: { ports: [{ port: 80 }] } });
    const c = deleteIn(parsed(DEPLOYMENT_YAML), ['metadata', 'labels']);
    expect(getIn(c, ['metadata', 'labels'])).toBeUndefined();
    expect(toText(c)).toContain('# web front end');
  });

  it('never changes the document it was given', () => {
    const doc = parsed(DEPLOYMENT_YAML);
    setIn(doc, ['spec', 'replicas'], 9);
    deleteIn(doc, ['spec']);
    expect(toText(doc)).toBe(DEPLOYMENT_YAML);
  });

  it('keeps the indented sequence style when the user writes it', () => {
    const text = 'spec:\n  ports:\n    - port: 80\n';
    expect(toText(setIn(parsed(text), ['spec', 'ports', 0, 'port'], 81))).toBe('spec:\n  ports:\n    - port: 81\n');
  });

  it('writes new objects in kubectl layout', () => {
    expect(toText(newDoc({ spec: { containers: [{ name: 'a' }] } }))).toBe('spec:\n  containers:\n  - name: a\n');
  });

  it('an invalid text leaves the last good value alone (the form keeps it)', () => {
    const good = parseYamlSafe('spec:\n  replicas: 2\n');
    const bad = parseYamlSafe('spec:\n  replicas: 2\n replicas: 3\n');
    expect(good.ok).toBe(true);
    expect(bad.ok).toBe(false);
    if (good.ok) expect(good.value).toEqual({ spec: { replicas: 2 } });
  });
});

describe('hostile input stays fast', () => {
  it('garbage with thousands of errors reports a few, quickly', () => {
    const text = Array.from({ length: 40_000 }, (_, i) => `${i % 2 ? ' ' : ''}k${i}: [x\n`).join('');
    const t = performance.now();
    const r = parseYamlSafe(text);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeLessThanOrEqual(50);
  });

  it('many documents are numbered by line without rescanning the text', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n');
    const t = performance.now();
    const r = parseYamlAll(text);
    expect(performance.now() - t).toBeLessThan(3000);
    expect(r.ok && r.documents[2999]!.line).toBe(2999 * 4 + 1);
  });
});

describe('large mappings', () => {
  it('parse in well under a second, and a duplicate at the end is still found', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `  key-${i}: value number ${i} with some text padding padding padding`);
    const text = `apiVersion: v1\nkind: ConfigMap\ndata:\n${keys.join('\n')}\n  key-7: again\n`;
    const t = performance.now();
    const r = parseYamlSafe(text);
    expect(performance.now() - t).toBeLessThan(1500);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'duplicate-key', message: `Duplicate key "key-7" at line ${20_004}` });
  });
});

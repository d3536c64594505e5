import { describe, expect, it } from 'vitest';
import { isLabelKey, isLabelValue } from './label-syntax';
import { parseSearchQuery } from './query';

describe('parseSearchQuery', () => {
  it('reads label terms and free text, separated by spaces or commas', () => {
    const q = parseSearchQuery('app=web, tier!=db  Nginx');
    expect(q.terms).toEqual([
      { kind: 'label', key: 'app', op: '=', value: 'web' },
      { kind: 'label', key: 'tier', op: '!=', value: 'db' },
      { kind: 'text', text: 'nginx' },
    ]);
    expect(q.labelSelector).toBe('app=web,tier!=db');
    expect(q.text).toEqual(['nginx']);
  });

  it('accepts == and prefixed keys and empty values', () => {
    expect(parseSearchQuery('app.kubernetes.io/name==web').labelSelector).toBe('app.kubernetes.io/name=web');
    expect(parseSearchQuery('example.com/flag=').labelSelector).toBe('example.com/flag=');
  });

  it('treats what is not a well-formed label term as text, so the API never sees a bad selector', () => {
    for (const raw of ['=web', 'a=b=c', 'app=-web', 'Bad_Prefix.com/x=1', 'app!']) {
      const q = parseSearchQuery(raw);
      expect(q.labelSelector, raw).toBeUndefined();
      expect(q.terms[0]!.kind, raw).toBe('text');
    }
  });

  it('drops repeated terms and is empty for blank input', () => {
    expect(parseSearchQuery('web web WEB').terms).toEqual([{ kind: 'text', text: 'web' }]);
    expect(parseSearchQuery('  , ').terms).toEqual([]);
  });
});

describe('label syntax', () => {
  it('follows Kubernetes qualified names and label values', () => {
    expect(isLabelKey('app')).toBe(true);
    expect(isLabelKey('app.kubernetes.io/name')).toBe(true);
    expect(isLabelKey('vm.glasspane.io/owner')).toBe(true);
    expect(isLabelKey('/name')).toBe(false);
    expect(isLabelKey('a'.repeat(64))).toBe(false);
    expect(isLabelKey('UPPER.example/x')).toBe(false);
    expect(isLabelValue('')).toBe(true);
    expect(isLabelValue('web_1.a-b')).toBe(true);
    expect(isLabelValue('-web')).toBe(false);
  });
});

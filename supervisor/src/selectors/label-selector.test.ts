import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { parseLabelSelector } from './label-parser';
import { isEverything, labelSelectorFromObject, labelSelectorToString, matchesLabels, requiresExactMatch } from './label-selector';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'team-a' },
  spec: {
    replicas: 3,
    selector: {
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'tier', operator: 'In', values: ['frontend', 'edge'] },
        { key: 'canary', operator: 'DoesNotExist' },
      ],
    },
  },
};

describe('labelSelectorFromObject', () => {
  it('converts a Deployment selector and matches pod labels', () => {
    const sel = labelSelectorFromObject(deployment.spec.selector);
    expect(matchesLabels(sel, { app: 'web', tier: 'edge', 'pod-template-hash': 'abc' })).toBe(true);
    expect(matchesLabels(sel, { app: 'web', tier: 'edge', canary: 'true' })).toBe(false);
    expect(matchesLabels(sel, { app: 'web', tier: 'backend' })).toBe(false);
    expect(matchesLabels(sel, { tier: 'edge' })).toBe(false);
  });

  it('prints the scale status.selector form, sorted by key', () => {
    expect(labelSelectorToString(deployment.spec.selector)).toBe('app=web,!canary,tier in (edge,frontend)');
    expect(labelSelectorToString({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(labelSelectorToString({ matchLabels: { b: '2', a: '1' } })).toBe('a=1,b=2');
    expect(labelSelectorToString({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }, { key: 'app', operator: 'Exists' }] })).toBe(
      'app,env notin (prod)',
    );
  });

  it('matches everything for an empty selector and nothing for a missing one', () => {
    expect(isEverything(labelSelectorFromObject({}))).toBe(true);
    expect(matchesLabels(labelSelectorFromObject({}), undefined)).toBe(true);
    expect(matchesLabels(labelSelectorFromObject({ matchLabels: {}, matchExpressions: [] }), { a: 'b' })).toBe(true);
    expect(matchesLabels(labelSelectorFromObject(undefined), { a: 'b' })).toBe(false);
    expect(matchesLabels(labelSelectorFromObject(null), {})).toBe(false);
    expect(labelSelectorToString(null)).toBe('');
  });

  it('agrees with the parsed string form', () => {
    const fromObject = labelSelectorFromObject(deployment.spec.selector);
    const fromString = parseLabelSelector(labelSelectorToString(fromObject));
    expect(labelSelectorToString(fromString)).toBe(labelSelectorToString(fromObject));
    const samples: Record<string, string>[] = [{ app: 'web', tier: 'edge' }, { app: 'web', tier: 'edge', canary: '' }, { app: 'db' }];
    for (const labels of samples) {
      expect(matchesLabels(fromString, labels)).toBe(matchesLabels(fromObject, labels));
    }
  });

  it('rejects an unknown operator, In without values and Exists with values', () => {
    const bad = (sel: Parameters<typeof labelSelectorFromObject>[0]): string => {
      try {
        labelSelectorFromObject(sel);
      } catch (e) {
        if (e instanceof ApiError && e.code === 400) return e.message;
      }
      throw new Error('expected a 400');
    };
    expect(bad({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['x'] }] })).toBe('"Equals" is not a valid label selector operator');
    expect(bad({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe(
      "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(bad({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toBe(
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    );
    expect(bad({ matchLabels: { 'bad key': 'x' } })).toContain('key: Invalid value: "bad key": name part must consist of');
  });
});

describe('requiresExactMatch', () => {
  it('finds a pinned value for = and single-value in', () => {
    expect(requiresExactMatch(parseLabelSelector('app=web,tier'), 'app')).toBe('web');
    expect(requiresExactMatch(parseLabelSelector('app in (web)'), 'app')).toBe('web');
    expect(requiresExactMatch(parseLabelSelector('app in (web,db)'), 'app')).toBeUndefined();
    expect(requiresExactMatch(parseLabelSelector('app!=web'), 'app')).toBeUndefined();
    expect(requiresExactMatch(parseLabelSelector('tier=x'), 'app')).toBeUndefined();
  });
});

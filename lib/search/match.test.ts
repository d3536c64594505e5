import { describe, expect, it } from 'vitest';
import { deploymentPod, namespace, vm } from '../inventory/test-support/fixtures';
import type { KubeObject } from '../k8s/types';
import { matchObject } from './match';
import { parseSearchQuery } from './query';

const labelled = (o: KubeObject, labels: Record<string, string>): KubeObject => ({ ...o, metadata: { ...o.metadata, labels } });
const web01 = labelled(vm('team-a', 'web-01'), { app: 'web', 'vm.glasspane.io/owner': 'team-a' });
const webPod = labelled(deploymentPod('team-a', 'web', 'x2x9q'), { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/part-of': 'storefront', tier: 'frontend' });
const m = (q: string, o: KubeObject) => matchObject(parseSearchQuery(q), o);

describe('matchObject', () => {
  it('ranks an exact name over a prefix over a substring over a label', () => {
    const exact = m('web-01', web01)!.score;
    const prefix = m('web', web01)!.score;
    const contains = m('01', web01)!.score;
    const label = m('storefront', webPod)!.score;
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(contains);
    expect(contains).toBeGreaterThan(label);
  });

  it('matches free text case-insensitively against label keys and values, and shows those labels', () => {
    expect(m('STOREFRONT', webPod)!.labels).toEqual([['app.kubernetes.io/part-of', 'storefront']]);
    expect(m('tier', webPod)!.labels).toEqual([['tier', 'frontend']]);
    expect(m('backend', webPod)).toBeUndefined();
  });

  it('matches label terms exactly, with != also matching objects without the key', () => {
    expect(m('app=web', web01)!.labels).toEqual([['app', 'web']]);
    expect(m('app=Web', web01)).toBeUndefined();
    expect(m('app=web', webPod)).toBeUndefined();
    expect(m('app.kubernetes.io/name=web', webPod)!.labels).toEqual([['app.kubernetes.io/name', 'web']]);
    expect(m('tier!=backend', webPod)).toBeDefined();
    expect(m('tier!=frontend', webPod)).toBeUndefined();
    expect(m('tier!=frontend', namespace('team-a'))).toBeDefined();
  });

  it('needs every term to match', () => {
    expect(m('app=web web', web01)).toBeDefined();
    expect(m('app=web api', web01)).toBeUndefined();
    expect(m('', web01)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { podNonZeroRequests, podRequests } from './pod-requests';

const MI = 1024 ** 2;
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, extra: Record<string, unknown> = {}) => ({ name, image: 'busybox:1.36', resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) }, ...extra });

describe('podRequests (NodeResourcesFit)', () => {
  it('sums containers and takes at least the largest init container', () => {
    const spec = { containers: [c('a', { cpu: '250m', memory: '64Mi' }), c('b', { cpu: '250m', memory: '64Mi' })], initContainers: [c('init', { cpu: '1', memory: '32Mi' })] };
    expect(podRequests(spec)).toEqual({ cpu: 1, memory: 128 * MI });
  });

  it('adds sidecars (restartable init containers) to the sum and to later init containers', () => {
    const spec = {
      containers: [c('app', { cpu: '500m', memory: '256Mi' })],
      initContainers: [c('proxy', { cpu: '100m', memory: '64Mi' }, undefined, { restartPolicy: 'Always' }), c('migrate', { cpu: '800m', memory: '64Mi' })],
    };
    expect(podRequests(spec).cpu).toBeCloseTo(0.9);
    expect(podRequests(spec).memory).toBe(320 * MI);
  });

  it('uses limits where requests are missing, adds overhead, and counts nothing for best-effort pods', () => {
    expect(podRequests({ containers: [c('a', undefined, { cpu: '2', memory: '1Gi' })], overhead: { cpu: '250m', memory: '120Mi' } })).toEqual({ cpu: 2.25, memory: 1144 * MI });
    expect(podRequests({ containers: [c('a')] })).toEqual({ cpu: 0, memory: 0 });
  });

  it('substitutes kube-scheduler defaults for scoring', () => {
    expect(podNonZeroRequests({ containers: [c('a'), c('b', { cpu: '1' })] })).toEqual({ cpu: 1.1, memory: 400 * MI });
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { applyContainerDefaults } from './limit-ranger';

const pod = (resources?: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx', ...(resources ? { resources } : {}) }] } });
const range = { type: 'Container', default: { cpu: '500m', memory: '512Mi' }, defaultRequest: { cpu: '100m', memory: '128Mi' }, max: { cpu: '4' } };
const resourcesOf = (p: KubeObject) => ((p.spec as { containers: { resources: unknown }[] }).containers[0]!.resources);

describe('LimitRanger defaults', () => {
  it('fills missing requests and limits from the LimitRange', () => {
    const p = pod();
    expect(applyContainerDefaults(p, [range])).toEqual([]);
    expect(resourcesOf(p)).toEqual({ limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '100m', memory: '128Mi' } });
  });

  it('keeps what the container sets, and a limit without a request becomes the request', () => {
    const p = pod({ limits: { cpu: '2' } });
    applyContainerDefaults(p, [{ type: 'Container', default: { memory: '1Gi' } }]);
    expect(resourcesOf(p)).toEqual({ limits: { cpu: '2', memory: '1Gi' }, requests: { cpu: '2', memory: '1Gi' } });
  });

  it('reports limits above max', () => {
    expect(applyContainerDefaults(pod({ limits: { cpu: '8' } }), [range])).toEqual(['maximum cpu usage per Container is 4, but limit is 8']);
  });
});

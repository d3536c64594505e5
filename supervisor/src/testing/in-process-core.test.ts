import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ControllerContext } from '../controllers/controller-context';
import { createInProcessCore, type InProcessCore } from './in-process-core';

let core: InProcessCore | undefined;
afterEach(() => {
  core?.dispose();
  core = undefined;
});

const limitRange = {
  metadata: { name: 'defaults', namespace: 'default' },
  spec: { limits: [{ type: 'Container', default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '250m', memory: '128Mi' } }] },
};
const pod = { metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx:1.27.3' }] } };

describe('createInProcessCore', () => {
  it('has the bootstrap namespaces, the config asked for, and a fresh data directory', () => {
    core = createInProcessCore({ timeScale: 50, seed: 'default' });
    expect(core.client.list('v1', 'namespaces').map((n) => n.metadata.name)).toEqual(expect.arrayContaining(['default', 'kube-system']));
    expect(core.ctx.core.config).toMatchObject({ timeScale: 50, seed: 'default', dataDir: core.dir, log: 'quiet' });
    expect(core.ctx.clock.scale).toBe(50);
    expect(core.ctx.fresh).toBe(true);
  });

  it('admits through the server chain: LimitRange defaults and ResourceQuota', () => {
    core = createInProcessCore({ timeScale: 1 });
    core.client.create('v1', 'limitranges', limitRange);
    const created = core.client.create('v1', 'pods', pod);
    expect((created.spec as { containers: { resources: unknown }[] }).containers[0]!.resources).toEqual({ limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '250m', memory: '128Mi' } });
    core.client.create('v1', 'resourcequotas', { metadata: { name: 'q', namespace: 'default' }, spec: { hard: { pods: '1' } } });
    expect(() => core!.client.create('v1', 'pods', { ...pod, metadata: { ...pod.metadata, name: 'web-2' } })).toThrow(/exceeded quota: q/);
  });

  it('starts the given controllers, stops them once, and reopens on the same data', () => {
    const started: string[] = [];
    const controller = (ctx: ControllerContext): void => {
      started.push(ctx.fresh ? 'fresh' : 'restart');
      ctx.onStop(() => started.push('stopped'));
    };
    core = createInProcessCore({ timeScale: 1, controllers: [controller] });
    core.client.create('v1', 'configmaps', { metadata: { name: 'kept', namespace: 'default' }, data: { a: '1' } });
    const dir = core.dir;
    core = core.reopen();
    expect(core.dir).toBe(dir);
    expect(core.client.get('v1', 'configmaps', 'default', 'kept')?.data).toEqual({ a: '1' });
    core.stopControllers();
    core.stopControllers();
    expect(started).toEqual(['fresh', 'stopped', 'restart', 'stopped']);
    core.dispose();
    expect(fs.existsSync(dir)).toBe(false);
    core = undefined;
  });
});

import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const { EnvError, readServerEnv, resolveUserPath } = await import('./env');

describe('readServerEnv', () => {
  it('resolves the kubeconfig path and the embedded flag', () => {
    expect(readServerEnv({ GLASSPANE_KUBECONFIG: '/data/kubeconfig', GLASSPANE_EMBEDDED: '1' })).toEqual({
      kubeconfigPath: '/data/kubeconfig',
      embedded: true,
    });
    expect(readServerEnv({ GLASSPANE_KUBECONFIG: '/data/kubeconfig' }).embedded).toBe(false);
  });

  it.each([
    ['missing', {}, /GLASSPANE_KUBECONFIG is not set/],
    ['blank', { GLASSPANE_KUBECONFIG: '  ' }, /GLASSPANE_KUBECONFIG is empty/],
    ['with a bad flag', { GLASSPANE_KUBECONFIG: '/k', GLASSPANE_EMBEDDED: 'yes' }, /GLASSPANE_EMBEDDED must be 0 or 1/],
  ])('rejects an environment %s, saying how to start the console', (_case, env, message) => {
    expect(() => readServerEnv(env)).toThrow(EnvError);
    expect(() => readServerEnv(env)).toThrow(message);
    expect(() => readServerEnv(env)).toThrow(/npm start/);
  });
});

describe('resolveUserPath', () => {
  it('expands ~ and resolves relative paths against the working directory', () => {
    expect(resolveUserPath('~/.kube/config', '/srv', '/home/op')).toBe('/home/op/.kube/config');
    expect(resolveUserPath('~', '/srv', '/home/op')).toBe('/home/op');
    expect(resolveUserPath('.data/kubeconfig', '/srv', '/home/op')).toBe('/srv/.data/kubeconfig');
    expect(resolveUserPath('/abs/kc', '/srv', '/home/op')).toBe('/abs/kc');
    expect(resolveUserPath('~other/kc', '/srv', os.homedir())).toBe(path.join('/srv', '~other/kc'));
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { e2eEnvFile, e2ePort } from './e2e-env.mjs';
import { ROOT, portFromEnv, resolveUserPath } from './repo.mjs';

describe('resolveUserPath', () => {
  it('expands ~ and resolves relative paths against where npm was run', () => {
    expect(resolveUserPath('~/.kube/config', '/work/sub', '/home/op')).toBe('/home/op/.kube/config');
    expect(resolveUserPath('kc.yaml', '/work/sub', '/home/op')).toBe('/work/sub/kc.yaml');
    expect(resolveUserPath('/etc/kc', '/work/sub', '/home/op')).toBe('/etc/kc');
  });
});

describe('portFromEnv', () => {
  it('falls back when unset and rejects what is not a port', () => {
    expect(portFromEnv(undefined, 6443, 'SUPERVISOR_PORT')).toBe(6443);
    expect(portFromEnv('', 6443, 'SUPERVISOR_PORT')).toBe(6443);
    expect(portFromEnv('0', 6443, 'SUPERVISOR_PORT')).toBe(0);
    expect(() => portFromEnv('80a', 3000, 'PORT')).toThrow('PORT must be a port number between 0 and 65535, not "80a"');
    expect(() => portFromEnv('70000', 3000, 'PORT')).toThrow(/PORT must be a port number/);
  });
});

describe('e2e environment location', () => {
  it('defaults to .data/e2e/env.json and port 3100', () => {
    expect(e2eEnvFile({})).toBe(path.join(ROOT, '.data', 'e2e', 'env.json'));
    expect(e2eEnvFile({ GLASSPANE_E2E_ENV_FILE: '/tmp/x.json' })).toBe('/tmp/x.json');
    expect(e2ePort({})).toBe(3100);
    expect(e2ePort({ GLASSPANE_E2E_PORT: '3200' })).toBe(3200);
  });
});

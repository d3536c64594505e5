import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { parseReadyLine, startSupervisor } from './supervisor.mjs';

const FAKE = path.join(import.meta.dirname, 'test-fixtures', 'fake-supervisor.mjs');
const root = path.resolve(import.meta.dirname, '..', '..');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function start(mode: string, readyTimeoutMs = 20_000) {
  const lines: string[] = [];
  const supervisor = startSupervisor({
    root,
    dataDir: '.data/test-supervisor',
    port: 0,
    args: ['--seed', 'none'],
    entry: FAKE,
    env: { ...process.env, FAKE_SUPERVISOR_MODE: mode },
    onLine: (line) => lines.push(line),
    readyTimeoutMs,
  });
  children.push(supervisor.child);
  return { ...supervisor, lines };
}

describe('parseReadyLine', () => {
  it('accepts exactly the contract line', () => {
    expect(parseReadyLine('supervisor: ready at https://127.0.0.1:6443; kubeconfig: /d/kubeconfig')).toEqual({
      url: 'https://127.0.0.1:6443',
      kubeconfig: '/d/kubeconfig',
    });
    expect(parseReadyLine('supervisor: ready at http://127.0.0.1:6443; kubeconfig: /d/kubeconfig')).toBeNull();
    expect(parseReadyLine('[x] supervisor: ready at https://127.0.0.1:6443; kubeconfig: /k')).toBeNull();
  });
});

describe('startSupervisor', () => {
  it('resolves with the URL and the absolute kubeconfig once the ready line arrives', async () => {
    const supervisor = start('ready');
    await expect(supervisor.ready).resolves.toEqual({
      url: 'https://127.0.0.1:7443',
      kubeconfig: path.join(root, 'kc', 'kubeconfig'),
    });
    expect(supervisor.lines[0]).toBe(
      `starting with port=0 dir=${path.join(root, '.data', 'test-supervisor')} args=--seed,none`,
    );
  });

  it('rejects with the exit code and the last output when it dies before ready', async () => {
    const supervisor = start('crash');
    await expect(supervisor.ready).rejects.toThrow(/exited with code 3 before it was ready/);
    await expect(supervisor.ready).rejects.toThrow(/EADDRINUSE/);
  });

  it('rejects when no ready line arrives in time', async () => {
    const supervisor = start('silent', 500);
    await expect(supervisor.ready).rejects.toThrow('the supervisor printed no ready line within 0.5 s');
  });
});

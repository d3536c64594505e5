import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createProcessGroup } from './process-group.mjs';
import { restartableSupervisor, type RestartableSupervisor } from './restartable-supervisor.mjs';

const FAKE = path.join(import.meta.dirname, 'test-fixtures', 'fake-supervisor.mjs');
const root = path.resolve(import.meta.dirname, '..', '..');
const started: RestartableSupervisor[] = [];

afterEach(() => {
  for (const s of started.splice(0)) s.handle.kill('SIGKILL');
});

function start(lines: string[]) {
  const s = restartableSupervisor({ root, dataDir: '.data/test-supervisor', port: 0, entry: FAKE, env: { ...process.env, FAKE_SUPERVISOR_MODE: 'ready' }, onLine: (l) => lines.push(l) });
  started.push(s);
  return s;
}

describe('restartableSupervisor', () => {
  it('stops on request without ending its process group, and starts again on the same port', async () => {
    const lines: string[] = [];
    const s = start(lines);
    const group = createProcessGroup({ log: () => {} });
    group.add('supervisor', s.handle as never);
    await expect(s.ready).resolves.toMatchObject({ url: 'https://127.0.0.1:7443' });

    await s.stop();
    expect(s.running).toBe(false);
    expect(group.stopping).toBe(false);

    await s.start();
    expect(s.running).toBe(true);
    expect(lines.filter((l) => l.startsWith('starting with'))).toEqual([
      expect.stringContaining('port=0 '),
      expect.stringContaining('port=7443 '),
    ]);

    group.stop(0);
    await expect(group.done).resolves.toBe(0);
    expect(s.running).toBe(false);
  });

  it('ends the group when the supervisor exits on its own', async () => {
    const s = start([]);
    const group = createProcessGroup({ log: () => {} });
    group.add('supervisor', s.handle as never);
    await s.ready;
    s.handle.kill('SIGKILL');
    await expect(group.done).resolves.toBe(137);
  });

  it('ends at once when the group stops while the supervisor is stopped', async () => {
    const s = start([]);
    const group = createProcessGroup({ log: () => {} });
    group.add('supervisor', s.handle as never);
    await s.ready;
    await s.stop();
    group.stop(0);
    await expect(group.done).resolves.toBe(0);
    await expect(s.start()).rejects.toThrow(/stopping/);
  });
});

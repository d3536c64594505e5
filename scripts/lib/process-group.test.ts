import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createProcessGroup, exitCodeOf } from './process-group.mjs';

/** A node child running `code`; it stays alive until signalled unless the code exits. */
function node(code: string) {
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

const LINGER = 'setInterval(() => {}, 1000)';

describe('createProcessGroup', () => {
  it('ends with the exit code of the first member that dies, stopping the others', async () => {
    const logs: string[] = [];
    const group = createProcessGroup({ log: (message) => logs.push(message) });
    const survivor = node(LINGER);
    group.add('console', survivor);
    group.add('supervisor', node('process.exit(3)'));
    expect(await group.done).toBe(3);
    expect(survivor.signalCode).toBe('SIGTERM');
    expect(logs).toEqual(['supervisor exited with code 3; stopping the rest']);
  });

  it('stops every member on request and ends with the requested code', async () => {
    const group = createProcessGroup({ log: () => {} });
    const a = node(LINGER);
    const b = node(LINGER);
    group.add('a', a);
    group.add('b', b);
    group.stop(0, 'SIGINT');
    expect(await group.done).toBe(0);
    expect([a.signalCode, b.signalCode]).toEqual(['SIGINT', 'SIGINT']);
  });

  it('kills members that ignore the stop signal', async () => {
    const group = createProcessGroup({ log: () => {}, killAfterMs: 200 });
    const stubborn = spawn(
      process.execPath,
      ['-e', `process.on('SIGTERM', () => {}); console.log('armed'); ${LINGER}`],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    group.add('stubborn', stubborn);
    // Only once the handler is installed is SIGTERM really ignored.
    await once(stubborn.stdout, 'data');
    group.stop(5);
    expect(await group.done).toBe(5);
    expect(stubborn.signalCode).toBe('SIGKILL');
  });
});

describe('exitCodeOf', () => {
  it('maps signals the way a shell does', () => {
    expect(exitCodeOf(0, null)).toBe(0);
    expect(exitCodeOf(null, 'SIGINT')).toBe(130);
    expect(exitCodeOf(null, 'SIGTERM')).toBe(143);
  });
});

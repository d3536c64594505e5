import { describe, expect, it } from 'vitest';
import { guestMessage, hostMessage, parseGuestMessage, parseHostMessage, PROTOCOL } from './protocol';

const VM = { group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: 'team-a', name: 'web-1' };

describe('host → Glasspane messages', () => {
  it('accepts a full init, and the context, theme and modalClosed updates', () => {
    const init = { protocol: PROTOCOL, version: 1, type: 'init', context: { objects: [VM] }, theme: 'dark', locale: 'en-US', token: 'eyJhbGciOi.x.y', navigation: 'host' };
    expect(parseHostMessage(init)).toEqual(init);
    expect(parseHostMessage(hostMessage({ type: 'context', context: { objects: [{ id: 'urn:vmomi:VirtualMachine:vm-1001:7f3e' }] } }))?.type).toBe('context');
    expect(parseHostMessage(hostMessage({ type: 'theme', theme: 'light' }))).toMatchObject({ type: 'theme', theme: 'light' });
    expect(parseHostMessage(hostMessage({ type: 'modalClosed', id: 'm1', result: { done: true } }))).toMatchObject({ id: 'm1' });
    expect(parseHostMessage({ protocol: PROTOCOL, version: 1, type: 'init' })).toBeDefined();
  });

  it('ignores anything of the wrong shape', () => {
    const bad: unknown[] = [
      null,
      'init',
      { type: 'init' },
      { protocol: PROTOCOL, version: 2, type: 'init' },
      { protocol: 'other', version: 1, type: 'init' },
      { protocol: PROTOCOL, version: 1, type: 'launchMissiles' },
      { protocol: PROTOCOL, version: 1, type: 'theme', theme: 'purple' },
      { protocol: PROTOCOL, version: 1, type: 'theme' },
      { protocol: PROTOCOL, version: 1, type: 'init', token: 42 },
      { protocol: PROTOCOL, version: 1, type: 'init', token: '   ' },
      { protocol: PROTOCOL, version: 1, type: 'init', locale: 'en_US<script>' },
      { protocol: PROTOCOL, version: 1, type: 'init', extra: true },
      { protocol: PROTOCOL, version: 1, type: 'context', context: { objects: [{ kind: 'Pod' }] } },
      { protocol: PROTOCOL, version: 1, type: 'context', context: { objects: [{ ...VM, kind: 'Virtual Machine' }] } },
      { protocol: PROTOCOL, version: 1, type: 'context', context: { objects: [{ ...VM, extra: 1 }] } },
      { protocol: PROTOCOL, version: 1, type: 'context', context: { objects: Array.from({ length: 101 }, () => VM) } },
    ];
    for (const data of bad) expect(parseHostMessage(data), JSON.stringify(data)).toBeUndefined();
  });
});

describe('Glasspane → host messages', () => {
  it('builds messages that validate', () => {
    const msgs = [
      guestMessage({ type: 'ready', view: 'inventory', url: 'http://127.0.0.1:3000/embed/inventory' }),
      guestMessage({ type: 'navigate', target: VM, href: 'http://127.0.0.1:3000/namespaces/team-a/r/virtualmachines.vmoperator.vmware.com/web-1' }),
      guestMessage({ type: 'resize', height: 420 }),
      guestMessage({ type: 'openModal', id: 'power-1', url: 'http://127.0.0.1:3000/embed/actions/vm-power?op=off', title: 'Power off', size: { width: 560, height: 320 }, context: { objects: [VM] } }),
      guestMessage({ type: 'closeModal', result: { done: true, powerState: 'PoweredOff' } }),
      guestMessage({ type: 'notify', level: 'success', message: 'web-1 is PoweredOff' }),
    ];
    for (const m of msgs) expect(parseGuestMessage(m)).toEqual(m);
  });

  it('refuses malformed ones', () => {
    expect(parseGuestMessage(guestMessage({ type: 'resize', height: -1 }))).toBeUndefined();
    expect(parseGuestMessage({ ...guestMessage({ type: 'notify', level: 'info', message: 'x' }), level: 'fatal' })).toBeUndefined();
  });
});

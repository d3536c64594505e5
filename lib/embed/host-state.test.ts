import { describe, expect, it } from 'vitest';
import { acceptHostMessage, hostReducer, initialHostState } from './host-state';
import { originRules } from './origins';
import { hostMessage, PROTOCOL } from './protocol';

const rules = originRules("'self' http://localhost:4100", 'http://127.0.0.1:3000');
const parent = { name: 'the parent window' };
const VM = { group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: 'team-a', name: 'web-1' };

describe('accepting host messages', () => {
  const init = hostMessage({ type: 'init', theme: 'dark', token: 't' });
  it('takes valid messages from the parent window on an allowed origin', () => {
    expect(acceptHostMessage({ origin: 'http://localhost:4100', source: parent, data: init }, { parent, rules })).toEqual(init);
  });

  it('ignores other origins, other windows, the wrong shape, and a second host origin', () => {
    expect(acceptHostMessage({ origin: 'http://localhost:4200', source: parent, data: init }, { parent, rules })).toBeUndefined();
    expect(acceptHostMessage({ origin: 'null', source: parent, data: init }, { parent, rules })).toBeUndefined();
    expect(acceptHostMessage({ origin: 'http://localhost:4100', source: { other: true }, data: init }, { parent, rules })).toBeUndefined();
    expect(acceptHostMessage({ origin: 'http://localhost:4100', source: null, data: init }, { parent: null, rules })).toBeUndefined();
    expect(acceptHostMessage({ origin: 'http://localhost:4100', source: parent, data: { ...init, theme: 'purple' } }, { parent, rules })).toBeUndefined();
    expect(acceptHostMessage({ origin: 'http://localhost:4100', source: parent, data: JSON.stringify(init) }, { parent, rules })).toBeUndefined();
    expect(acceptHostMessage({ origin: 'http://127.0.0.1:3000', source: parent, data: init }, { parent, rules, lockedOrigin: 'http://localhost:4100' })).toBeUndefined();
  });
});

describe('host state', () => {
  it('connects on init and takes theme, context, locale, token and link routing from it', () => {
    let s = initialHostState('generic');
    expect(s.connected).toBe(false);
    s = hostReducer(s, { type: 'message', message: hostMessage({ type: 'init', theme: 'dark', context: { objects: [VM] }, locale: 'en-GB', token: 'tok', navigation: 'host' }) });
    expect(s).toMatchObject({ connected: true, theme: 'dark', context: { objects: [VM] }, locale: 'en-GB', token: 'tok', tokenSeq: 1, navigation: 'host' });
    s = hostReducer(s, { type: 'message', message: hostMessage({ type: 'theme', theme: 'light' }) });
    s = hostReducer(s, { type: 'message', message: hostMessage({ type: 'context', context: { objects: [] } }) });
    expect(s).toMatchObject({ theme: 'light', context: { objects: [] }, token: 'tok', tokenSeq: 1 });
    s = hostReducer(s, { type: 'message', message: { protocol: PROTOCOL, version: 1, type: 'init', token: 'tok' } });
    expect(s).toMatchObject({ tokenSeq: 2, navigation: 'frame', theme: 'light' });
  });

  it('takes everything from the SDK in vSphere mode and ignores generic messages there', () => {
    let s = hostReducer(initialHostState('generic'), { type: 'sdk', context: { objects: [{ id: 'urn:vmomi:VirtualMachine:vm-1:g' }] }, theme: 'dark', token: 'sdk-token' });
    expect(s).toMatchObject({ mode: 'vsphere', connected: true, theme: 'dark', token: 'sdk-token', tokenSeq: 1, navigation: 'host' });
    s = hostReducer(s, { type: 'message', message: hostMessage({ type: 'theme', theme: 'light' }) });
    expect(s.theme).toBe('dark');
    s = hostReducer(s, { type: 'sdk-theme', theme: 'light' });
    expect(s.theme).toBe('light');
  });

  it('counts the links the frame followed itself', () => {
    const s = hostReducer(hostReducer(initialHostState('generic'), { type: 'followed' }), { type: 'followed' });
    expect(s.followed).toBe(2);
  });

  it('is connected at once when there is no host', () => {
    expect(initialHostState('standalone').connected).toBe(true);
    expect(hostReducer(initialHostState('generic'), { type: 'mode', mode: 'standalone' }).connected).toBe(true);
  });
});

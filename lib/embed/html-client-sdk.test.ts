import { describe, expect, it } from 'vitest';
import { findHtmlClientSdk, modalResult, navigationData, readSdk, sdkContext, sdkLocale, sdkScriptUrl, sdkTheme, type HtmlClientSdk } from './html-client-sdk';
import { originRules } from './origins';

/** An SDK like the vSphere Client's: initialize calls back later, session info is asynchronous. */
function fakeSdk(over: Partial<HtmlClientSdk['app']> = {}): HtmlClientSdk & { navigations: unknown[] } {
  const navigations: unknown[] = [];
  let initialized = false;
  return {
    navigations,
    initialize(cb) {
      queueMicrotask(() => {
        initialized = true;
        cb();
      });
    },
    isInitialized: () => initialized,
    app: {
      getContextObjects: () => [{ id: 'urn:vmomi:VirtualMachine:vm-1001:7f3e-guid' }],
      getTheme: () => ({ name: 'dark' }),
      getClientLocale: () => 'de_DE',
      getSessionInfo: (cb) => queueMicrotask(() => cb({ sessionToken: ' tok-123 ' })),
      getNavigationData: () => ({ href: '/namespaces/team-a' }),
      navigateTo: (o) => navigations.push(o),
      ...over,
    },
  };
}

describe('htmlClientSdk adapter', () => {
  it('finds the SDK only when it has the documented shape', () => {
    expect(findHtmlClientSdk({ htmlClientSdk: fakeSdk() })).toBeDefined();
    expect(findHtmlClientSdk({})).toBeUndefined();
    expect(findHtmlClientSdk(undefined)).toBeUndefined();
    expect(findHtmlClientSdk({ htmlClientSdk: { initialize() {}, app: {} } })).toBeUndefined();
    expect(findHtmlClientSdk({ htmlClientSdk: 'sdk' })).toBeUndefined();
  });

  it('reads context, theme, locale, navigation data and the session token after initialize', async () => {
    const initial = await readSdk(fakeSdk());
    expect(initial).toEqual({
      context: { objects: [{ id: 'urn:vmomi:VirtualMachine:vm-1001:7f3e-guid' }] },
      theme: 'dark',
      locale: 'de-DE',
      token: 'tok-123',
      navigation: { href: '/namespaces/team-a' },
    });
  });

  it('works with the minimum the SDK must offer', async () => {
    const initial = await readSdk(fakeSdk({ getTheme: undefined, getClientLocale: undefined, getSessionInfo: undefined, getNavigationData: undefined, getContextObjects: () => undefined }));
    expect(initial).toEqual({ context: { objects: [] }, theme: 'light', locale: undefined, navigation: undefined });
  });

  it('validates what the SDK returns like any host message', () => {
    expect(sdkContext([{ id: 'urn:vmomi:HostSystem:host-10:g' }, { id: 42 }])).toEqual({ objects: [] });
    expect(sdkContext('nope')).toEqual({ objects: [] });
    expect(sdkTheme({ name: 'purple' })).toBe('light');
    expect(sdkLocale('en-US<script>')).toBeUndefined();
    expect(navigationData({ href: '//evil.test/x' })).toBeUndefined();
    expect(navigationData({ href: 'https://evil.test/x' })).toBeUndefined();
    expect(navigationData({ href: '/hosts/esx-01' })).toEqual({ href: '/hosts/esx-01' });
    expect(modalResult({ done: true, state: 'PoweredOff', nested: { x: 1 }, f: () => 1 })).toEqual({ done: true, state: 'PoweredOff' });
    expect(modalResult([1, 2])).toBeUndefined();
  });

  it('loads the SDK from its own origin, or from an allowed host only', () => {
    const rules = originRules("'self' http://localhost:4100", 'http://127.0.0.1:3000');
    expect(sdkScriptUrl(new URLSearchParams('host=vsphere'), 'http://127.0.0.1:3000', rules)).toBe('http://127.0.0.1:3000/api/ui/htmlClientSdk.js');
    expect(sdkScriptUrl(new URLSearchParams('host=vsphere&sdkOrigin=http://localhost:4100'), 'http://127.0.0.1:3000', rules)).toBe('http://localhost:4100/api/ui/htmlClientSdk.js');
    expect(sdkScriptUrl(new URLSearchParams('sdkOrigin=http://evil.test'), 'http://127.0.0.1:3000', rules)).toBeUndefined();
    expect(sdkScriptUrl(new URLSearchParams('sdkOrigin=javascript:alert(1)'), 'http://127.0.0.1:3000', rules)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { landingPath, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it.each([
    '/',
    '/namespaces/team-a',
    '/namespaces/team-a/r/virtualmachines.vmoperator.vmware.com/web-vm-1?tab=yaml',
    '/search?q=web%20vm#top',
    '/r/pods?labelSelector=app%3Dweb',
  ])('accepts the relative path %s', (next) => {
    expect(safeNextPath(next)).toBe(next);
  });

  it.each([
    ['an absolute URL', 'https://evil.example'],
    ['an absolute URL with a path', 'https://evil.example/namespaces'],
    ['a protocol-relative URL', '//evil.example'],
    ['a backslash host', '/\\evil.example'],
    ['a backslash later on', '/namespaces\\..\\evil'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
    ['a path without a leading slash', 'namespaces/team-a'],
    ['a tab that the URL parser would drop', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['a leading space', ' /namespaces'],
    ['a NUL byte', '/a\u0000b'],
    ['the login page itself', '/login?next=/'],
    ['an empty string', ''],
    ['a very long path', `/${'a'.repeat(3000)}`],
  ])('refuses %s', (_what, next) => {
    expect(safeNextPath(next)).toBeUndefined();
  });

  it('refuses missing values', () => {
    expect(safeNextPath(null)).toBeUndefined();
    expect(safeNextPath(undefined)).toBeUndefined();
  });
});

describe('landingPath', () => {
  it('honours a safe next for every user', () => {
    expect(landingPath({ next: '/hosts', canListNamespaces: false, usableNamespaces: ['team-a'] })).toBe('/hosts');
  });

  it('ignores an unsafe next', () => {
    expect(landingPath({ next: 'https://evil.example', canListNamespaces: true, usableNamespaces: [] })).toBe('/');
  });

  it('sends users with cluster-wide rights to the Overview', () => {
    expect(landingPath({ next: null, canListNamespaces: true, usableNamespaces: ['team-a'] })).toBe('/');
  });

  it('sends users without cluster-wide rights to the self-service page', () => {
    expect(landingPath({ next: null, canListNamespaces: false, usableNamespaces: ['team-a', 'team-b'] })).toBe('/self-service');
    expect(landingPath({ next: undefined, canListNamespaces: false, usableNamespaces: [] })).toBe('/self-service');
  });
});

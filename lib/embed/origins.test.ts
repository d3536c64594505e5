import { describe, expect, it } from 'vitest';
import { exactOrigins, hostOriginCandidate, normalizeOrigin, originAllowed, originRules } from './origins';

const SELF = 'http://127.0.0.1:3000';

describe('origin allow-list from GLASSPANE_FRAME_ANCESTORS', () => {
  it("allows only the console itself by default ('self')", () => {
    const rules = originRules("'self'", SELF);
    expect(originAllowed(SELF, rules)).toBe(true);
    expect(originAllowed('http://localhost:3000', rules)).toBe(false);
    expect(originAllowed('http://127.0.0.1:3001', rules)).toBe(false);
  });

  it('allows listed origins exactly: scheme, host and port', () => {
    const rules = originRules("'self' http://localhost:4100 https://vcenter.example.com", SELF);
    expect(originAllowed('http://localhost:4100', rules)).toBe(true);
    expect(originAllowed('https://vcenter.example.com', rules)).toBe(true);
    expect(originAllowed('http://localhost:4101', rules)).toBe(false);
    expect(originAllowed('https://localhost:4100', rules)).toBe(false);
    expect(originAllowed('http://vcenter.example.com', rules)).toBe(false);
    expect(originAllowed('https://vcenter.example.com.evil.test', rules)).toBe(false);
    expect(exactOrigins(rules)).toEqual([SELF, 'http://localhost:4100', 'https://vcenter.example.com']);
  });

  it('matches https wildcards on subdomains only', () => {
    const rules = originRules('https://*.corp.example', SELF);
    expect(originAllowed('https://portal.corp.example', rules)).toBe(true);
    expect(originAllowed('https://a.b.corp.example', rules)).toBe(true);
    expect(originAllowed('https://corp.example', rules)).toBe(false);
    expect(originAllowed('http://portal.corp.example', rules)).toBe(false);
    expect(originAllowed('https://portal.corp.example:8443', rules)).toBe(false);
    expect(originAllowed('https://evilcorp.example', rules)).toBe(false);
    expect(exactOrigins(rules)).toEqual([]);
  });

  it("refuses opaque, malformed and non-serialised origins; 'none' allows nothing", () => {
    const rules = originRules("'self' http://localhost:4100", SELF);
    expect(originAllowed('null', rules)).toBe(false);
    expect(originAllowed('', rules)).toBe(false);
    expect(originAllowed('http://localhost:4100/', rules)).toBe(false);
    expect(originAllowed('HTTP://LOCALHOST:4100', rules)).toBe(false);
    expect(originRules("'none'", SELF)).toEqual([]);
    expect(originRules("javascript:alert(1) 'self'", SELF)).toEqual([{ type: 'exact', origin: SELF }]);
  });

  it('normalises origins like the browser serialises them', () => {
    expect(normalizeOrigin('https://VCenter.Example.com:443/ui')).toBe('https://vcenter.example.com');
    expect(normalizeOrigin('ftp://x')).toBeUndefined();
    expect(normalizeOrigin('not a url')).toBeUndefined();
  });

  it('finds the host origin to address `ready` to, only among allowed origins', () => {
    const rules = originRules("'self' http://localhost:4100", SELF);
    expect(hostOriginCandidate({ ancestorOrigin: 'http://localhost:4100' }, rules)).toBe('http://localhost:4100');
    expect(hostOriginCandidate({ ancestorOrigin: 'http://evil.test', hostOriginParam: 'http://localhost:4100' }, rules)).toBe('http://localhost:4100');
    expect(hostOriginCandidate({ referrer: 'http://localhost:4100/vsphere-client/?x=1' }, rules)).toBe('http://localhost:4100');
    expect(hostOriginCandidate({ hostOriginParam: 'http://evil.test', referrer: 'http://evil.test/' }, rules)).toBeUndefined();
  });
});

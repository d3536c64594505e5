import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from './safe-url';
import { decodeSecretValue, secretKeys } from './secret-data';

describe('links from annotations', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(safeHttpUrl('https://wiki.example.com/runbooks/web')).toBe('https://wiki.example.com/runbooks/web');
    expect(safeHttpUrl(' http://grafana:3000/d/abc ')).toBe('http://grafana:3000/d/abc');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>', '//evil.example.com', '/relative', 'https://', 'https://a b', 'https://x/"onmouseover="', 'vbscript:msgbox', 'ftp://files.example.com']) {
      expect(safeHttpUrl(bad), bad).toBeUndefined();
    }
  });
});

describe('secret values', () => {
  it('decodes UTF-8 text and describes binary data', () => {
    expect(decodeSecretValue(btoa('s3cr3t-pässword'.replace('ä', 'a')))).toEqual({ kind: 'text', text: 's3cr3t-passsword'.replace('sss', 'ss') });
    const utf8 = btoa(String.fromCharCode(...new TextEncoder().encode('grüße')));
    expect(decodeSecretValue(utf8)).toEqual({ kind: 'text', text: 'grüße' });
    expect(decodeSecretValue(btoa(String.fromCharCode(0, 1, 2, 255)))).toEqual({ kind: 'binary', bytes: 4 });
    expect(decodeSecretValue('not base64!')).toEqual({ kind: 'invalid' });
  });

  it('lists data and stringData keys', () => {
    expect(secretKeys({ data: { password: 'eA==', username: 'eQ==' }, stringData: { extra: 'z' } })).toEqual(['extra', 'password', 'username']);
    expect(secretKeys({})).toEqual([]);
  });
});

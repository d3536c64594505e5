import { describe, expect, it } from 'vitest';
import { csrfToken, sameOrigin, verifyCsrf } from './csrf';

const key = Buffer.alloc(32, 7);
const token = csrfToken(key, 'developer', 1700000000);

describe('CSRF defences', () => {
  it('binds the token to the session', () => {
    expect(token).toBe(csrfToken(key, 'developer', 1700000000));
    expect(token).not.toBe(csrfToken(key, 'developer', 1700000001));
    expect(token).not.toBe(csrfToken(key, 'admin', 1700000000));
  });

  it('accepts same-origin requests with the header', () => {
    expect(verifyCsrf(new Headers({ 'sec-fetch-site': 'same-origin', 'x-glasspane-csrf': token }), token)).toEqual({ ok: true });
    expect(verifyCsrf(new Headers({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', 'x-glasspane-csrf': token }), token)).toEqual({ ok: true });
  });

  it('refuses cross-site requests, missing origins and missing or wrong headers', () => {
    expect(sameOrigin(new Headers({ 'sec-fetch-site': 'cross-site' })).ok).toBe(false);
    expect(sameOrigin(new Headers({ origin: 'https://evil.example', host: '127.0.0.1:3000' })).ok).toBe(false);
    expect(sameOrigin(new Headers({ host: '127.0.0.1:3000' })).ok).toBe(false);
    expect(verifyCsrf(new Headers({ 'sec-fetch-site': 'same-origin' }), token).ok).toBe(false);
    expect(verifyCsrf(new Headers({ 'sec-fetch-site': 'same-origin', 'x-glasspane-csrf': `${token}x` }), token).ok).toBe(false);
  });
});

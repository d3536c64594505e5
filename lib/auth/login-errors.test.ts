import { describe, expect, it } from 'vitest';
import { loginErrorMessage } from './login-errors';

describe('loginErrorMessage', () => {
  it('says a rejected token was not accepted, whatever the server says', () => {
    expect(loginErrorMessage(401, 'Unauthorized')).toBe('The API server did not accept this token.');
  });

  it('explains an unreachable API server with the reason', () => {
    expect(loginErrorMessage(503, 'connect ECONNREFUSED 127.0.0.1:6443')).toBe('The API server cannot be reached: connect ECONNREFUSED 127.0.0.1:6443. Try again in a moment.');
  });

  it('covers refused, unavailable, network and unexpected failures', () => {
    expect(loginErrorMessage(403, 'cross-site request refused (Sec-Fetch-Site: cross-site).')).toBe('The console refused the sign-in request: cross-site request refused (Sec-Fetch-Site: cross-site).');
    expect(loginErrorMessage(404, 'One-click sign-in is only available on the embedded supervisor.')).toBe('One-click sign-in is only available on the embedded supervisor.');
    expect(loginErrorMessage(0)).toBe('The console cannot be reached. Check your connection and try again.');
    expect(loginErrorMessage(500, 'boom')).toBe('Sign-in failed (500): boom.');
    expect(loginErrorMessage(400)).toBe('Enter a token.');
  });
});

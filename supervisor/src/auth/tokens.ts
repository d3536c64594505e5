import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { UserInfo } from '../api/types';

/**
 * Bearer-token authentication: a static token table (like --token-auth-file) for the demo users,
 * and ServiceAccount tokens minted by the TokenRequest API as HS256 JWTs signed with a key that
 * never leaves the data directory.
 */
export interface StaticToken {
  token: string;
  user: UserInfo;
}

export interface ServiceAccountClaims {
  iss: string;
  sub: string;
  aud: string[];
  exp: number;
  iat: number;
  nbf: number;
  jti: string;
  'kubernetes.io': { namespace: string; serviceaccount: { name: string; uid: string } };
}

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export class TokenAuthenticator {
  private readonly byToken = new Map<string, UserInfo>();

  constructor(staticTokens: StaticToken[], private readonly signingKey: Buffer, private readonly serviceAccountExists: (ns: string, name: string, uid: string) => boolean) {
    for (const t of staticTokens) this.byToken.set(t.token, t.user);
  }

  /** The user a bearer token stands for, or undefined when it is not valid. */
  authenticate(token: string): UserInfo | undefined {
    const user = this.byToken.get(token);
    if (user) return { ...user, groups: withAuthenticated(user.groups) };
    return this.verifyServiceAccountToken(token);
  }

  issueServiceAccountToken(namespace: string, name: string, uid: string, audiences: string[], expirationSeconds: number, now: Date): { token: string; expiration: Date } {
    const iat = Math.floor(now.getTime() / 1000);
    const claims: ServiceAccountClaims = {
      iss: ISSUER,
      sub: `system:serviceaccount:${namespace}:${name}`,
      aud: audiences.length ? audiences : [ISSUER],
      exp: iat + expirationSeconds,
      iat,
      nbf: iat,
      jti: randomUUID(),
      'kubernetes.io': { namespace, serviceaccount: { name, uid } },
    };
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'supervisor' }));
    const payload = b64url(JSON.stringify(claims));
    const signature = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest('base64url');
    return { token: `${header}.${payload}.${signature}`, expiration: new Date(claims.exp * 1000) };
  }

  private verifyServiceAccountToken(token: string): UserInfo | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest();
    let given: Buffer;
    try {
      given = Buffer.from(signature, 'base64url');
    } catch {
      return undefined;
    }
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let claims: ServiceAccountClaims;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as ServiceAccountClaims;
    } catch {
      return undefined;
    }
    if (claims.exp * 1000 < Date.now()) return undefined;
    const sa = claims['kubernetes.io'];
    if (!sa || !this.serviceAccountExists(sa.namespace, sa.serviceaccount.name, sa.serviceaccount.uid)) return undefined;
    return {
      username: claims.sub,
      uid: sa.serviceaccount.uid,
      groups: ['system:serviceaccounts', `system:serviceaccounts:${sa.namespace}`, 'system:authenticated'],
      extra: { 'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`] },
    };
  }
}

export function withAuthenticated(groups: string[]): string[] {
  return groups.includes('system:authenticated') ? groups : [...groups, 'system:authenticated'];
}

export function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

export const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

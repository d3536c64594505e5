import 'server-only';
import { isStatus } from '../k8s/status';
import { upstreamJson } from './upstream';

/**
 * Who a bearer token belongs to, asked of the API server itself with SelfSubjectReview
 * (authentication.k8s.io/v1), which every authenticated user may create on any cluster.
 */
export type TokenCheck = { ok: true; username: string; groups: string[] } | { ok: false; code: number; message: string };

export async function reviewToken(token: string): Promise<TokenCheck> {
  const { code, body } = await upstreamJson(token, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'SelfSubjectReview',
  });
  if (code === 201 || code === 200) {
    const info = (body as { status?: { userInfo?: { username?: string; groups?: string[] } } }).status?.userInfo;
    if (info?.username) return { ok: true, username: info.username, groups: info.groups ?? [] };
    return { ok: false, code: 502, message: 'the API server did not say who the token belongs to' };
  }
  if (code === 401) return { ok: false, code: 401, message: 'The API server did not accept this token.' };
  return { ok: false, code, message: isStatus(body) ? (body.message ?? `sign-in failed (${code})`) : `sign-in failed (${code})` };
}

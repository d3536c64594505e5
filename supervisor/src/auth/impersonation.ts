import type { IncomingMessage } from 'node:http';
import { errors } from '../api/errors';
import type { UserInfo } from '../api/types';
import type { Attributes, Decision } from './rbac-types';
import { forbiddenError, impersonationAttributes, type ImpersonationTarget } from './rbac-messages';

/**
 * The impersonation filter (apiserver filters/impersonation.go): `Impersonate-User`,
 * `Impersonate-Group`, `Impersonate-Uid` and `Impersonate-Extra-<key>` are honoured only when the
 * caller may `impersonate` each of them; otherwise the request fails with 403.
 */
function headerValues(req: IncomingMessage, name: string): string[] {
  const v = req.headers[name];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean);
}

export function impersonate(req: IncomingMessage, actor: UserInfo, authorize: (a: Attributes) => Decision): UserInfo {
  const users = headerValues(req, 'impersonate-user');
  const groups = headerValues(req, 'impersonate-group');
  const uids = headerValues(req, 'impersonate-uid');
  const extraKeys = Object.keys(req.headers).filter((h) => h.startsWith('impersonate-extra-'));
  if (users.length === 0) {
    if (groups.length || uids.length || extraKeys.length) throw errors.badRequest('requested impersonation is not supported: impersonating groups, uid or extra requires impersonating a user');
    return actor;
  }
  if (users.length > 1 || uids.length > 1) throw errors.badRequest('only one user and one uid may be impersonated');
  const username = users[0]!;
  const targets: ImpersonationTarget[] = [];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(username);
  targets.push(sa ? { kind: 'ServiceAccount', namespace: sa[1]!, name: sa[2]! } : { kind: 'User', name: username });
  for (const g of groups) targets.push({ kind: 'Group', name: g });
  if (uids[0]) targets.push({ kind: 'UID', uid: uids[0] });
  const extra: Record<string, string[]> = {};
  for (const h of extraKeys) {
    const key = decodeURIComponent(h.slice('impersonate-extra-'.length));
    extra[key] = headerValues(req, h);
    for (const value of extra[key]!) targets.push({ kind: 'UserExtra', key, value });
  }
  for (const t of targets) {
    const attrs = impersonationAttributes(actor, t);
    const decision = authorize(attrs);
    if (!decision.allowed) throw forbiddenError(attrs, decision.reason);
  }
  const finalGroups = [...groups];
  if (sa) finalGroups.push('system:serviceaccounts', `system:serviceaccounts:${sa[1]}`);
  if (username !== 'system:anonymous' && !finalGroups.includes('system:authenticated')) finalGroups.push('system:authenticated');
  const user: UserInfo = { username, groups: finalGroups };
  if (uids[0]) user.uid = uids[0];
  if (Object.keys(extra).length) user.extra = extra;
  return user;
}

/**
 * Denial texts exactly as the API server writes them (apiserver
 * `pkg/endpoints/handlers/responsewriters/errors.go` `forbiddenMessage` and `Forbidden`), and the
 * attributes the impersonation filter checks, so kubectl prints what it prints against a cluster.
 */
import { errors, type ApiError } from '../api/errors';
import type { UserInfo } from '../api/types';
import type { Attributes } from './rbac-types';

/** Upstream escapes these before the text goes into a Status message. */
function sanitize(s: string): string {
  return s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * `User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"`,
 * `... at the cluster scope`, or `User "alice" cannot get path "/foo"` for non-resource requests.
 * A non-empty authorizer `reason` is appended after `: `, as upstream does.
 */
export function forbiddenMessage(attrs: Attributes, reason = ''): string {
  const user = JSON.stringify(attrs.user.username);
  let msg: string;
  if (!attrs.resourceRequest) {
    msg = `User ${user} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`;
  } else {
    const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    const what = `User ${user} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)}`;
    msg = attrs.namespace ? `${what} in the namespace ${JSON.stringify(attrs.namespace)}` : `${what} at the cluster scope`;
  }
  msg = sanitize(msg);
  return reason ? `${msg}: ${reason}` : msg;
}

/**
 * The 403 Status for a denied request: `pods "p" is forbidden: User ...` (details carry the
 * resource without subresource, as upstream), or `forbidden: User ... cannot get path "/x"`.
 */
export function forbiddenError(attrs: Attributes, reason = ''): ApiError {
  const msg = forbiddenMessage(attrs, reason);
  if (!attrs.resourceRequest) return errors.forbiddenPath(msg);
  return errors.forbidden({ group: attrs.apiGroup, resource: attrs.resource }, attrs.name, msg);
}

const AUTHENTICATION_GROUP = 'authentication.k8s.io';

/** What an `Impersonate-*` header asks to act as. */
export type ImpersonationTarget =
  | { kind: 'User'; name: string }
  | { kind: 'Group'; name: string }
  | { kind: 'ServiceAccount'; namespace: string; name: string }
  | { kind: 'UID'; uid: string }
  | { kind: 'UserExtra'; key: string; value: string };

/**
 * The `impersonate` check the impersonation filter makes for one target (upstream
 * `pkg/endpoints/filters/impersonation.go`): users/groups/serviceaccounts in the core group
 * (service accounts in their namespace), uids and `userextras/<key>` in authentication.k8s.io.
 * A denial renders as `users "jane" is forbidden: User "bob" cannot impersonate resource "users" ...`.
 */
export function impersonationAttributes(actor: UserInfo, target: ImpersonationTarget): Attributes {
  const base = { user: actor, verb: 'impersonate', resourceRequest: true, apiGroup: '', subresource: '', namespace: '', path: '' };
  switch (target.kind) {
    case 'User':
      return { ...base, resource: 'users', name: target.name };
    case 'Group':
      return { ...base, resource: 'groups', name: target.name };
    case 'ServiceAccount':
      return { ...base, resource: 'serviceaccounts', namespace: target.namespace, name: target.name };
    case 'UID':
      return { ...base, apiGroup: AUTHENTICATION_GROUP, resource: 'uids', name: target.uid };
    case 'UserExtra':
      return { ...base, apiGroup: AUTHENTICATION_GROUP, resource: 'userextras', subresource: target.key, name: target.value };
  }
}

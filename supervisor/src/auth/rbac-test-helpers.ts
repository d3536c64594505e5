/** Builders shared by the RBAC tests: users as authentication produces them, and request attributes. */
import type { UserInfo } from '../api/types';
import type { Attributes } from './rbac-types';

export function authenticated(username: string, ...groups: string[]): UserInfo {
  return { username, groups: [...groups, 'system:authenticated'] };
}

export function serviceAccount(namespace: string, name: string): UserInfo {
  return {
    username: `system:serviceaccount:${namespace}:${name}`,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'],
  };
}

export const anonymous: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

export interface ResourceRequest {
  group?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export function resourceAttrs(user: UserInfo, verb: string, resource: string, r: ResourceRequest = {}): Attributes {
  const subresource = r.subresource ?? '';
  return {
    user,
    verb,
    resourceRequest: true,
    apiGroup: r.group ?? '',
    resource,
    subresource,
    namespace: r.namespace ?? '',
    name: r.name ?? '',
    path: '',
  };
}

export function pathAttrs(user: UserInfo, verb: string, path: string): Attributes {
  return { user, verb, resourceRequest: false, apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path };
}

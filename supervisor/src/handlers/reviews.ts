import { errors } from '../api/errors';
import type { UserInfo } from '../api/types';
import { isObject } from '../api/types';
import { writeJson } from '../http/respond';
import type { Attributes } from '../auth/rbac-types';
import type { ResourceRequest } from './core';
import { readObjectBody } from './write-options';

/**
 * The create-only review kinds: SelfSubjectAccessReview (kubectl auth can-i),
 * SelfSubjectRulesReview (can-i --list), SelfSubjectReview (auth whoami), SubjectAccessReview,
 * LocalSubjectAccessReview and TokenReview. Nothing is stored; the answer comes back as 201.
 */
type Json = Record<string, unknown>;

function attributesFrom(spec: Json, user: UserInfo, forcedNamespace?: string): Attributes {
  const ra = isObject(spec.resourceAttributes) ? spec.resourceAttributes : undefined;
  const nra = isObject(spec.nonResourceAttributes) ? spec.nonResourceAttributes : undefined;
  if (ra) {
    return {
      user,
      verb: String(ra.verb ?? ''),
      resourceRequest: true,
      apiGroup: String(ra.group ?? ''),
      resource: String(ra.resource ?? ''),
      subresource: String(ra.subresource ?? ''),
      namespace: forcedNamespace ?? String(ra.namespace ?? ''),
      name: String(ra.name ?? ''),
      path: '',
    };
  }
  if (nra) return { user, verb: String(nra.verb ?? ''), resourceRequest: false, apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path: String(nra.path ?? '') };
  throw errors.invalid('authorization.k8s.io', 'SelfSubjectAccessReview', '', [{ type: 'FieldValueRequired', message: 'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified', field: 'spec.resourceAttributes' }]);
}

function reviewedUser(spec: Json): UserInfo {
  const groups = Array.isArray(spec.groups) ? spec.groups.map(String) : [];
  const user: UserInfo = { username: String(spec.user ?? ''), groups, uid: typeof spec.uid === 'string' ? spec.uid : undefined };
  if (isObject(spec.extra)) user.extra = spec.extra as Record<string, string[]>;
  return user;
}

export async function handleReview(r: ResourceRequest): Promise<void> {
  const { core, rt, res, user, info } = r;
  const body = await readObjectBody(r.req);
  if (!isObject(body)) throw errors.badRequest('the review must be an object');
  const spec = isObject(body.spec) ? body.spec : {};
  const out: Json = { kind: rt.kind, apiVersion: `${rt.group}/${rt.version}`, metadata: { creationTimestamp: null, ...(isObject(body.metadata) ? body.metadata : {}) }, spec };
  switch (rt.kind) {
    case 'SelfSubjectAccessReview':
    case 'SubjectAccessReview':
    case 'LocalSubjectAccessReview': {
      const subject = rt.kind === 'SelfSubjectAccessReview' ? user : reviewedUser(spec);
      if (rt.kind !== 'SelfSubjectAccessReview' && !subject.username && subject.groups.length === 0) {
        throw errors.invalid(rt.group, rt.kind, '', [{ type: 'FieldValueRequired', message: 'Required value: at least one of user or group must be specified', field: 'spec.user' }]);
      }
      const attrs = attributesFrom(spec, subject, rt.kind === 'LocalSubjectAccessReview' ? info.namespace : undefined);
      const decision = core.authorize(attrs);
      out.status = { allowed: decision.allowed, ...(decision.reason ? { reason: decision.reason } : {}) };
      break;
    }
    case 'SelfSubjectRulesReview': {
      const namespace = String(spec.namespace ?? '');
      out.status = core.rulesFor(user, namespace);
      break;
    }
    case 'SelfSubjectReview':
      out.status = { userInfo: { username: user.username, ...(user.uid ? { uid: user.uid } : {}), groups: user.groups, ...(user.extra ? { extra: user.extra } : {}) } };
      delete out.spec;
      break;
    case 'TokenReview': {
      const token = typeof spec.token === 'string' ? spec.token : '';
      const found = token ? core.tokens.authenticate(token) : undefined;
      const audiences = Array.isArray(spec.audiences) ? spec.audiences : [];
      out.status = found ? { authenticated: true, user: { username: found.username, uid: found.uid, groups: found.groups, extra: found.extra }, audiences } : { authenticated: false, error: 'invalid bearer token' };
      break;
    }
    default:
      throw errors.methodNotAllowed();
  }
  writeJson(res, 201, out);
}

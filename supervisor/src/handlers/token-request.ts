import { errors } from '../api/errors';
import { isObject } from '../api/types';
import { timestamp } from '../core/metadata';
import { writeJson } from '../http/respond';
import type { ResourceRequest } from './core';
import { readObjectBody } from './write-options';

/** serviceaccounts/token (TokenRequest): mints a signed, expiring token for the service account. */
export async function handleTokenRequest(r: ResourceRequest): Promise<void> {
  const { core, rt, info, req, res } = r;
  const body = await readObjectBody(req);
  const sa = core.objects.getStored(rt, info.namespace, info.pathName);
  if (!sa) throw errors.notFound(rt, info.pathName);
  const spec = isObject(body) && isObject(body.spec) ? body.spec : {};
  const audiences = Array.isArray(spec.audiences) ? spec.audiences.map(String) : [];
  const requested = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : 3600;
  if (requested < 600) {
    throw errors.invalid('authentication.k8s.io', 'TokenRequest', info.pathName, [{ type: 'FieldValueInvalid', message: `Invalid value: ${requested}: may not specify a duration less than 10 minutes`, field: 'spec.expirationSeconds' }]);
  }
  const expirationSeconds = Math.min(requested, 48 * 3600);
  const now = core.objects.now();
  const { token, expiration } = core.tokens.issueServiceAccountToken(info.namespace, info.pathName, sa.obj.metadata.uid ?? '', audiences, expirationSeconds, now);
  writeJson(res, 201, {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: info.pathName, namespace: info.namespace, creationTimestamp: null },
    spec: { audiences: audiences.length ? audiences : ['https://kubernetes.default.svc.cluster.local'], expirationSeconds, boundObjectRef: isObject(spec.boundObjectRef) ? spec.boundObjectRef : null },
    status: { token, expirationTimestamp: timestamp(expiration) },
  });
}

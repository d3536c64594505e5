import type { IncomingMessage } from 'node:http';
import { errors } from '../api/errors';
import type { UserInfo } from '../api/types';
import type { FieldValidation, WriteOptions } from '../core/objects';
import { decodeStructured, mediaType, readBody } from '../http/body';
import { decodeKubernetesProtobuf, isKubernetesProtobuf } from '../protobuf';

/** Query parameters and bodies shared by create, update, patch and delete. */
export function writeOptions(req: IncomingMessage, query: URLSearchParams, user: UserInfo, subresource?: string): WriteOptions {
  const dryRun = query.getAll('dryRun');
  for (const d of dryRun) {
    if (d !== 'All') {
      throw errors.invalid('meta.k8s.io', 'CreateOptions', '', [{ type: 'FieldValueNotSupported', message: `Unsupported value: "${d}": supported values: "All"`, field: 'dryRun' }]);
    }
  }
  const fv = query.get('fieldValidation') ?? 'Warn';
  const valid: FieldValidation[] = ['Strict', 'Warn', 'Ignore'];
  if (!valid.includes(fv as FieldValidation)) {
    throw errors.invalid('meta.k8s.io', 'CreateOptions', '', [{ type: 'FieldValueNotSupported', message: `Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`, field: 'fieldValidation' }]);
  }
  const fieldManager = query.get('fieldManager') ?? managerFromUserAgent(req.headers['user-agent']);
  if (fieldManager.length > 128) {
    throw errors.invalid('meta.k8s.io', 'CreateOptions', '', [{ type: 'FieldValueTooLong', message: 'Too long: must have at most 128 bytes', field: 'fieldManager' }]);
  }
  return { user, dryRun: dryRun.length > 0, fieldManager, fieldValidation: fv as FieldValidation, subresource };
}

/** apiserver's managerOrUserAgent: the user agent up to its first '/'. */
export function managerFromUserAgent(ua: string | undefined): string {
  if (!ua) return 'unknown';
  const slash = ua.indexOf('/');
  return (slash >= 0 ? ua.slice(0, slash) : ua).slice(0, 128) || 'unknown';
}

/** Reads and decodes a create/update body (JSON, YAML or Kubernetes protobuf). */
export async function readObjectBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  const type = mediaType(req.headers['content-type']);
  if (isKubernetesProtobuf(req.headers['content-type'])) return decodeKubernetesProtobuf(body).object;
  if (['application/json', 'application/yaml', 'application/x-yaml', 'text/yaml', ''].includes(type)) {
    if (body.length === 0) throw errors.badRequest('the request body is empty');
    return decodeStructured(body, type);
  }
  throw errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
}

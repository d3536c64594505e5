import { DEF, schemaRef } from './definition-names';
import { DELETE_COLLECTION_PARAMETERS, DELETE_PARAMETERS, LIST_PARAMETERS, PATCH_PARAMETERS, WRITE_PARAMETERS } from './parameters';
import type { GroupVersionKindRef, MediaTypeObject, OpenAPIOperation, OpenAPIParameter, OpenAPIResponse } from './types';

/**
 * Factories for the operations of one kind, in the shape upstream's apiserver serves them:
 * every operation carries `x-kubernetes-action` and a single-object `x-kubernetes-group-version-kind`.
 */

/** What every operation of one resource (or subresource) shares. */
export interface OperationContext {
  /** Operation-id infix: "AppsV1", "CoreV1", "StableExampleComV1". */
  idPrefix: string;
  tag: string;
  gvk: GroupVersionKindRef;
  /** Built-in kinds are also served as protobuf; custom resources are not. */
  protobuf: boolean;
}

export const PATCH_CONTENT_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
] as const;

export function refSchema(name: string): MediaTypeObject {
  return { schema: { $ref: schemaRef(name) } };
}

export function content(name: string, protobuf: boolean, extra: string[] = []): Record<string, MediaTypeObject> {
  const media = refSchema(name);
  const types = ['application/json', ...extra, 'application/yaml', ...(protobuf ? ['application/vnd.kubernetes.protobuf'] : [])];
  return Object.fromEntries(types.map((t) => [t, media]));
}

function responses(codes: Record<string, string>, body: Record<string, MediaTypeObject>): Record<string, OpenAPIResponse> {
  return Object.fromEntries(Object.entries(codes).map(([code, description]) => [code, { description, content: body }]));
}

const OK = { '200': 'OK' };
const WRITE_CODES = { '200': 'OK', '201': 'Created', '202': 'Accepted' };

export interface OperationSpec {
  ctx: OperationContext;
  /** Kube verb as used in operation ids: list, read, create, replace, patch, delete, deletecollection. */
  verb: 'list' | 'read' | 'create' | 'replace' | 'patch' | 'delete' | 'deletecollection';
  /** "Namespaced" or "" for cluster-scoped / all-namespaces. */
  scope: string;
  /** The kind part of the id and description: "Deployment", or "DeploymentStatus" for subresources. */
  idSuffix: string;
  description: string;
  /** Component of the request/response body; the list kind for list operations. */
  body: string;
  strategicMergePatch?: boolean;
}

const ACTIONS: Record<OperationSpec['verb'], string> = {
  list: 'list',
  read: 'get',
  create: 'post',
  replace: 'put',
  patch: 'patch',
  delete: 'delete',
  deletecollection: 'deletecollection',
};

function base(spec: OperationSpec, id: string, parameters: OpenAPIParameter[]): Omit<OpenAPIOperation, 'responses'> {
  const op: Omit<OpenAPIOperation, 'responses'> = {
    description: spec.description,
    operationId: id,
    tags: [spec.ctx.tag],
    'x-kubernetes-action': ACTIONS[spec.verb],
    'x-kubernetes-group-version-kind': spec.ctx.gvk,
  };
  if (parameters.length > 0) op.parameters = parameters;
  return op;
}

/** One standard CRUD operation. */
export function operation(spec: OperationSpec): OpenAPIOperation {
  const { ctx, verb, scope, idSuffix, body } = spec;
  const proto = ctx.protobuf;
  switch (verb) {
    case 'list':
      return {
        ...base(spec, `list${ctx.idPrefix}${scope}${idSuffix}`, LIST_PARAMETERS),
        responses: responses(OK, content(body, proto, ['application/json;stream=watch'])),
      };
    case 'read':
      return { ...base(spec, `read${ctx.idPrefix}${scope}${idSuffix}`, []), responses: responses(OK, content(body, proto)) };
    case 'create':
    case 'replace':
      return {
        ...base(spec, `${verb}${ctx.idPrefix}${scope}${idSuffix}`, WRITE_PARAMETERS),
        requestBody: { content: { 'application/json': refSchema(body) }, required: true },
        responses: responses(verb === 'create' ? WRITE_CODES : { '200': 'OK', '201': 'Created' }, content(body, proto)),
      };
    case 'patch': {
      const types = PATCH_CONTENT_TYPES.filter((t) => spec.strategicMergePatch || t !== 'application/strategic-merge-patch+json');
      const patchBody = refSchema(DEF.patch);
      return {
        ...base(spec, `patch${ctx.idPrefix}${scope}${idSuffix}`, PATCH_PARAMETERS),
        requestBody: { content: Object.fromEntries(types.map((t) => [t, patchBody])), required: true },
        responses: responses({ '200': 'OK', '201': 'Created' }, content(body, proto)),
      };
    }
    case 'delete':
      return {
        ...base(spec, `delete${ctx.idPrefix}${scope}${idSuffix}`, DELETE_PARAMETERS),
        requestBody: { content: { 'application/json': refSchema(DEF.deleteOptions) } },
        responses: responses({ '200': 'OK', '202': 'Accepted' }, content(DEF.status, proto)),
      };
    case 'deletecollection':
      return {
        ...base(spec, `delete${ctx.idPrefix}Collection${scope}${idSuffix}`, DELETE_COLLECTION_PARAMETERS),
        requestBody: { content: { 'application/json': refSchema(DEF.deleteOptions) } },
        responses: responses(OK, content(DEF.status, proto)),
      };
  }
}

/** A GET (or connect) operation whose response is plain text or a stream: pods/log, pods/exec. */
export function textOperation(opts: {
  ctx: OperationContext;
  operationId: string;
  description: string;
  action: 'get' | 'connect';
  parameters: OpenAPIParameter[];
  mediaTypes: string[];
}): OpenAPIOperation {
  const stringBody: MediaTypeObject = { schema: { type: 'string' } };
  const op: OpenAPIOperation = {
    description: opts.description,
    operationId: opts.operationId,
    tags: [opts.ctx.tag],
    responses: { '200': { description: 'OK', content: Object.fromEntries(opts.mediaTypes.map((t) => [t, stringBody])) } },
    'x-kubernetes-action': opts.action,
    'x-kubernetes-group-version-kind': opts.ctx.gvk,
  };
  if (opts.parameters.length > 0) op.parameters = opts.parameters;
  return op;
}

/** "apps" → "AppsV1"-style infix; "" → "Core"; "stable.example.com" → "StableExampleCom". */
export function groupIdentifier(group: string): string {
  if (group === '') return 'Core';
  const trimmed = group.endsWith('.k8s.io') ? group.slice(0, -'.k8s.io'.length) : group;
  return trimmed
    .split(/[.-]/)
    .filter((s) => s.length > 0)
    .map((s) => s[0]!.toUpperCase() + s.slice(1))
    .join('');
}

export function versionIdentifier(version: string): string {
  return version[0]!.toUpperCase() + version.slice(1);
}

export function tagFor(group: string, version: string): string {
  const id = groupIdentifier(group);
  return `${id[0]!.toLowerCase()}${id.slice(1)}_${version}`;
}

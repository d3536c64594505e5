import { operation, textOperation, type OperationContext } from './operations';
import { nameParameter, namespaceParameter, QUERY_PARAMETERS } from './parameters';
import { CONNECT_MEDIA_TYPES, SUBRESOURCES, subresourceIdentifier, type SubresourceSpec } from './subresources';
import type { OpenAPIOperation, OpenAPIPathItem, OpenAPIResource } from './types';

/** A resource with its component names resolved (see group-version-document.ts). */
export interface ResolvedResource {
  res: OpenAPIResource;
  kindDef: string;
  listDef: string;
  strategicMergePatch: boolean;
  ctx: OperationContext;
}

export function apiPrefix(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/**
 * The paths of one resource: the collection (namespaced, plus the all-namespaces list), the item,
 * and one path per known subresource. Which operations exist follows `res.verbs`.
 */
export function resourcePaths(r: ResolvedResource): Record<string, OpenAPIPathItem> {
  const { res, ctx, kindDef, listDef } = r;
  const verbs = new Set(res.verbs);
  const prefix = apiPrefix(res.group, res.version);
  const scope = res.namespaced ? 'Namespaced' : '';
  const collection = res.namespaced ? `${prefix}/namespaces/{namespace}/${res.resource}` : `${prefix}/${res.resource}`;
  const item = `${collection}/{name}`;
  const scopeParams = res.namespaced ? [namespaceParameter()] : [];
  const kind = res.kind;
  const paths: Record<string, OpenAPIPathItem> = {};
  const common = { ctx, scope, idSuffix: kind };

  const coll: OpenAPIPathItem = { parameters: [...scopeParams, QUERY_PARAMETERS.pretty] };
  if (verbs.has('list')) coll.get = operation({ ...common, verb: 'list', description: `list or watch objects of kind ${kind}`, body: listDef });
  if (verbs.has('create')) coll.post = operation({ ...common, verb: 'create', description: `create ${article(kind)} ${kind}`, body: kindDef });
  if (verbs.has('deletecollection')) {
    coll.delete = operation({ ...common, verb: 'deletecollection', description: `delete collection of ${kind}`, body: kindDef });
  }
  if (hasOperations(coll)) paths[collection] = coll;

  if (res.namespaced && verbs.has('list')) {
    paths[`${prefix}/${res.resource}`] = {
      parameters: [QUERY_PARAMETERS.pretty],
      get: operation({ ...common, scope: '', idSuffix: `${kind}ForAllNamespaces`, verb: 'list', description: `list or watch objects of kind ${kind}`, body: listDef }),
    };
  }

  const itemParams = [nameParameter(`name of the ${kind}`), ...scopeParams, QUERY_PARAMETERS.pretty];
  const it: OpenAPIPathItem = { parameters: itemParams };
  if (verbs.has('get')) it.get = operation({ ...common, verb: 'read', description: `read the specified ${kind}`, body: kindDef });
  if (verbs.has('update')) it.put = operation({ ...common, verb: 'replace', description: `replace the specified ${kind}`, body: kindDef });
  if (verbs.has('patch')) {
    it.patch = operation({ ...common, verb: 'patch', description: `partially update the specified ${kind}`, body: kindDef, strategicMergePatch: r.strategicMergePatch });
  }
  if (verbs.has('delete')) it.delete = operation({ ...common, verb: 'delete', description: `delete ${article(kind)} ${kind}`, body: kindDef });
  if (hasOperations(it)) paths[item] = it;

  for (const name of res.subresources) {
    const spec = SUBRESOURCES[name];
    if (!spec) continue;
    paths[`${item}/${name}`] = { parameters: [nameParameter(`name of the ${spec.type === 'create' ? spec.body.gvk.kind : kind}`), ...scopeParams, QUERY_PARAMETERS.pretty], ...subresourceOperations(r, name, spec) };
  }
  return paths;
}

function subresourceOperations(r: ResolvedResource, name: string, spec: SubresourceSpec): Partial<Record<'get' | 'put' | 'patch' | 'post', OpenAPIOperation>> {
  const { res, kindDef } = r;
  const scope = res.namespaced ? 'Namespaced' : '';
  const idSuffix = res.kind + subresourceIdentifier(name);
  switch (spec.type) {
    case 'object': {
      const fixed = spec.body === 'self' ? undefined : spec.body;
      const ctx = fixed ? { ...r.ctx, gvk: fixed.gvk } : r.ctx;
      const body = fixed ? fixed.def : kindDef;
      const common = { ctx, scope, idSuffix, body };
      const ops: Partial<Record<'get' | 'put' | 'patch', OpenAPIOperation>> = {};
      if (spec.verbs.includes('read')) ops.get = operation({ ...common, verb: 'read', description: `read ${name} of the specified ${res.kind}` });
      if (spec.verbs.includes('replace')) ops.put = operation({ ...common, verb: 'replace', description: `replace ${name} of the specified ${res.kind}` });
      if (spec.verbs.includes('patch')) {
        ops.patch = operation({ ...common, verb: 'patch', description: `partially update ${name} of the specified ${res.kind}`, strategicMergePatch: r.strategicMergePatch });
      }
      return ops;
    }
    case 'create':
      return {
        post: operation({ ctx: { ...r.ctx, gvk: spec.body.gvk }, scope, idSuffix, verb: 'create', body: spec.body.def, description: `create ${name} of ${article(res.kind)} ${res.kind}` }),
      };
    case 'text':
      return {
        get: textOperation({
          ctx: r.ctx,
          operationId: `read${r.ctx.idPrefix}${scope}${idSuffix}`,
          description: `${spec.description} ${res.kind}`,
          action: 'get',
          parameters: spec.parameters,
          mediaTypes: spec.mediaTypes,
        }),
      };
    case 'connect': {
      const ctx = { ...r.ctx, gvk: { group: res.group, version: res.version, kind: spec.optionsKind } };
      const connect = (method: 'Get' | 'Post') =>
        textOperation({
          ctx,
          operationId: `connect${r.ctx.idPrefix}${method}${scope}${idSuffix}`,
          description: `connect ${method.toUpperCase()} requests to ${name} of ${res.kind}`,
          action: 'connect',
          parameters: spec.parameters,
          mediaTypes: CONNECT_MEDIA_TYPES,
        });
      return { get: connect('Get'), post: connect('Post') };
    }
  }
}

function hasOperations(item: OpenAPIPathItem): boolean {
  return Boolean(item.get || item.put || item.post || item.patch || item.delete);
}

function article(kind: string): string {
  return /^[AEIOU]/.test(kind) ? 'an' : 'a';
}

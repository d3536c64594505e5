/**
 * Classifies a request path like apiserver's requestinfo.go: resource requests under /api and
 * /apis get verb, group, version, namespace, resource, name and subresource; everything else is
 * a non-resource request whose verb is the lowercased HTTP method.
 */
export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  verb: string;
  apiPrefix: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  /** The name used for authorization: the path's, or a list/watch's `metadata.name=` field selector. */
  name: string;
  /** The object name from the path only (empty for collections). */
  pathName: string;
  /** Extra path segments after the subresource (only pods/proxy-like paths have them). */
  rest: string[];
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

function splitPath(path: string): string[] {
  return path.split('/').filter((p) => p !== '').map((p) => decodeURIComponent(p));
}

export function requestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const info: RequestInfo = { isResourceRequest: false, path, verb: method.toLowerCase(), apiPrefix: '', apiGroup: '', apiVersion: '', namespace: '', resource: '', subresource: '', name: '', pathName: '', rest: [] };
  let parts: string[];
  try {
    parts = splitPath(path);
  } catch {
    return info;
  }
  if (parts[0] !== 'api' && parts[0] !== 'apis') return info;
  info.apiPrefix = parts[0];
  parts = parts.slice(1);
  if (info.apiPrefix === 'apis') {
    if (parts.length < 3) return info;
    info.apiGroup = parts[0]!;
    parts = parts.slice(1);
  } else if (parts.length < 2) {
    return info;
  }
  info.apiVersion = parts[0]!;
  parts = parts.slice(1);
  info.isResourceRequest = true;

  const watchParam = query.get('watch');
  const isWatch = watchParam === 'true' || watchParam === '1';
  let legacyWatch = false;
  if (parts[0] === 'watch') {
    legacyWatch = true;
    parts = parts.slice(1);
  }
  switch (method) {
    case 'POST': info.verb = 'create'; break;
    case 'GET': case 'HEAD': info.verb = 'get'; break;
    case 'PUT': info.verb = 'update'; break;
    case 'PATCH': info.verb = 'patch'; break;
    case 'DELETE': info.verb = 'delete'; break;
    default: info.verb = ''; break;
  }
  if (parts[0] === 'namespaces') {
    if (parts.length > 1) {
      info.namespace = parts[1]!;
      if (parts.length > 2 && !NAMESPACE_SUBRESOURCES.has(parts[2]!)) parts = parts.slice(2);
    }
  }
  info.resource = parts[0] ?? '';
  info.name = parts[1] ?? '';
  info.pathName = info.name;
  info.subresource = parts[2] ?? '';
  info.rest = parts.slice(3);

  if (!info.name && info.verb === 'get') info.verb = isWatch || legacyWatch ? 'watch' : 'list';
  else if (legacyWatch) info.verb = 'watch';
  if (!info.name && info.verb === 'delete') info.verb = 'deletecollection';
  if (info.verb === 'get' && isWatch) info.verb = 'watch';

  if ((info.verb === 'list' || info.verb === 'watch') && !info.name) {
    const fs = query.get('fieldSelector');
    const m = fs ? /^metadata\.name==?([^,]+)$/.exec(fs) : null;
    if (m) info.name = m[1]!;
  }
  return info;
}

/** True when the request is a watch, whether by `watch=true` or the legacy /watch/ path. */
export function isWatchRequest(info: RequestInfo): boolean {
  return info.verb === 'watch';
}

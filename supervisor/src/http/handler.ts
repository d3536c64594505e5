import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/errors';
import type { UserInfo } from '../api/types';
import { ANONYMOUS } from '../auth/tokens';
import { impersonate } from '../auth/impersonation';
import type { Core } from '../handlers/core';
import { handleResource } from '../handlers/resources';
import { Discovery, wantsAggregated } from '../handlers/discovery';
import { requestInfo } from './request-info';
import { writeError, writeJson, writeText } from './respond';

/**
 * The request pipeline, in apiserver's filter order: authentication (bearer token; anonymous
 * only reaches what RBAC grants system:unauthenticated, everything else is 401), impersonation,
 * request info, authorization (403), then non-resource routes or the resource handlers.
 */
const HEALTH = new Set(['/healthz', '/livez', '/readyz']);

export function createHandler(core: Core, serverAddress: () => string): (req: IncomingMessage, res: ServerResponse) => void {
  const discovery = new Discovery(core.registry, serverAddress);
  return (req, res) => {
    handle(core, discovery, req, res).catch((e: unknown) => writeError(res, e));
  };
}

function authenticate(core: Core, req: IncomingMessage): UserInfo | undefined {
  const header = req.headers.authorization;
  if (!header) return ANONYMOUS;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) return undefined;
  return core.tokens.authenticate(m[1]!);
}

async function handle(core: Core, discovery: Discovery, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'https://supervisor.invalid');
  const method = req.method ?? 'GET';
  const authenticated = authenticate(core, req);
  if (!authenticated) throw errors.unauthorized();
  const user = impersonate(req, authenticated, (a) => core.authorize(a));
  const info = requestInfo(method, url.pathname, url.searchParams);
  const attrs = { user, verb: info.verb, resourceRequest: info.isResourceRequest, apiGroup: info.apiGroup, resource: info.resource, subresource: info.subresource, namespace: info.namespace, name: info.name, path: url.pathname };
  const decision = core.authorize(attrs);
  if (!decision.allowed) {
    if (user.username === ANONYMOUS.username) throw errors.unauthorized();
    const message = core.forbiddenMessage(attrs);
    if (!info.isResourceRequest) throw errors.forbiddenPath(message);
    throw errors.forbidden({ group: info.apiGroup, resource: info.resource }, info.name, message);
  }
  if (log(core)) process.stdout.write(`${method} ${url.pathname}${url.search} ${user.username}\n`);

  if (info.isResourceRequest) {
    const rt = core.registry.lookup(info.apiGroup, info.apiVersion, info.resource);
    if (!rt) throw errors.pathNotFound();
    await handleResource({ core, req, res, url, info, rt, user });
    return;
  }
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (HEALTH.has(path) || path.startsWith('/healthz/') || path.startsWith('/livez/') || path.startsWith('/readyz/')) return writeText(res, 200, 'ok');
  if (path === '/version') return writeJson(res, 200, core.version);
  const extra = core.extraRoutes.get(path) ?? [...core.extraRoutes.entries()].find(([prefix]) => prefix.endsWith('/*') && path.startsWith(prefix.slice(0, -1)))?.[1];
  if (extra) return extra(req, res, url, user);
  const parts = path.split('/').filter(Boolean);
  if (method !== 'GET' && method !== 'HEAD') throw errors.pathNotFound();
  const aggregated = wantsAggregated(req.headers.accept);
  if (path === '/api') {
    if (aggregated) return writeJson(res, 200, discovery.aggregated(true, aggregated), {}, `application/json;g=apidiscovery.k8s.io;v=${aggregated};as=APIGroupDiscoveryList`);
    return writeJson(res, 200, discovery.coreVersions());
  }
  if (path === '/apis') {
    if (aggregated) return writeJson(res, 200, discovery.aggregated(false, aggregated), {}, `application/json;g=apidiscovery.k8s.io;v=${aggregated};as=APIGroupDiscoveryList`);
    return writeJson(res, 200, discovery.groupList());
  }
  if (parts[0] === 'api' && parts.length === 2) {
    const body = discovery.resourceList('', parts[1]!);
    if (body) return writeJson(res, 200, body);
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const body = discovery.group(parts[1]!);
    if (body) return writeJson(res, 200, body);
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const body = discovery.resourceList(parts[1]!, parts[2]!);
    if (body) return writeJson(res, 200, body);
  }
  throw errors.pathNotFound();
}

function log(core: Core): boolean {
  return core.config.log === 'debug';
}

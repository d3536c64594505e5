import type { ServerResponse } from 'node:http';
import type { Registry } from '../api/registry';
import type { ResourceType } from '../api/resource-type';
import { errors } from '../api/errors';
import { OpenAPIDocumentCache, buildGroupVersionDocument, buildCustomResourceDocument, buildSwaggerV2, groupVersionPath } from '../openapi';
import type { OpenAPIResource, OpenAPIV3Document } from '../openapi';
import { writeJson } from '../http/respond';
import type { Core } from './core';

/**
 * /openapi/v3 (root with hashed per-group-version URLs, then each document) and /openapi/v2
 * (JSON swagger; an empty gnostic document for protobuf requests, which makes kubectl skip
 * client-side validation of kinds it cannot find rather than fail).
 */
const PROTO_V2 = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

function builtinResource(rt: ResourceType): OpenAPIResource {
  return { group: rt.group, version: rt.version, kind: rt.kind, resource: rt.resource, namespaced: rt.namespaced, verbs: rt.verbs, subresources: rt.subresources };
}

function builders(registry: Registry): Map<string, () => OpenAPIV3Document> {
  const out = new Map<string, () => OpenAPIV3Document>();
  for (const gv of registry.groupVersions()) {
    const custom = gv.resources.filter((rt) => rt.crdName);
    const builtin = gv.resources.filter((rt) => !rt.crdName);
    out.set(groupVersionPath(gv.group, gv.version), () => {
      if (custom.length === 0) return buildGroupVersionDocument({ group: gv.group, version: gv.version, resources: builtin.map(builtinResource) });
      return buildCustomResourceDocument(
        custom.map((rt) => ({ group: rt.group, version: rt.version, kind: rt.kind, listKind: rt.listKind, plural: rt.resource, namespaced: rt.namespaced, schema: rt.schema?.(), subresources: { status: rt.statusSubresource ? {} : undefined, scale: rt.scale } })),
      );
    });
  }
  return out;
}

export function registerOpenApiRoutes(core: Core): void {
  const cache = new OpenAPIDocumentCache();
  let seen = -1;
  const current = (): Map<string, () => OpenAPIV3Document> => {
    if (seen !== core.registry.version) {
      cache.invalidate();
      seen = core.registry.version;
    }
    return builders(core.registry);
  };
  const send = (res: ServerResponse, json: string, etag?: string): void => writeJson(res, 200, json, etag ? { ETag: `"${etag}"`, 'Cache-Control': 'no-cache, private' } : {});

  core.extraRoutes.set('/openapi/v3', (_req, res) => send(res, JSON.stringify(cache.root(current()))));
  core.extraRoutes.set('/openapi/v3/*', (_req, res, url) => {
    const path = url.pathname.slice('/openapi/v3/'.length);
    const build = current().get(path);
    if (!build) throw errors.pathNotFound();
    const doc = cache.get(path, build);
    send(res, doc.json, doc.hash);
  });
  core.extraRoutes.set('/openapi/v2', (req, res) => {
    if ((req.headers.accept ?? '').includes('protobuf')) {
      res.writeHead(200, { 'Content-Type': PROTO_V2, 'Content-Length': 0 });
      res.end();
      return;
    }
    const docs = [...current()].map(([path, build]) => cache.get(path, build).doc);
    send(res, JSON.stringify(buildSwaggerV2({ documents: docs, version: core.version.gitVersion })));
  });
}

import { createHash } from 'node:crypto';
import type { Registry } from '../api/registry';
import type { ResourceType } from '../api/resource-type';
import { apiVersionOf } from '../api/types';

/**
 * Discovery documents: the legacy APIVersions / APIGroupList / APIResourceList shapes (kubectl
 * 1.20, client-node) and aggregated discovery (apidiscovery.k8s.io/v2, kubectl 1.32), built from
 * the registry and cached until it changes.
 */
interface SubresourceInfo {
  verbs: string[];
  kind: string;
  group?: string;
  version?: string;
}

function subresourceInfo(rt: ResourceType, sub: string): SubresourceInfo {
  switch (sub) {
    case 'status': return { verbs: ['get', 'patch', 'update'], kind: rt.kind };
    case 'scale': return { verbs: ['get', 'patch', 'update'], kind: 'Scale', group: 'autoscaling', version: 'v1' };
    case 'log': return { verbs: ['get'], kind: 'Pod' };
    case 'token': return { verbs: ['create'], kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1' };
    case 'binding': return { verbs: ['create'], kind: 'Binding' };
    case 'eviction': return { verbs: ['create'], kind: 'Eviction', group: 'policy', version: 'v1' };
    case 'finalize': return { verbs: ['update'], kind: 'Namespace' };
    default: return { verbs: ['get'], kind: rt.kind };
  }
}

function storageVersionHash(rt: ResourceType): string {
  return createHash('sha256').update(`${rt.group}/${rt.storageVersion}/${rt.kind}`).digest('base64').slice(0, 11);
}

function apiResources(resources: ResourceType[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const rt of resources) {
    const entry: Record<string, unknown> = { name: rt.resource, singularName: rt.singular, namespaced: rt.namespaced, kind: rt.kind, verbs: rt.verbs };
    if (rt.shortNames.length) entry.shortNames = rt.shortNames;
    if (rt.categories.length) entry.categories = rt.categories;
    if (!rt.virtual) entry.storageVersionHash = storageVersionHash(rt);
    out.push(entry);
    for (const sub of rt.subresources) {
      const info = subresourceInfo(rt, sub);
      const s: Record<string, unknown> = { name: `${rt.resource}/${sub}`, singularName: '', namespaced: rt.namespaced, kind: info.kind, verbs: info.verbs };
      if (info.group) s.group = info.group;
      if (info.version) s.version = info.version;
      out.push(s);
    }
  }
  return out;
}

export class Discovery {
  private cacheVersion = -1;
  private cache = new Map<string, string>();

  constructor(private readonly registry: Registry, private readonly serverAddress: () => string) {}

  private cached(key: string, build: () => unknown): string {
    if (this.cacheVersion !== this.registry.version) {
      this.cache = new Map();
      this.cacheVersion = this.registry.version;
    }
    let v = this.cache.get(key);
    if (v === undefined) {
      v = JSON.stringify(build());
      this.cache.set(key, v);
    }
    return v;
  }

  etag(key: string): string {
    return `"${createHash('sha256').update(this.cached(key, () => null) + this.registry.version).digest('hex').slice(0, 32)}"`;
  }

  coreVersions(): string {
    return this.cached('api', () => ({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.serverAddress() }] }));
  }

  groupList(): string {
    return this.cached('apis', () => ({ kind: 'APIGroupList', apiVersion: 'v1', groups: this.registry.groups().map((g) => this.groupObject(g)) }));
  }

  private groupObject(g: { name: string; versions: string[]; preferred: string }): Record<string, unknown> {
    return {
      name: g.name,
      versions: g.versions.map((v) => ({ groupVersion: `${g.name}/${v}`, version: v })),
      preferredVersion: { groupVersion: `${g.name}/${g.preferred}`, version: g.preferred },
    };
  }

  group(name: string): string | undefined {
    const g = this.registry.groups().find((x) => x.name === name);
    if (!g) return undefined;
    return this.cached(`group:${name}`, () => ({ kind: 'APIGroup', apiVersion: 'v1', ...this.groupObject(g) }));
  }

  resourceList(group: string, version: string): string | undefined {
    const gv = this.registry.groupVersions().find((x) => x.group === group && x.version === version);
    if (!gv) return undefined;
    return this.cached(`rl:${group}/${version}`, () => ({ kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(group, version), resources: apiResources(gv.resources) }));
  }

  /** apidiscovery.k8s.io/v2 APIGroupDiscoveryList for /api (core only) or /apis (the rest). */
  aggregated(core: boolean, version: 'v2' | 'v2beta1'): string {
    return this.cached(`agg:${core}:${version}`, () => {
      const groups = core ? [{ name: '', versions: ['v1'] }] : this.registry.groups();
      const items = groups.map((g) => ({
        metadata: { name: g.name, creationTimestamp: null },
        versions: g.versions.map((v) => {
          const gv = this.registry.groupVersions().find((x) => x.group === g.name && x.version === v)!;
          return {
            version: v,
            freshness: 'Current',
            resources: gv.resources.map((rt) => {
              const r: Record<string, unknown> = {
                resource: rt.resource,
                responseKind: { group: rt.group, version: rt.version, kind: rt.kind },
                scope: rt.namespaced ? 'Namespaced' : 'Cluster',
                singularResource: rt.singular,
                verbs: rt.verbs,
              };
              if (rt.shortNames.length) r.shortNames = rt.shortNames;
              if (rt.categories.length) r.categories = rt.categories;
              if (rt.subresources.length) {
                r.subresources = rt.subresources.map((sub) => {
                  const info = subresourceInfo(rt, sub);
                  return { subresource: sub, responseKind: { group: info.group ?? rt.group, version: info.version ?? rt.version, kind: info.kind }, verbs: info.verbs };
                });
              }
              return r;
            }),
          };
        }),
      }));
      return { kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items };
    });
  }
}

/** Which aggregated discovery version the Accept header asks for, if any. */
export function wantsAggregated(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(',')) {
    const p = part.replace(/\s/g, '');
    if (!p.includes('as=APIGroupDiscoveryList') || !p.includes('g=apidiscovery.k8s.io')) continue;
    if (p.includes('v=v2beta1')) return 'v2beta1';
    if (p.includes('v=v2')) return 'v2';
  }
  return undefined;
}

/**
 * The protobuf schema of the built-in kinds (k8s-descriptors.json, generated from kubectl by
 * supervisor/scripts/extract-k8s-protos.ts), loaded lazily once, and the apiVersion+kind →
 * message lookup.
 */
import fs from 'node:fs';
import protobuf from 'protobufjs';

/** API group → package segment in `k8s.io.api.<segment>.<version>`. */
const GROUP_PACKAGES: Readonly<Record<string, string>> = {
  '': 'core',
  apps: 'apps',
  batch: 'batch',
  autoscaling: 'autoscaling',
  policy: 'policy',
  'rbac.authorization.k8s.io': 'rbac',
  'authorization.k8s.io': 'authorization',
  'authentication.k8s.io': 'authentication',
  'networking.k8s.io': 'networking',
  'scheduling.k8s.io': 'scheduling',
  'coordination.k8s.io': 'coordination',
  'events.k8s.io': 'events',
  'discovery.k8s.io': 'discovery',
  'storage.k8s.io': 'storage',
  'certificates.k8s.io': 'certificates',
};
const META_V1 = 'k8s.io.apimachinery.pkg.apis.meta.v1';
export const UNKNOWN_TYPE = 'k8s.io.apimachinery.pkg.runtime.Unknown';

let root: protobuf.Root | undefined;
/** Only hits are cached, so arbitrary client-sent names cannot grow it. */
const kindCache = new Map<string, protobuf.Type>();

export function schemaRoot(): protobuf.Root {
  if (!root) {
    const json = JSON.parse(fs.readFileSync(new URL('./k8s-descriptors.json', import.meta.url), 'utf8')) as protobuf.INamespace;
    const loaded = protobuf.Root.fromJSON(json);
    loaded.resolveAll();
    root = loaded;
  }
  return root;
}

export function lookupType(fullName: string): protobuf.Type {
  return schemaRoot().lookupType(fullName);
}

function findKind(apiVersion: string, kind: string): protobuf.Type | null {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (!/^v[0-9]+((alpha|beta)[0-9]+)?$/.test(version) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  // metav1.AddToGroupVersion registers DeleteOptions (and the other option kinds) in every group.
  if (kind === 'DeleteOptions' && (group in GROUP_PACKAGES || group === 'meta.k8s.io') && version === 'v1') return lookupType(`${META_V1}.DeleteOptions`);
  const segment = GROUP_PACKAGES[group];
  if (segment === undefined) return null;
  const found = schemaRoot().lookup(`k8s.io.api.${segment}.${version}.${kind}`, protobuf.Type);
  // Only registered kinds (Go structs embedding TypeMeta) may be top-level bodies.
  return found instanceof protobuf.Type && found.options?.kind === true ? found : null;
}

/** The message type of a registered built-in kind, or null when it is not in the schema. */
export function typeForKind(apiVersion: string, kind: string): protobuf.Type | null {
  const key = `${apiVersion}\u0000${kind}`;
  const cached = kindCache.get(key);
  if (cached) return cached;
  const type = findKind(apiVersion, kind);
  if (type) kindCache.set(key, type);
  return type;
}

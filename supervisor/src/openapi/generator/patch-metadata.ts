import type { SchemaNode } from '../schema-node';

/**
 * Patch and merge metadata that client-node's models do not carry, transcribed from the struct
 * tags and markers of k8s.io/api and k8s.io/apimachinery (v0.32):
 *   `patchStrategy:"merge" patchMergeKey:"name"`  → x-kubernetes-patch-strategy / -patch-merge-key
 *   `+listType=map` `+listMapKey=name`              → x-kubernetes-list-type / -list-map-keys
 *   `+structType=atomic` / `+mapType=atomic`        → x-kubernetes-map-type: atomic
 * kubectl apply computes strategic merge patches from these; the server's SMP and server-side
 * apply read the same metadata, so both sides agree. Lists not listed here are atomic, which is
 * also what SMP and SSA assume for a list without metadata. The generator fails if an entry names
 * a component or property that does not exist, so the table cannot silently rot.
 */

type FieldMeta = Pick<
  SchemaNode,
  'x-kubernetes-patch-strategy' | 'x-kubernetes-patch-merge-key' | 'x-kubernetes-list-type' | 'x-kubernetes-list-map-keys' | 'x-kubernetes-map-type'
>;

/** `patchStrategy:"merge" patchMergeKey:key` with `+listType=map` keyed by `mapKeys`. */
function mergeOn(key: string, mapKeys: string[] = [key], strategy = 'merge'): FieldMeta {
  return {
    'x-kubernetes-patch-strategy': strategy,
    'x-kubernetes-patch-merge-key': key,
    'x-kubernetes-list-type': 'map',
    'x-kubernetes-list-map-keys': mapKeys,
  };
}

/** A merge key for SMP on a list that SSA treats as atomic (`+listType=atomic`). */
function mergeOnAtomic(key: string): FieldMeta {
  return { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': key, 'x-kubernetes-list-type': 'atomic' };
}

const SET_MERGE: FieldMeta = { 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-list-type': 'set' };
const SET: FieldMeta = { 'x-kubernetes-list-type': 'set' };
const ATOMIC_MAP: FieldMeta = { 'x-kubernetes-map-type': 'atomic' };
const CONDITIONS = mergeOn('type');

const CORE = 'io.k8s.api.core.v1';
const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';

const containerLists: Record<string, FieldMeta> = {
  ports: mergeOn('containerPort', ['containerPort', 'protocol']),
  env: mergeOn('name'),
  volumeMounts: mergeOn('mountPath'),
  volumeDevices: mergeOn('devicePath'),
};

export const FIELD_METADATA: Record<string, Record<string, FieldMeta>> = {
  [`${META}.ObjectMeta`]: { finalizers: SET_MERGE, ownerReferences: mergeOn('uid') },
  [`${CORE}.PodSpec`]: {
    volumes: mergeOn('name', ['name'], 'merge,retainKeys'),
    initContainers: mergeOn('name'),
    containers: mergeOn('name'),
    ephemeralContainers: mergeOn('name'),
    imagePullSecrets: mergeOn('name'),
    hostAliases: mergeOn('ip'),
    topologySpreadConstraints: mergeOn('topologyKey', ['topologyKey', 'whenUnsatisfiable']),
    resourceClaims: mergeOn('name', ['name'], 'merge,retainKeys'),
    schedulingGates: mergeOn('name'),
    nodeSelector: ATOMIC_MAP,
  },
  [`${CORE}.Container`]: containerLists,
  [`${CORE}.EphemeralContainer`]: containerLists,
  [`${CORE}.PodStatus`]: {
    conditions: CONDITIONS,
    podIPs: mergeOn('ip'),
    hostIPs: mergeOnAtomic('ip'),
    resourceClaimStatuses: mergeOn('name', ['name'], 'merge,retainKeys'),
  },
  [`${CORE}.ResourceRequirements`]: { claims: { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'] } },
  [`${CORE}.ServiceSpec`]: { ports: mergeOn('port', ['port', 'protocol']), selector: ATOMIC_MAP },
  [`${CORE}.ServiceStatus`]: { conditions: CONDITIONS },
  [`${CORE}.ServiceAccount`]: { secrets: mergeOn('name') },
  [`${CORE}.NodeSpec`]: { podCIDRs: SET_MERGE },
  [`${CORE}.NodeStatus`]: { conditions: CONDITIONS, addresses: mergeOn('type') },
  [`${CORE}.NamespaceStatus`]: { conditions: CONDITIONS },
  [`${CORE}.PersistentVolumeClaimStatus`]: { conditions: CONDITIONS },
  'io.k8s.api.apps.v1.DeploymentSpec': { strategy: { 'x-kubernetes-patch-strategy': 'retainKeys' } },
  'io.k8s.api.apps.v1.DeploymentStatus': { conditions: CONDITIONS },
  'io.k8s.api.apps.v1.ReplicaSetStatus': { conditions: CONDITIONS },
  'io.k8s.api.apps.v1.StatefulSetStatus': { conditions: CONDITIONS },
  'io.k8s.api.apps.v1.DaemonSetStatus': { conditions: CONDITIONS },
  'io.k8s.api.batch.v1.JobStatus': { conditions: mergeOnAtomic('type') },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus': { conditions: CONDITIONS },
  'io.k8s.api.policy.v1.PodDisruptionBudgetSpec': { selector: { 'x-kubernetes-patch-strategy': 'replace' } },
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': { conditions: CONDITIONS },
  'io.k8s.api.discovery.v1.Endpoint': { addresses: SET },
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus': {
    conditions: { 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['type'] },
  },
};

/** Structs marked `+structType=atomic`: replaced as a whole by SMP and owned as a unit by SSA. */
export const ATOMIC_STRUCTS: readonly string[] = [
  `${META}.LabelSelector`,
  `${CORE}.ObjectReference`,
  `${CORE}.LocalObjectReference`,
  `${CORE}.TypedLocalObjectReference`,
  `${CORE}.SecretReference`,
  `${CORE}.ConfigMapKeySelector`,
  `${CORE}.SecretKeySelector`,
  `${CORE}.ObjectFieldSelector`,
  `${CORE}.ResourceFieldSelector`,
  `${CORE}.NodeSelector`,
  `${CORE}.NodeSelectorTerm`,
  `${CORE}.TopologySelectorTerm`,
  `${CORE}.TypedObjectReference`,
];

/**
 * Writes patch-metadata.ts onto generated components. Extensions sit on the property node, as
 * upstream puts them; a bare `$ref` property becomes `allOf: [{$ref}]` so the extensions have a
 * node of their own. Unknown components or properties are errors.
 */
export function applyFieldMetadata(schemas: Record<string, SchemaNode>): void {
  for (const [name, fields] of Object.entries(FIELD_METADATA)) {
    const schema = schemas[name];
    if (!schema) throw new Error(`patch-metadata.ts names component ${name}, which was not generated`);
    for (const [field, meta] of Object.entries(fields)) {
      const property = schema.properties?.[field];
      if (!property) throw new Error(`patch-metadata.ts names ${name}.${field}, which does not exist`);
      const node: SchemaNode = property.$ref ? { allOf: [{ $ref: property.$ref }] } : property;
      schema.properties![field] = Object.assign(node, meta);
    }
  }
  for (const name of ATOMIC_STRUCTS) {
    const schema = schemas[name];
    if (!schema) throw new Error(`patch-metadata.ts names atomic struct ${name}, which was not generated`);
    schema['x-kubernetes-map-type'] = 'atomic';
  }
}

import { META_GROUP } from '../definition-names';

/**
 * client-node model names drop the Go package (`V1PodSpec`, `V1DeploymentSpec`), except where
 * two packages define the same type name (`CoreV1Event` / `EventsV1Event`). Upstream component
 * names need the package back. The rules, in order:
 *   1. a group prefix in the model name (`RbacV1Subject`) names the package;
 *   2. apimachinery's meta/v1 types are listed below;
 *   3. core/v1 types that no core kind reaches are listed below;
 *   4. otherwise a type belongs to the group of the first kind that reaches it, with core kinds
 *      walked first (a Deployment's PodTemplateSpec is reached from core's PodTemplate first).
 * The generator prints every non-core assignment so a reviewer can check rule 4.
 */

const META_MODELS = new Set([
  'V1ObjectMeta',
  'V1ListMeta',
  'V1LabelSelector',
  'V1LabelSelectorRequirement',
  'V1OwnerReference',
  'V1ManagedFieldsEntry',
  'V1Condition',
  'V1Status',
  'V1StatusDetails',
  'V1StatusCause',
  'V1DeleteOptions',
  'V1Preconditions',
  'V1WatchEvent',
  'V1APIResource',
  'V1APIResourceList',
  'V1APIGroup',
  'V1APIGroupList',
  'V1APIVersions',
  'V1GroupVersionForDiscovery',
  'V1ServerAddressByClientCIDR',
  'V1FieldSelectorRequirement',
]);

/** core/v1 types used only by other groups' kinds (StorageClass.allowedTopologies). */
const CORE_ONLY_REACHED_ELSEWHERE = new Set(['V1TopologySelectorTerm', 'V1TopologySelectorLabelRequirement']);

const PREFIX_GROUPS: Record<string, string> = {
  Core: '',
  Events: 'events.k8s.io',
  Rbac: 'rbac.authorization.k8s.io',
  Discovery: 'discovery.k8s.io',
  Apiextensions: 'apiextensions.k8s.io',
  Authentication: 'authentication.k8s.io',
  Storage: 'storage.k8s.io',
  Admissionregistration: 'admissionregistration.k8s.io',
  Apiregistration: 'apiregistration.k8s.io',
  Flowcontrol: 'flowcontrol.apiserver.k8s.io',
  Resource: 'resource.k8s.io',
};

export interface ParsedModelName {
  prefixGroup?: string;
  version: string;
  typeName: string;
}

export function parseModelName(model: string): ParsedModelName {
  const m = /^([A-Z][a-z]+)?(V\d+(?:(?:alpha|beta)\d+)?)([A-Z].*)$/.exec(model);
  if (!m) throw new Error(`unexpected client-node model name ${model}`);
  const [, prefix, version, typeName] = m;
  let prefixGroup: string | undefined;
  if (prefix !== undefined) {
    prefixGroup = PREFIX_GROUPS[prefix];
    if (prefixGroup === undefined) throw new Error(`unknown group prefix in model name ${model}`);
  }
  return { prefixGroup, version: version!.toLowerCase(), typeName: typeName! };
}

/** The group whose package holds `model`, given the group of the kind it was reached from. */
export function modelGroup(model: string, reachedFromGroup: string): string {
  const parsed = parseModelName(model);
  if (parsed.prefixGroup !== undefined) return parsed.prefixGroup;
  if (META_MODELS.has(model)) return META_GROUP;
  if (CORE_ONLY_REACHED_ELSEWHERE.has(model)) return '';
  return reachedFromGroup;
}

/** The client-node model for a kind: the group-prefixed name where client-node had to disambiguate. */
export function modelForKind(group: string, version: string, kind: string, exists: (name: string) => boolean): string {
  const v = version[0]!.toUpperCase() + version.slice(1);
  const prefix = Object.entries(PREFIX_GROUPS).find(([, g]) => g === group)?.[0];
  const candidates = [...(prefix ? [`${prefix}${v}${kind}`] : []), `${v}${kind}`];
  const found = candidates.find(exists);
  if (!found) throw new Error(`no client-node model for ${group}/${version} ${kind} (tried ${candidates.join(', ')})`);
  return found;
}

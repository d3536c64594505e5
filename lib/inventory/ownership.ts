import type { KubeObject } from '../k8s/types';

/**
 * Who controls an object, as a key comparable with `objectKey`: `<group>/<Kind>/<name>` within
 * one namespace. Pods of a Deployment are controlled by a ReplicaSet, which the tree does not
 * show; the ReplicaSet's name is the Deployment's name plus `-<pod-template-hash>`, so the
 * Deployment is found without listing ReplicaSets.
 */
export function kindKey(group: string, kind: string, name: string): string {
  return `${group}/${kind}/${name}`;
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function controllerKey(obj: KubeObject): string | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0];
  if (!ref) return undefined;
  const group = groupOf(ref.apiVersion);
  if (group === 'apps' && ref.kind === 'ReplicaSet') {
    const hash = obj.metadata.labels?.['pod-template-hash'];
    if (hash && ref.name.endsWith(`-${hash}`)) return kindKey('apps', 'Deployment', ref.name.slice(0, -hash.length - 1));
  }
  return kindKey(group, ref.kind, ref.name);
}

import type { KubeObject, OwnerReference } from '../../../api/types';
import { podFromTemplate } from '../kit/pod-template';
import type { Pod, PodTemplate, StatefulSet, Volume } from '../kit/types';

/**
 * StatefulSet pod identity and storage (stateful_set_utils.go): pods `<set>-<ordinal>` with
 * hostname and subdomain, the labels `statefulset.kubernetes.io/pod-name`,
 * `apps.kubernetes.io/pod-index` and `controller-revision-hash`, one PVC per claim template and
 * ordinal named `<template>-<set>-<ordinal>`, and the claims' owner references that implement
 * `persistentVolumeClaimRetentionPolicy`.
 */
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

export function startOrdinal(set: StatefulSet): number {
  return set.spec.ordinals?.start ?? 0;
}

export function ordinalOf(set: StatefulSet, pod: KubeObject): number | undefined {
  const prefix = `${set.metadata.name}-`;
  const name = pod.metadata.name ?? '';
  if (!name.startsWith(prefix)) return undefined;
  const rest = name.slice(prefix.length);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number(rest) : undefined;
}

export function inOrdinalRange(set: StatefulSet, ordinal: number): boolean {
  const start = startOrdinal(set);
  return ordinal >= start && ordinal < start + (set.spec.replicas ?? 1);
}

export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

export function claimName(templateName: string, set: StatefulSet, ordinal: number): string {
  return `${templateName}-${set.metadata.name}-${ordinal}`;
}

export function podRevision(pod: KubeObject): string | undefined {
  return pod.metadata.labels?.[REVISION_LABEL];
}

/** newVersionedStatefulSetPod: the pod for `ordinal` from `template` (the current or update revision's). */
export function newStatefulSetPod(set: StatefulSet, template: PodTemplate, ordinal: number, revision: string): Pod {
  const name = podName(set, ordinal);
  const pod = podFromTemplate(template, set, { name, labels: { [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [REVISION_LABEL]: revision } });
  const spec = (pod.spec ??= {});
  spec.hostname = name;
  if (set.spec.serviceName) spec.subdomain = set.spec.serviceName;
  const claims = (set.spec.volumeClaimTemplates ?? []).map((t) => t.metadata.name ?? '');
  if (claims.length) {
    const volumes: Volume[] = (spec.volumes ?? []).filter((v) => !claims.includes(v.name));
    for (const c of claims) volumes.push({ name: c, persistentVolumeClaim: { claimName: claimName(c, set, ordinal) } });
    spec.volumes = volumes;
  }
  return pod;
}

/** getPersistentVolumeClaims: the claims of one ordinal, labelled with the set's matchLabels. */
export function claimsFor(set: StatefulSet, ordinal: number): KubeObject[] {
  return (set.spec.volumeClaimTemplates ?? []).map((t) => {
    const claim: KubeObject = JSON.parse(JSON.stringify({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', ...t })) as KubeObject;
    claim.metadata = {
      ...claim.metadata,
      name: claimName(t.metadata.name ?? '', set, ordinal),
      namespace: set.metadata.namespace,
      labels: { ...(t.metadata.labels ?? {}), ...(set.spec.selector?.matchLabels ?? {}) },
    };
    delete claim.status;
    return claim;
  });
}

function plainRef(owner: KubeObject, kind: string): OwnerReference {
  return { apiVersion: kind === 'Pod' ? 'v1' : 'apps/v1', kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '' };
}

/**
 * updateClaimOwnerRefForSetAndPod: whenDeleted=Delete makes the set an owner of its claims
 * (deleted with it); whenScaled=Delete makes a scaled-down pod the owner (deleted with it).
 * Returns the new ownerReferences, or undefined when they stay as they are.
 */
export function retentionOwnerRefs(claim: KubeObject, set: StatefulSet, pod: KubeObject, ordinal: number): OwnerReference[] | undefined {
  const policy = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  const whenDeleted = policy.whenDeleted ?? 'Retain';
  const whenScaled = policy.whenScaled ?? 'Retain';
  const scaledDown = !inOrdinalRange(set, ordinal);
  let refs = [...(claim.metadata.ownerReferences ?? [])];
  const has = (uid: string | undefined): boolean => refs.some((r) => r.uid === uid);
  const add = (owner: KubeObject, kind: string): void => {
    if (!has(owner.metadata.uid)) refs.push(plainRef(owner, kind));
  };
  const remove = (owner: KubeObject): void => {
    refs = refs.filter((r) => r.uid !== owner.metadata.uid);
  };
  if (whenScaled === 'Delete' && scaledDown) {
    remove(set);
    add(pod, 'Pod');
  } else {
    if (whenDeleted === 'Delete') add(set, 'StatefulSet');
    else remove(set);
    remove(pod);
  }
  const before = JSON.stringify(claim.metadata.ownerReferences ?? []);
  return JSON.stringify(refs) === before ? undefined : refs;
}

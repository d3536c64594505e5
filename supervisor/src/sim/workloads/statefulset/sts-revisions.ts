import { stableStringify } from '../../../util/stable-json';
import { computeHash } from '../kit/hash';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import { deepCopy } from '../kit/pod-template';
import { semanticNormal } from '../kit/semantic';
import type { ControllerRevision, PodTemplate, StatefulSet } from '../kit/types';

/**
 * ControllerRevisions of a StatefulSet (pkg/controller/history, stateful_set_utils.go): each
 * holds the pod template as the strategic-merge patch `{"spec":{"template":{...,"$patch":"replace"}}}`,
 * is named `<set>-<hash of that patch>` and numbered; the current and update revisions are named
 * in status and in each pod's `controller-revision-hash` label.
 */
export function revisionPatch(set: StatefulSet): unknown {
  return { spec: { template: { ...deepCopy(set.spec.template), $patch: 'replace' } } };
}

export function revisionName(set: StatefulSet, collisionCount: number | undefined): string {
  return `${(set.metadata.name ?? '').slice(0, 223)}-${computeHash(revisionPatch(set), collisionCount)}`;
}

export function templateOf(revision: ControllerRevision): PodTemplate {
  const data = revision.data as { spec?: { template?: PodTemplate & { $patch?: string } } } | undefined;
  const template = deepCopy(data?.spec?.template ?? {});
  delete (template as { $patch?: string }).$patch;
  return template;
}

export function sameData(a: ControllerRevision, data: unknown): boolean {
  return stableStringify(semanticNormal(a.data) ?? {}) === stableStringify(semanticNormal(data) ?? {});
}

export function newRevision(set: StatefulSet, number: number, collisionCount: number | undefined): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(set, collisionCount),
      namespace: set.metadata.namespace,
      labels: { ...(set.spec.template.metadata?.labels ?? {}) },
      ownerReferences: [controllerRef(set)],
    },
    data: revisionPatch(set),
    revision: number,
  };
}

/** The revisions history may drop: neither current, nor update, nor used by a pod; oldest first, beyond the limit. */
export function revisionsToTruncate(revisions: ControllerRevision[], live: Set<string>, limit: number): ControllerRevision[] {
  const history = revisions.filter((r) => !live.has(r.metadata.name ?? '')).sort((a, b) => a.revision - b.revision);
  return history.slice(0, Math.max(0, history.length - limit));
}

import type { KubeObject } from '../../../api/types';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import type { Pod, PodTemplate } from './types';

/**
 * A pod from a controller's template (controller.GetPodFromTemplate): the template's labels,
 * annotations, finalizers and spec, a controller owner reference, and either a fixed name or
 * `generateName: <owner>-`.
 */
export interface PodFromTemplateOptions {
  name?: string;
  generateName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
}

export function deepCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function podFromTemplate(template: PodTemplate, owner: KubeObject, options: PodFromTemplateOptions = {}): Pod {
  const meta = template.metadata ?? {};
  const labels = { ...(meta.labels ?? {}), ...(options.labels ?? {}) };
  const annotations = { ...(meta.annotations ?? {}), ...(options.annotations ?? {}) };
  const finalizers = [...(meta.finalizers ?? []), ...(options.finalizers ?? [])];
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(options.name ? { name: options.name } : { generateName: options.generateName ?? `${owner.metadata.name}-` }),
      namespace: owner.metadata.namespace,
      labels,
      ownerReferences: [controllerRef(owner)],
    },
    spec: deepCopy(template.spec ?? {}),
  };
  if (Object.keys(annotations).length) pod.metadata.annotations = annotations;
  if (finalizers.length) pod.metadata.finalizers = finalizers;
  return pod;
}

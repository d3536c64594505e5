import { podFromTemplate } from '../kit/pod-template';
import type { Job, Pod } from '../kit/types';
import { COMPLETION_INDEX, TRACKING_FINALIZER } from './job-logic';

/**
 * A Job's pod: the template with the tracking finalizer, `generateName: <job>-`, and for
 * Indexed jobs the completion index as annotation, label, hostname `<job>-<index>` and the
 * JOB_COMPLETION_INDEX variable (job_controller.go / indexed_job_utils.go).
 */
export function jobPod(job: Job, index?: number): Pod {
  const name = job.metadata.name ?? '';
  if (index === undefined) return podFromTemplate(job.spec.template, job, { generateName: `${name}-`, finalizers: [TRACKING_FINALIZER] });
  const pod = podFromTemplate(job.spec.template, job, {
    generateName: `${name}-${index}-`,
    finalizers: [TRACKING_FINALIZER],
    annotations: { [COMPLETION_INDEX]: String(index) },
    labels: { [COMPLETION_INDEX]: String(index) },
  });
  const spec = (pod.spec ??= {});
  spec.hostname = `${name}-${index}`;
  const env = { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } };
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) c.env = [...(c.env ?? []).filter((e) => e.name !== env.name), env];
  return pod;
}

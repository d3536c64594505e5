import type { StatusCause } from '../errors';
import type { Strategy } from '../resource-type';
import type { KubeObject } from '../types';
import { isObject } from '../types';
import { defaultPodSpec, validatePodSpec } from './pod-strategy';

/** Defaulting and validation of apps/v1 and batch/v1 workloads (pkg/apis/apps/v1/defaults.go, batch). */
type Json = Record<string, unknown>;

function template(spec: Json): Json | undefined {
  return isObject(spec.template) ? (spec.template as Json) : undefined;
}

function defaultTemplate(spec: Json): void {
  const t = template(spec);
  if (t && isObject(t.spec)) defaultPodSpec(t.spec as Json);
}

function selectorMatchesTemplate(spec: Json, causes: StatusCause[], required = true): void {
  const selector = spec.selector;
  const labels = (template(spec)?.metadata as Json | undefined)?.labels as Record<string, string> | undefined;
  if (!isObject(selector)) {
    if (required) causes.push({ type: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
    return;
  }
  const matchLabels = (selector.matchLabels ?? {}) as Record<string, string>;
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  if (Object.keys(matchLabels).length === 0 && expressions.length === 0) {
    causes.push({ type: 'FieldValueInvalid', message: 'Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment', field: 'spec.selector' });
    return;
  }
  const mismatch = Object.entries(matchLabels).some(([k, v]) => labels?.[k] !== v);
  if (mismatch) {
    const shown = Object.entries(labels ?? {}).map(([k, v]) => `"${k}":"${v}"`).join(', ');
    causes.push({ type: 'FieldValueInvalid', message: `Invalid value: map[string]string{${shown}}: \`selector\` does not match template \`labels\``, field: 'spec.template.metadata.labels' });
  }
}

function validateReplicas(spec: Json, causes: StatusCause[]): void {
  const r = spec.replicas;
  if (r !== undefined && (typeof r !== 'number' || !Number.isInteger(r) || r < 0)) {
    causes.push({ type: 'FieldValueInvalid', message: `Invalid value: ${JSON.stringify(r)}: must be greater than or equal to 0`, field: 'spec.replicas' });
  }
}

function validateWorkload(obj: KubeObject, selectorRequired = true): StatusCause[] {
  const spec = (obj.spec ?? {}) as Json;
  const causes: StatusCause[] = [];
  validateReplicas(spec, causes);
  selectorMatchesTemplate(spec, causes, selectorRequired);
  const t = template(spec);
  if (!t) causes.push({ type: 'FieldValueRequired', message: 'Required value', field: 'spec.template' });
  else causes.push(...validatePodSpec(t.spec, 'spec.template.spec'));
  return causes;
}

function immutableSelector(obj: KubeObject, old: KubeObject): StatusCause[] {
  const a = JSON.stringify((obj.spec as Json | undefined)?.selector ?? null);
  const b = JSON.stringify((old.spec as Json | undefined)?.selector ?? null);
  return a === b ? [] : [{ type: 'FieldValueInvalid', message: `Invalid value: ${a}: field is immutable`, field: 'spec.selector' }];
}

export const deploymentStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    const strategy = (spec.strategy ??= {}) as Json;
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { maxUnavailable: '25%', maxSurge: '25%' };
    defaultTemplate(spec);
  },
  prepareForUpdate(obj) {
    deploymentStrategy.prepareForCreate!(obj, { user: { username: '', groups: [] }, now: new Date(), dryRun: false });
  },
  validate: (obj) => validateWorkload(obj),
  validateUpdate: (obj, old) => [...validateWorkload(obj), ...immutableSelector(obj, old)],
};

export const replicaSetStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    defaultTemplate(spec);
  },
  prepareForUpdate(obj) {
    defaultTemplate((obj.spec ??= {}) as Json);
  },
  validate: (obj) => validateWorkload(obj),
  validateUpdate: (obj, old) => [...validateWorkload(obj), ...immutableSelector(obj, old)],
};

export const statefulSetStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    spec.revisionHistoryLimit ??= 10;
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { partition: 0 } };
    spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
    defaultTemplate(spec);
  },
  prepareForUpdate(obj) {
    defaultTemplate((obj.spec ??= {}) as Json);
  },
  validate: (obj) => validateWorkload(obj),
  validateUpdate: (obj, old) => [...validateWorkload(obj), ...immutableSelector(obj, old)],
};

export const daemonSetStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.revisionHistoryLimit ??= 10;
    spec.updateStrategy ??= { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } };
    defaultTemplate(spec);
  },
  validate: (obj) => validateWorkload(obj),
};

/** Jobs get a generated selector on the controller-uid label unless manualSelector is set. */
export const jobStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.parallelism ??= 1;
    spec.completions ??= spec.parallelism === 1 ? 1 : spec.completions;
    spec.backoffLimit ??= 6;
    spec.completionMode ??= 'NonIndexed';
    spec.suspend ??= false;
    spec.podReplacementPolicy ??= 'TerminatingOrFailed';
    if (spec.manualSelector !== true) {
      const uid = obj.metadata.uid ?? '';
      const labels = { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': obj.metadata.name ?? '', 'controller-uid': uid, 'job-name': obj.metadata.name ?? '' };
      spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
      const t = (spec.template ??= {}) as Json;
      const meta = (t.metadata ??= {}) as Json;
      meta.labels = { ...((meta.labels as Json | undefined) ?? {}), ...labels };
    }
    const t = template(spec);
    if (t && isObject(t.spec)) {
      const podSpec = t.spec as Json;
      const restart = podSpec.restartPolicy;
      defaultPodSpec(podSpec);
      if (restart === undefined) podSpec.restartPolicy = 'Never';
    }
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes = validateWorkload(obj);
    const restart = (template(spec)?.spec as Json | undefined)?.restartPolicy;
    if (restart === 'Always') causes.push({ type: 'FieldValueNotSupported', message: 'Unsupported value: "Always": supported values: "OnFailure", "Never"', field: 'spec.template.spec.restartPolicy' });
    return causes;
  },
  validateUpdate(obj, old) {
    const a = JSON.stringify((obj.spec as Json | undefined)?.template ?? null);
    const b = JSON.stringify((old.spec as Json | undefined)?.template ?? null);
    return a === b ? [] : [{ type: 'FieldValueInvalid', message: 'Invalid value: field is immutable', field: 'spec.template' }];
  },
};

export const cronJobStrategy: Strategy = {
  prepareForCreate(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.concurrencyPolicy ??= 'Allow';
    spec.suspend ??= false;
    spec.successfulJobsHistoryLimit ??= 3;
    spec.failedJobsHistoryLimit ??= 1;
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    if (typeof spec.schedule !== 'string' || spec.schedule === '') return [{ type: 'FieldValueRequired', message: 'Required value', field: 'spec.schedule' }];
    return [];
  },
};

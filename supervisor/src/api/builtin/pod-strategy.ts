import type { StatusCause } from '../errors';
import type { Strategy } from '../resource-type';
import type { KubeObject } from '../types';
import { isObject } from '../types';

/**
 * Pod defaulting and validation, following the defaults the real API server applies
 * (pkg/apis/core/v1/defaults.go), so `kubectl get pod -o yaml` looks as it does on a cluster.
 */
type Json = Record<string, unknown>;

function defaultContainer(c: Json): void {
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  if (c.imagePullPolicy === undefined) {
    const image = typeof c.image === 'string' ? c.image : '';
    const tag = image.includes('@') ? 'digest' : image.split('/').pop()!.split(':')[1];
    c.imagePullPolicy = tag === undefined || tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  c.resources ??= {};
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isObject(p)) p.protocol ??= 'TCP';
}

export function defaultPodSpec(spec: Json): void {
  for (const list of ['containers', 'initContainers']) {
    const containers = spec[list];
    if (Array.isArray(containers)) for (const c of containers) if (isObject(c)) defaultContainer(c);
  }
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  if (spec.serviceAccountName === undefined && typeof spec.serviceAccount === 'string') spec.serviceAccountName = spec.serviceAccount;
  spec.serviceAccountName ??= 'default';
  spec.serviceAccount ??= spec.serviceAccountName;
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
}

const DEFAULT_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

function validateContainers(spec: Json, path: string, causes: StatusCause[], required: boolean): void {
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) {
    if (required) causes.push({ type: 'FieldValueRequired', message: 'Required value', field: `${path}.containers` });
    return;
  }
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}.containers[${i}]`;
    if (!isObject(c)) {
      causes.push({ type: 'FieldValueInvalid', message: 'Invalid value: must be an object', field: at });
      return;
    }
    if (typeof c.name !== 'string' || c.name === '') causes.push({ type: 'FieldValueRequired', message: 'Required value', field: `${at}.name` });
    else if (names.has(c.name)) causes.push({ type: 'FieldValueDuplicate', message: `Duplicate value: "${c.name}"`, field: `${at}.name` });
    else names.add(c.name);
    if (typeof c.image !== 'string' || c.image.trim() === '') causes.push({ type: 'FieldValueRequired', message: 'Required value', field: `${at}.image` });
  });
}

export function validatePodSpec(spec: unknown, path: string): StatusCause[] {
  const causes: StatusCause[] = [];
  if (!isObject(spec)) return [{ type: 'FieldValueRequired', message: 'Required value', field: path }];
  validateContainers(spec, path, causes, true);
  const rp = spec.restartPolicy;
  if (rp !== undefined && !['Always', 'OnFailure', 'Never'].includes(String(rp))) {
    causes.push({ type: 'FieldValueNotSupported', message: `Unsupported value: "${String(rp)}": supported values: "Always", "OnFailure", "Never"`, field: `${path}.restartPolicy` });
  }
  return causes;
}

export const podStrategy: Strategy = {
  prepareForCreate(obj: KubeObject) {
    const spec = (obj.spec ??= {}) as Json;
    defaultPodSpec(spec);
    const tolerations = (spec.tolerations ??= []) as Json[];
    for (const t of DEFAULT_TOLERATIONS) if (!tolerations.some((x) => x.key === t.key && x.effect === t.effect)) tolerations.push({ ...t });
    obj.status = { phase: 'Pending', qosClass: qosClass(spec) };
  },
  prepareForUpdate(obj: KubeObject) {
    const spec = obj.spec as Json | undefined;
    if (spec) defaultPodSpec(spec);
  },
  validate(obj: KubeObject) {
    return validatePodSpec(obj.spec, 'spec');
  },
  validateUpdate(obj: KubeObject, old: KubeObject) {
    const causes = validatePodSpec(obj.spec, 'spec');
    const strip = (s: unknown): string => {
      if (!isObject(s)) return '';
      const { containers, initContainers, activeDeadlineSeconds: _a, tolerations: _t, ...rest } = s;
      const images = (list: unknown) => (Array.isArray(list) ? list.map((c) => (isObject(c) ? { ...c, image: undefined } : c)) : list);
      return JSON.stringify({ ...rest, containers: images(containers), initContainers: images(initContainers) });
    };
    if (strip(obj.spec) !== strip(old.spec)) {
      causes.push({
        type: 'FieldValueForbidden',
        message: 'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        field: 'spec',
      });
    }
    return causes;
  },
};

/** Kubernetes QoS class from container requests and limits. */
export function qosClass(spec: Json): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).filter(isObject);
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = isObject(c.resources) ? c.resources : {};
    const req = isObject(res.requests) ? res.requests : {};
    const lim = isObject(res.limits) ? res.limits : {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

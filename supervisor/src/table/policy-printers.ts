/**
 * Printers for scheduling and availability policy objects: PodDisruptionBudget (policy/v1),
 * HorizontalPodAutoscaler (autoscaling/v2 and v1), PriorityClass (scheduling.k8s.io/v1) and
 * Lease (coordination.k8s.io/v1), after printers.go.
 */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, int, intOrString, list, nameColumn, quantity, str } from './format';
import { timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

const name = (o: KubeObject): string => str(o.metadata.name);
const age = (o: KubeObject, now: number): string => timestampSince(o.metadata.creationTimestamp, now);
const present = (v: unknown): boolean => v !== undefined && v !== null;

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn(),
  ],
  row(pdb: KubeObject, now: number): TableCell[] {
    const min = at(pdb, 'spec', 'minAvailable');
    const max = at(pdb, 'spec', 'maxUnavailable');
    return [name(pdb), present(min) ? intOrString(min) : 'N/A', present(max) ? intOrString(max) : 'N/A', int(at(pdb, 'status', 'disruptionsAllowed')), age(pdb, now)];
  },
};

/** One `current/target` entry of printers.go `formatHPAMetrics` for an autoscaling/v2 metric. */
function formatMetric(spec: unknown, status: unknown): string {
  const type = str(at(spec, 'type'));
  const sourceKey = { External: 'external', Pods: 'pods', Object: 'object', Resource: 'resource', ContainerResource: 'containerResource' }[type];
  if (sourceKey === undefined) return '<unknown type>';
  const source = at(spec, sourceKey);
  const current = at(status, sourceKey, 'current');
  const target = at(source, 'target');
  const hasCurrent = present(at(status, sourceKey));
  const averageValue = at(target, 'averageValue');
  if (type === 'Pods') return `${hasCurrent ? quantity(at(current, 'averageValue')) : '<unknown>'}/${quantity(averageValue)}`;
  if (type === 'External' || type === 'Object') {
    if (present(averageValue)) {
      const cur = hasCurrent && present(at(current, 'averageValue')) ? quantity(at(current, 'averageValue')) : '<unknown>';
      return `${cur}/${quantity(averageValue)} (avg)`;
    }
    return `${hasCurrent ? quantity(at(current, 'value')) : '<unknown>'}/${quantity(at(target, 'value'))}`;
  }
  const resource = str(at(source, 'name'));
  if (present(averageValue)) return `${resource}: ${hasCurrent ? quantity(at(current, 'averageValue')) : '<unknown>'}/${quantity(averageValue)}`;
  const utilization = at(current, 'averageUtilization');
  const cur = hasCurrent && typeof utilization === 'number' ? `${utilization}%` : '<unknown>';
  const goal = at(target, 'averageUtilization');
  return `${resource}: ${cur}/${typeof goal === 'number' ? `${goal}%` : '<auto>'}`;
}

/** autoscaling/v1 objects carry a single CPU target; shown as the equivalent v2 resource metric. */
function hpaMetrics(hpa: KubeObject): { specs: unknown[]; statuses: unknown[] } {
  const v1Target = at(hpa, 'spec', 'targetCPUUtilizationPercentage');
  if (typeof v1Target === 'number') {
    const current = at(hpa, 'status', 'currentCPUUtilizationPercentage');
    return {
      specs: [{ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: v1Target } } }],
      statuses: typeof current === 'number' ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }] : [],
    };
  }
  return { specs: list(at(hpa, 'spec', 'metrics')), statuses: list(at(hpa, 'status', 'currentMetrics')) };
}

function formatHpaTargets(hpa: KubeObject): string {
  const { specs, statuses } = hpaMetrics(hpa);
  if (specs.length === 0) return '<none>';
  const entries = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  return entries.length > 2 ? `${entries.slice(0, 2).join(', ')} + ${entries.length - 2} more...` : entries.join(', ');
}

export const horizontalPodAutoscalerPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Reference', 'string', 'scaleTargetRef points to the target resource to scale.'),
    column('Targets', 'string', 'metrics contains the specifications for which to use to calculate the desired replica count.'),
    column('MinPods', 'string', 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.'),
    column('MaxPods', 'string', 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.'),
    column('Replicas', 'string', 'currentReplicas is current number of replicas of pods managed by this autoscaler.'),
    ageColumn(),
  ],
  row(hpa: KubeObject, now: number): TableCell[] {
    const ref = at(hpa, 'spec', 'scaleTargetRef');
    const minReplicas = at(hpa, 'spec', 'minReplicas');
    return [
      name(hpa),
      `${str(at(ref, 'kind'))}/${str(at(ref, 'name'))}`,
      formatHpaTargets(hpa),
      typeof minReplicas === 'number' ? String(minReplicas) : '<unset>',
      int(at(hpa, 'spec', 'maxReplicas')),
      int(at(hpa, 'status', 'currentReplicas')),
      age(hpa, now),
    ];
  },
};

export const priorityClassPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Value', 'integer', 'value represents the integer value of this priority class.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.'),
    ageColumn(),
    column('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority.'),
  ],
  row: (pc, now) => [name(pc), int(at(pc, 'value')), at(pc, 'globalDefault') === true, age(pc, now), str(at(pc, 'preemptionPolicy'))],
};

export const leasePrinter: Printer = {
  columns: [nameColumn(), column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'), ageColumn()],
  row: (lease, now) => [name(lease), str(at(lease, 'spec', 'holderIdentity')), age(lease, now)],
};

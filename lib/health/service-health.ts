import { condition, conditionsOf, type KubeObject } from '../k8s/types';
import type { StatusSummary } from '../resources/types';
import { num, str } from '../resources/format';
import { describeCondition, genericStatus } from './conditions';

/**
 * Operator-backed services report readiness in four ways (a Ready condition, a phase string, a
 * health enum, or a job's last condition); one adapter per operator maps them to one health.
 */
export function cnpgClusterStatus(obj: KubeObject): StatusSummary {
  const phase = str(obj.status?.phase) ?? 'Setting up primary';
  const instances = num(obj.spec?.instances) ?? 1;
  const ready = num(obj.status?.readyInstances) ?? 0;
  const text = `${phase} (${ready}/${instances})`;
  if (condition(obj, 'Ready')?.status === 'True' && ready >= instances) return { health: 'healthy', text };
  if (/fail|error|lost/i.test(phase)) return { health: 'error', text, reasons: [str(obj.status?.phaseReason) ?? phase] };
  return { health: 'progressing', text, reasons: [str(obj.status?.phaseReason) ?? `${ready} of ${instances} instances ready.`] };
}

export function cassandraStatus(obj: KubeObject): StatusSummary {
  const progress = str(obj.status?.cassandraOperatorProgress) ?? 'Updating';
  const ready = condition(obj, 'Ready');
  if (ready?.status === 'True' && progress === 'Ready') return { health: 'healthy', text: 'Ready' };
  const reasons = conditionsOf(obj).filter((c) => c.type === 'Valid' && c.status === 'False').map(describeCondition);
  return { health: reasons.length ? 'error' : 'progressing', text: progress, reasons };
}

export function trainingJobStatus(obj: KubeObject): StatusSummary {
  const conditions = conditionsOf(obj).filter((c) => c.status === 'True');
  const last = conditions[conditions.length - 1];
  if (!last) return { health: 'progressing', text: 'Created' };
  if (last.type === 'Succeeded') return { health: 'healthy', text: 'Succeeded' };
  if (last.type === 'Failed') return { health: 'error', text: 'Failed', reasons: [describeCondition(last)] };
  if (last.type === 'Restarting') return { health: 'warning', text: 'Restarting', reasons: [describeCondition(last)] };
  return { health: 'progressing', text: last.type };
}

export function minioTenantStatus(obj: KubeObject): StatusSummary {
  const health = str(obj.status?.healthStatus);
  const state = str(obj.status?.currentState) ?? 'Provisioning';
  if (health === 'green') return { health: 'healthy', text: state };
  if (health === 'red') return { health: 'error', text: state, reasons: [str(obj.status?.healthMessage) ?? 'The tenant reports red health.'] };
  if (health === 'yellow') return { health: 'warning', text: state, reasons: [str(obj.status?.healthMessage) ?? 'The tenant reports degraded health.'] };
  return { health: 'progressing', text: state };
}

export { genericStatus };

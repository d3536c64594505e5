import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types';
import { cronJobPrinter, jobPrinter } from './batch-printers';
import { horizontalPodAutoscalerPrinter, leasePrinter, podDisruptionBudgetPrinter, priorityClassPrinter } from './policy-printers';
import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './workload-printers';

const now = Date.parse('2025-06-01T12:00:00Z');
const ago = (ms: number): string => new Date(now - ms).toISOString();
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

const template = {
  metadata: { labels: { app: 'web', tier: 'frontend' } },
  spec: {
    containers: [
      { name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
      { name: 'exporter', image: 'nginx/nginx-prometheus-exporter:1.1' },
    ],
  },
};

function obj(apiVersion: string, kind: string, name: string, spec: unknown, status: unknown, meta: Record<string, unknown> = {}): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: 'shop', uid: `uid-${name}`, generation: 4, creationTimestamp: ago(2 * DAY + 3 * 60 * MIN), ...meta }, spec, status };
}

describe('deploymentPrinter', () => {
  it('prints a deployment in the middle of a rollout', () => {
    const d = obj(
      'apps/v1',
      'Deployment',
      'web',
      {
        replicas: 3,
        selector: { matchLabels: { app: 'web', tier: 'frontend' }, matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary', 'beta'] }] },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
        template,
      },
      { observedGeneration: 4, replicas: 4, updatedReplicas: 2, readyReplicas: 3, availableReplicas: 3, unavailableReplicas: 1 },
    );
    expect(deploymentPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(deploymentPrinter.row(d, now)).toEqual([
      'web',
      '3/3',
      2,
      3,
      '2d3h',
      'nginx,exporter',
      'nginx:1.27,nginx/nginx-prometheus-exporter:1.1',
      'app=web,tier=frontend,track notin (beta,canary)',
    ]);
  });

  it('defaults replicas to 1 and counts missing status as zero', () => {
    const d = obj('apps/v1', 'Deployment', 'fresh', { selector: { matchLabels: { app: 'fresh' } }, template }, {}, { creationTimestamp: ago(30_000) });
    expect(deploymentPrinter.row(d, now).slice(0, 5)).toEqual(['fresh', '0/1', 0, 0, '30s']);
  });
});

describe('other pod controllers', () => {
  it('prints replica sets, stateful sets and daemon sets', () => {
    const rs = obj('apps/v1', 'ReplicaSet', 'web-7d4b9c8f5', { replicas: 3, selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f5' } }, template }, { replicas: 3, readyReplicas: 2 });
    expect(replicaSetPrinter.row(rs, now)).toEqual(['web-7d4b9c8f5', 3, 3, 2, '2d3h', 'nginx,exporter', 'nginx:1.27,nginx/nginx-prometheus-exporter:1.1', 'app=web,pod-template-hash=7d4b9c8f5']);

    const sts = obj('apps/v1', 'StatefulSet', 'db', { replicas: 3, serviceName: 'db', selector: { matchLabels: { app: 'db' } }, template }, { replicas: 3, readyReplicas: 2 });
    expect(statefulSetPrinter.row(sts, now)).toEqual(['db', '2/3', '2d3h', 'nginx,exporter', 'nginx:1.27,nginx/nginx-prometheus-exporter:1.1']);

    const ds = obj(
      'apps/v1',
      'DaemonSet',
      'node-exporter',
      { selector: { matchLabels: { app: 'node-exporter' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 3, numberAvailable: 2 },
    );
    expect(daemonSetPrinter.row(ds, now).slice(0, 8)).toEqual(['node-exporter', 3, 3, 2, 3, 2, 'kubernetes.io/os=linux', '2d3h']);
    expect(daemonSetPrinter.row(ds, now)[10]).toBe('app=node-exporter');
  });
});

describe('batch printers', () => {
  const jobSpec = { completions: 1, parallelism: 1, backoffLimit: 6, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'c0ffee' } }, template };

  it('prints a completed job with its run duration', () => {
    const job = obj('batch/v1', 'Job', 'backup-28923450', jobSpec, {
      startTime: ago(10 * MIN),
      completionTime: ago(10 * MIN - 95_000),
      succeeded: 1,
      conditions: [{ type: 'SuccessCriteriaMet', status: 'True' }, { type: 'Complete', status: 'True' }],
    }, { creationTimestamp: ago(10 * MIN) });
    expect(jobPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
    expect(jobPrinter.row(job, now)).toEqual(['backup-28923450', 'Complete', '1/1', '95s', '10m', 'nginx,exporter', 'nginx:1.27,nginx/nginx-prometheus-exporter:1.1', 'batch.kubernetes.io/controller-uid=c0ffee']);
  });

  it('prints running, failed and work-queue jobs', () => {
    const running = obj('batch/v1', 'Job', 'r', { ...jobSpec, completions: 5 }, { startTime: ago(4 * MIN), active: 2, succeeded: 2 });
    expect(jobPrinter.row(running, now).slice(1, 4)).toEqual(['Running', '2/5', '4m']);
    const failed = obj('batch/v1', 'Job', 'f', jobSpec, { startTime: ago(MIN), failed: 7, conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded' }] });
    expect(jobPrinter.row(failed, now)[1]).toBe('Failed');
    const queue = obj('batch/v1', 'Job', 'q', { ...jobSpec, completions: undefined, parallelism: 4 }, { succeeded: 3 });
    expect(jobPrinter.row(queue, now).slice(1, 4)).toEqual(['Running', '3/1 of 4', '']);
  });

  it('prints a cron job', () => {
    const cj = obj(
      'batch/v1',
      'CronJob',
      'backup',
      { schedule: '*/15 * * * *', suspend: false, concurrencyPolicy: 'Forbid', jobTemplate: { spec: jobSpec } },
      { active: [{ kind: 'Job', name: 'backup-28923450', namespace: 'shop' }], lastScheduleTime: ago(7 * MIN) },
    );
    expect(cronJobPrinter.row(cj, now).slice(0, 7)).toEqual(['backup', '*/15 * * * *', '<none>', 'False', 1, '7m', '2d3h']);
  });
});

describe('policy printers', () => {
  it('prints pod disruption budgets with int-or-string bounds', () => {
    const pdb = obj('policy/v1', 'PodDisruptionBudget', 'web', { minAvailable: '50%', selector: { matchLabels: { app: 'web' } } }, { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 });
    expect(podDisruptionBudgetPrinter.row(pdb, now)).toEqual(['web', '50%', 'N/A', 1, '2d3h']);
    const byCount = obj('policy/v1', 'PodDisruptionBudget', 'db', { maxUnavailable: 1 }, {});
    expect(podDisruptionBudgetPrinter.row(byCount, now).slice(1, 4)).toEqual(['N/A', '1', 0]);
  });

  it('prints autoscaler targets for v2 metrics and v1 CPU targets', () => {
    const v2 = obj(
      'autoscaling/v2',
      'HorizontalPodAutoscaler',
      'web',
      {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
          { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } },
          { type: 'Pods', pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '100' } } },
        ],
      },
      { currentReplicas: 3, desiredReplicas: 3, currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 45, averageValue: '90m' } } }] },
    );
    expect(horizontalPodAutoscalerPrinter.row(v2, now)).toEqual(['web', 'Deployment/web', 'cpu: 45%/70%, memory: <unknown>/500Mi + 1 more...', '2', 10, 3, '2d3h']);
    const v1 = obj('autoscaling/v1', 'HorizontalPodAutoscaler', 'api', { scaleTargetRef: { kind: 'Deployment', name: 'api' }, maxReplicas: 5, targetCPUUtilizationPercentage: 80 }, { currentReplicas: 1 });
    expect(horizontalPodAutoscalerPrinter.row(v1, now).slice(1, 6)).toEqual(['Deployment/api', 'cpu: <unknown>/80%', '<unset>', 5, 1]);
  });

  it('prints priority classes and leases', () => {
    const pc: KubeObject = { apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high', creationTimestamp: ago(DAY) }, value: 1000000, globalDefault: false, preemptionPolicy: 'PreemptLowerPriority' };
    expect(priorityClassPrinter.row(pc, now)).toEqual(['high', 1000000, false, '24h', 'PreemptLowerPriority']);
    const lease = obj('coordination.k8s.io/v1', 'Lease', 'kube-scheduler', { holderIdentity: 'cp-1_5c2e', leaseDurationSeconds: 15, renewTime: ago(2_000) }, undefined, { namespace: 'kube-system' });
    expect(leasePrinter.row(lease, now)).toEqual(['kube-scheduler', 'cp-1_5c2e', '2d3h']);
  });
});

import type { KubeObject } from '../../../api/types';
import { SERVICES_NAMESPACE, packageInstallName, serviceNamespace, type SupervisorServiceDef } from './service-def';

/**
 * What installing a Supervisor Service puts in its `svc-<name>-domain-c8` namespace: the
 * namespace itself (labelled with the service ID as the Supervisor's app platform does), the
 * operator's ServiceAccount, its controller Deployment (reconciled into vSphere Pods by the
 * workload controllers) and the Services in front of it. kapp labels what it deploys with the
 * app it belongs to.
 */
export function kappLabels(def: SupervisorServiceDef): Record<string, string> {
  return { 'kapp.k14s.io/app': packageInstallName(def).replace(/[^a-z0-9-]/g, '-'), 'kapp.k14s.io/association': `v1.${def.short}` };
}

export function servicesNamespace(): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: SERVICES_NAMESPACE, labels: { 'vmware-system-supervisor-services': 'true' } } };
}

export function operatorNamespace(def: SupervisorServiceDef): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: serviceNamespace(def),
      labels: { 'appplatform.vmware.com/serviceId': def.id, managedBy: 'vSphere-AppPlatform' },
      annotations: { 'appplatform.vmware.com/service-version': def.version },
    },
  };
}

export function operatorServiceAccount(def: SupervisorServiceDef): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: def.operator.serviceAccount, namespace: serviceNamespace(def), labels: { ...def.operator.labels, ...kappLabels(def) } } };
}

export function operatorDeployment(def: SupervisorServiceDef): KubeObject {
  const o = def.operator;
  const probe = o.probePort ? { livenessProbe: { httpGet: { path: '/healthz', port: o.probePort }, initialDelaySeconds: 15, periodSeconds: 20 }, readinessProbe: { httpGet: { path: '/readyz', port: o.probePort }, initialDelaySeconds: 5, periodSeconds: 10 } } : {};
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: o.deployment, namespace: serviceNamespace(def), labels: { ...o.labels, ...kappLabels(def) } },
    spec: {
      replicas: 1,
      selector: { matchLabels: o.labels },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: {
        metadata: { labels: { ...o.labels, ...kappLabels(def) } },
        spec: {
          serviceAccountName: o.serviceAccount,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          terminationGracePeriodSeconds: 10,
          containers: [
            {
              name: 'manager',
              image: o.image,
              imagePullPolicy: 'IfNotPresent',
              ...(o.command ? { command: o.command } : {}),
              args: o.args,
              ports: o.ports.map((p) => ({ ...p, protocol: 'TCP' })),
              ...(o.env ? { env: o.env } : {}),
              resources: o.resources,
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true },
              ...probe,
            },
          ],
        },
      },
    },
  };
}

export function operatorServices(def: SupervisorServiceDef): KubeObject[] {
  return def.operator.services.map((s) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: s.name, namespace: serviceNamespace(def), labels: { ...def.operator.labels, ...kappLabels(def) } },
    spec: { type: 'ClusterIP', selector: def.operator.labels, ports: s.ports.map((p) => ({ ...p, protocol: 'TCP' })) },
  }));
}

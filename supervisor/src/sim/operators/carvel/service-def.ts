import type { CustomResourceDefinition } from '../../../crd/crd-types';

/**
 * A Supervisor Service as vCenter registers it and the Supervisor installs it: Carvel package
 * metadata (what the catalog shows), one package version (how kapp-controller fetches, templates
 * and deploys it, and the schema of its install values), the values it is installed with, and
 * what that install puts on the Supervisor: the operator's CRDs and its controller Deployment in
 * the service's own `svc-<name>-domain-c<N>` namespace.
 */
export const SERVICES_NAMESPACE = 'vmware-system-supervisor-services';
export const SUPERVISOR_DOMAIN = 'domain-c8';

export interface OperatorWorkload {
  deployment: string;
  serviceAccount: string;
  image: string;
  args: string[];
  command?: string[];
  ports: { name: string; containerPort: number }[];
  labels: Record<string, string>;
  resources: { requests: Record<string, string>; limits: Record<string, string> };
  env?: { name: string; value: string }[];
  /** Services in front of the operator (webhook, metrics). */
  services: { name: string; ports: { name: string; port: number; targetPort: number }[] }[];
  /** Probes on the manager container, as the upstream manifest declares them. */
  probePort?: number;
}

export interface SupervisorServiceDef {
  /** Supervisor Service ID = PackageMetadata name = Package refName. */
  id: string;
  /** `svc-<short>-domain-c8`. */
  short: string;
  version: string;
  releasedAt: string;
  displayName: string;
  shortDescription: string;
  longDescription: string;
  providerName: string;
  maintainers: string[];
  categories: string[];
  supportDescription: string;
  iconSvg: string;
  licenses: string[];
  bundleImage: string;
  valuesSchema: Record<string, unknown>;
  values: Record<string, unknown>;
  operator: OperatorWorkload;
  crds: () => CustomResourceDefinition[];
}

export function serviceNamespace(def: SupervisorServiceDef): string {
  return `svc-${def.short}-${SUPERVISOR_DOMAIN}`;
}

export function packageName(def: SupervisorServiceDef): string {
  return `${def.id}.${def.version}`;
}

export function packageInstallName(def: SupervisorServiceDef): string {
  return `svc-${def.id}`;
}

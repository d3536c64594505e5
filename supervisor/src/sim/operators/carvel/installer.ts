import type { KubeObject } from '../../../api/types';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { ensureApplied, ensureCreated } from '../kit/ensure';
import { installServiceAccount, packageInstall, packageMetadata, packageVersion, valuesSecret } from './catalog-objects';
import { DATA_PACKAGING_V1, PACKAGING_V1, carvelCrds } from './crds';
import { operatorDeployment, operatorNamespace, operatorServiceAccount, operatorServices, servicesNamespace } from './operator-objects';
import { SERVICES_NAMESPACE, type SupervisorServiceDef } from './service-def';

/**
 * Idempotent installation of the Supervisor Services, in the order the platform performs it:
 * CRDs (Carvel's and every operator's), the services namespace and each operator's namespace
 * and workload, then — once the Carvel kinds are served — the catalog (PackageMetadata,
 * Package) and the PackageInstalls. Re-running changes nothing unless a definition changed
 * (an upgrade to a new version rewrites the CRDs, the Deployment and the Package).
 */
const CRD_V1 = 'apiextensions.k8s.io/v1';

export function installCrds(client: SystemClient, defs: SupervisorServiceDef[]): void {
  for (const crd of [...carvelCrds(), ...defs.flatMap((d) => d.crds())]) {
    ensureApplied(client, CRD_V1, 'customresourcedefinitions', crd as KubeObject, ['spec']);
  }
}

export function installOperator(client: SystemClient, def: SupervisorServiceDef): void {
  ensureApplied(client, 'v1', 'namespaces', operatorNamespace(def), []);
  ensureCreated(client, 'v1', 'serviceaccounts', operatorServiceAccount(def));
  ensureApplied(client, 'apps/v1', 'deployments', operatorDeployment(def), ['spec']);
  for (const svc of operatorServices(def)) ensureCreated(client, 'v1', 'services', svc);
}

export function installWorkloads(client: SystemClient, defs: SupervisorServiceDef[]): void {
  ensureCreated(client, 'v1', 'namespaces', servicesNamespace());
  for (const def of defs) installOperator(client, def);
}

export function catalogServed(client: SystemClient): boolean {
  return client.has(DATA_PACKAGING_V1, 'packagemetadatas') && client.has(DATA_PACKAGING_V1, 'packages') && client.has(PACKAGING_V1, 'packageinstalls');
}

/** Lets every authenticated user read the catalog, so any console user can list the services. */
function catalogReaderRbac(client: SystemClient): void {
  ensureCreated(client, 'rbac.authorization.k8s.io/v1', 'roles', {
    metadata: { name: 'supervisor-services-catalog-reader', namespace: SERVICES_NAMESPACE },
    rules: [
      { apiGroups: ['data.packaging.carvel.dev'], resources: ['packagemetadatas', 'packages'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['packaging.carvel.dev'], resources: ['packageinstalls'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  ensureCreated(client, 'rbac.authorization.k8s.io/v1', 'rolebindings', {
    metadata: { name: 'supervisor-services-catalog-reader', namespace: SERVICES_NAMESPACE },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'supervisor-services-catalog-reader' },
    subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: 'system:authenticated' }],
  });
}

/** Returns false while the Carvel kinds are not served yet (the caller retries on CRD events). */
export function installCatalog(client: SystemClient, defs: SupervisorServiceDef[]): boolean {
  if (!catalogServed(client)) return false;
  catalogReaderRbac(client);
  for (const def of defs) {
    ensureApplied(client, DATA_PACKAGING_V1, 'packagemetadatas', packageMetadata(def), ['spec']);
    ensureApplied(client, DATA_PACKAGING_V1, 'packages', packageVersion(def), ['spec']);
    ensureCreated(client, 'v1', 'secrets', valuesSecret(def));
    ensureCreated(client, 'v1', 'serviceaccounts', installServiceAccount(def));
    ensureApplied(client, PACKAGING_V1, 'packageinstalls', packageInstall(def), ['spec']);
  }
  return true;
}

import type { KubeObject } from '../../../api/types';
import { clientFor, type ControllerContext } from '../../../controllers/controller-context';
import { startControllerLoop } from '../kit/controller-loop';
import { writeStatus } from '../kit/ensure';
import { arr, rec, spec, status, str } from '../kit/objects';
import { DATA_PACKAGING_V1, PACKAGING, PACKAGING_V1 } from './crds';
import { installOperator } from './installer';
import { SERVICES_NAMESPACE, packageInstallName, serviceNamespace, type SupervisorServiceDef } from './service-def';

/**
 * kapp-controller's PackageInstall reconciler, reduced to what a Supervisor shows: resolve the
 * referenced Package version, (re)apply the operator's resources, and report `Reconciling`
 * until kapp would consider the deploy done (the operator Deployment available), then
 * `ReconcileSucceeded` with "Reconcile succeeded"; a missing package is `ReconcileFailed`.
 */
const MANAGER = 'kapp-controller';

/** The chosen version: an exact constraint, else the highest version of the package. */
export function resolveVersion(packages: KubeObject[], refName: string, constraints: string): string | undefined {
  const versions = packages.map((p) => spec(p)).filter((s) => s.refName === refName).map((s) => str(s.version)).filter(Boolean);
  if (constraints && versions.includes(constraints)) return constraints;
  const cmp = (a: string, b: string): number => {
    const pa = a.split(/[.+-]/).map((x) => Number(x) || 0);
    const pb = b.split(/[.+-]/).map((x) => Number(x) || 0);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
    return 0;
  };
  return constraints && !/[<>=~^*]/.test(constraints) ? undefined : versions.sort(cmp).at(-1);
}

export function isDeploymentAvailable(d: KubeObject | undefined): boolean {
  if (!d) return false;
  const st = status(d);
  const available = arr(st.conditions).map(rec).find((c) => c.type === 'Available');
  return available ? available.status === 'True' : typeof st.availableReplicas === 'number' && st.availableReplicas >= 1;
}

export function packageInstallStatus(generation: number, version: string | undefined, available: boolean, reconcileFailed?: string): Record<string, unknown> {
  if (reconcileFailed) {
    return { observedGeneration: generation, conditions: [{ type: 'ReconcileFailed', status: 'True', message: reconcileFailed }], friendlyDescription: `Reconcile failed: ${reconcileFailed}`, usefulErrorMessage: reconcileFailed };
  }
  return {
    observedGeneration: generation,
    conditions: [available ? { type: 'ReconcileSucceeded', status: 'True' } : { type: 'Reconciling', status: 'True' }],
    friendlyDescription: available ? 'Reconcile succeeded' : 'Reconciling',
    version,
    lastAttemptedVersion: version,
  };
}

export function startPackageInstallController(ctx: ControllerContext, defs: SupervisorServiceDef[]): void {
  const client = clientFor(ctx, MANAGER);
  const byNamespace = new Map(defs.map((d) => [serviceNamespace(d), d]));
  startControllerLoop(ctx, {
    name: 'packageinstall-controller',
    table: `${PACKAGING}/packageinstalls`,
    ownerKind: 'PackageInstall',
    ownerGroup: PACKAGING,
    childTables: ['apps/deployments'],
    mapChild: (obj) => {
      const def = byNamespace.get(obj.metadata.namespace ?? '');
      return def && obj.metadata.name === def.operator.deployment ? [{ namespace: SERVICES_NAMESPACE, name: packageInstallName(def) }] : [];
    },
    reconcile: (namespace, name) => {
      if (!client.has(PACKAGING_V1, 'packageinstalls')) return { requeueAfter: 2_000 };
      const pkgi = client.get(PACKAGING_V1, 'packageinstalls', namespace, name);
      if (!pkgi || pkgi.metadata.deletionTimestamp) return;
      const ref = rec(spec(pkgi).packageRef);
      const refName = str(ref.refName);
      const version = resolveVersion(client.list(DATA_PACKAGING_V1, 'packages', namespace), refName, str(rec(ref.versionSelection).constraints));
      const def = defs.find((d) => d.id === refName);
      const generation = pkgi.metadata.generation ?? 1;
      if (!version || !def) {
        writeStatus(client, PACKAGING_V1, 'packageinstalls', pkgi, packageInstallStatus(generation, undefined, false, 'Expected to find at least one version, but did not'));
        return;
      }
      installOperator(client, def);
      const deployment = client.get('apps/v1', 'deployments', serviceNamespace(def), def.operator.deployment);
      writeStatus(client, PACKAGING_V1, 'packageinstalls', pkgi, packageInstallStatus(generation, version, isDeploymentAvailable(deployment)));
    },
  });
}

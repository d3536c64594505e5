import { stringify } from 'yaml';
import type { KubeObject } from '../../../api/types';
import { DATA_PACKAGING_V1, PACKAGING_V1 } from './crds';
import { SERVICES_NAMESPACE, packageInstallName, packageName, serviceNamespace, type SupervisorServiceDef } from './service-def';

/**
 * The Carvel objects that make a Supervisor Service visible and installed, in the namespace the
 * Supervisor keeps them in (`vmware-system-supervisor-services`): the PackageMetadata named by
 * the service ID, the Package `<id>.<version>`, the values Secret and the PackageInstall
 * `svc-<id>` that kapp-controller reconciles into the operator's namespace.
 */
const APP_LABELS = { 'appplatform.vmware.com/managed-by': 'vSphere-AppPlatform' };

export function packageMetadata(def: SupervisorServiceDef): KubeObject {
  return {
    apiVersion: DATA_PACKAGING_V1,
    kind: 'PackageMetadata',
    metadata: { name: def.id, namespace: SERVICES_NAMESPACE, labels: APP_LABELS },
    spec: {
      displayName: def.displayName,
      shortDescription: def.shortDescription,
      longDescription: def.longDescription,
      providerName: def.providerName,
      maintainers: def.maintainers.map((name) => ({ name })),
      categories: def.categories,
      iconSVGBase64: Buffer.from(def.iconSvg, 'utf8').toString('base64'),
      supportDescription: def.supportDescription,
    },
  };
}

export function packageVersion(def: SupervisorServiceDef): KubeObject {
  return {
    apiVersion: DATA_PACKAGING_V1,
    kind: 'Package',
    metadata: { name: packageName(def), namespace: SERVICES_NAMESPACE, labels: APP_LABELS },
    spec: {
      refName: def.id,
      version: def.version,
      releasedAt: def.releasedAt,
      licenses: def.licenses,
      releaseNotes: `${def.displayName} ${def.version}`,
      template: {
        spec: {
          fetch: [{ imgpkgBundle: { image: def.bundleImage } }],
          template: [{ ytt: { paths: ['config/'] } }, { kbld: { paths: ['-', '.imgpkg/images.yml'] } }],
          deploy: [{ kapp: {} }],
        },
      },
      valuesSchema: { openAPIv3: def.valuesSchema },
    },
  };
}

export function valuesSecret(def: SupervisorServiceDef): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `${packageInstallName(def)}-values`, namespace: SERVICES_NAMESPACE, labels: APP_LABELS },
    type: 'Opaque',
    stringData: { 'values.yaml': stringify({ namespace: serviceNamespace(def), ...def.values }) },
  };
}

export function installServiceAccount(def: SupervisorServiceDef): KubeObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `${packageInstallName(def)}-sa`, namespace: SERVICES_NAMESPACE, labels: APP_LABELS } };
}

export function packageInstall(def: SupervisorServiceDef): KubeObject {
  const name = packageInstallName(def);
  return {
    apiVersion: PACKAGING_V1,
    kind: 'PackageInstall',
    metadata: {
      name,
      namespace: SERVICES_NAMESPACE,
      labels: { ...APP_LABELS, 'appplatform.vmware.com/serviceId': def.id },
      annotations: { 'appplatform.vmware.com/service-namespace': serviceNamespace(def) },
    },
    spec: {
      serviceAccountName: `${name}-sa`,
      packageRef: { refName: def.id, versionSelection: { constraints: def.version } },
      values: [{ secretRef: { name: `${name}-values` } }],
      defaultNamespace: serviceNamespace(def),
    },
  };
}

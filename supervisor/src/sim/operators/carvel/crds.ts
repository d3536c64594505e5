import type { CustomResourceDefinition } from '../../../crd/crd-types';
import { AGE_COLUMN, crd } from '../kit/crd';
import { S, rootSchema } from '../kit/schema';

/**
 * Carvel packaging kinds as a Supervisor serves them. Upstream kapp-controller serves
 * `data.packaging.carvel.dev` (PackageMetadata, Package) from an aggregated API server backed by
 * internal CRDs; here they are plain CRDs with the same group, names, fields and table columns
 * (the aggregated server's columns become printer columns). `packaging.carvel.dev` PackageInstall
 * is a CRD upstream too (short name pkgi, category carvel).
 */
export const DATA_PACKAGING = 'data.packaging.carvel.dev';
export const PACKAGING = 'packaging.carvel.dev';
export const DATA_PACKAGING_V1 = `${DATA_PACKAGING}/v1alpha1`;
export const PACKAGING_V1 = `${PACKAGING}/v1alpha1`;

const versionSelection = S.obj(
  {
    constraints: S.str('Semver range of acceptable versions, e.g. ">=1.2.0 <2.0.0".'),
    prereleases: S.obj({ identifiers: S.strings('Prerelease identifiers to include, e.g. rc, beta.') }, 'Include prerelease versions.'),
  },
  'Selects a version by semver constraints.',
);

function packageMetadataCrd(): CustomResourceDefinition {
  const spec = S.obj(
    {
      displayName: S.str('Human friendly name of the package (optional; string)'),
      shortDescription: S.str('Short description of the package (optional; string)'),
      longDescription: S.str('Long description of the package (optional; string)'),
      providerName: S.str('Name of the entity distributing the package (optional; string)'),
      maintainers: S.arr(S.obj({ name: S.str('Name of the maintainer.') }), 'List of maintainer info for the package. Currently only supports the name key. (optional; array of maintainer info)'),
      categories: S.strings('Classifiers of the package (optional; Array of strings)'),
      iconSVGBase64: S.str('Base64 encoded icon (optional; string)'),
      supportDescription: S.str('Description of the support available for the package (optional; string)'),
    },
    'Metadata shared by every version of a package: what a catalog shows for it.',
  );
  return crd({
    group: DATA_PACKAGING,
    kind: 'PackageMetadata',
    plural: 'packagemetadatas',
    shortNames: ['pkgm'],
    categories: ['carvel'],
    versions: [
      {
        name: 'v1alpha1',
        schema: rootSchema('PackageMetadata describes a package (name, descriptions, icon, categories) independently of its versions.', spec, undefined, ['spec']),
        printerColumns: [
          { name: 'Display Name', type: 'string', description: 'User facing package name', jsonPath: '.spec.displayName' },
          { name: 'Categories', type: 'string', description: 'Package categories', jsonPath: '.spec.categories' },
          { name: 'Short Description', type: 'string', description: 'Package description', jsonPath: '.spec.shortDescription' },
          AGE_COLUMN,
        ],
      },
    ],
  });
}

function packageCrd(): CustomResourceDefinition {
  const spec = S.obj(
    {
      refName: S.str('Name of the PackageMetadata this version belongs to; the Package itself is named `<refName>.<version>`.'),
      version: S.str('Package version; referenced by PackageInstall; must be a valid semver (required)'),
      licenses: S.strings('Licenses under which the package is released (optional; array of strings)'),
      releasedAt: S.time('Timestamp of the release (optional; string)'),
      releaseNotes: S.str('Release notes of this version (optional; string)'),
      capacityRequirementsDescription: S.str('System requirements needed to install the package (optional; string)'),
      kubernetesVersionSelection: versionSelection,
      kappControllerVersionSelection: versionSelection,
      includedSoftware: S.arr(
        S.obj({ displayName: S.str('Software name.'), version: S.str('Software version.'), description: S.str('What the software does.') }),
        'Software bundled in the package.',
      ),
      template: S.obj({ spec: S.any('App spec (fetch, template, deploy) kapp-controller runs to install the package.') }, 'App template used to create the underlying App CR.'),
      valuesSchema: S.obj(
        { openAPIv3: { type: 'object', nullable: true, 'x-kubernetes-preserve-unknown-fields': true, description: 'OpenAPI v3 schema of the values a PackageInstall may supply.' } },
        'Schema of the install values, in OpenAPI v3 form: the install form of a catalog.',
      ),
    },
    'One installable version of a package.',
    ['refName', 'version'],
  );
  return crd({
    group: DATA_PACKAGING,
    kind: 'Package',
    plural: 'packages',
    shortNames: ['pkg'],
    categories: ['carvel'],
    versions: [
      {
        name: 'v1alpha1',
        schema: rootSchema('Package is one version of a package: how to fetch, template and deploy it, and the schema of its values.', spec, undefined, ['spec']),
        printerColumns: [
          { name: 'PackageMetadata Name', type: 'string', description: 'Associated PackageMetadata name', jsonPath: '.spec.refName' },
          { name: 'Version', type: 'string', description: 'Version', jsonPath: '.spec.version' },
          AGE_COLUMN,
        ],
      },
    ],
  });
}

function packageInstallCrd(): CustomResourceDefinition {
  const spec = S.obj(
    {
      serviceAccountName: S.str('Service account used to install the underlying package contents.'),
      cluster: S.any('Deploys the package to another cluster, through the kubeconfig in a Secret.'),
      packageRef: S.obj(
        { refName: S.str('Name of the PackageMetadata to install.'), versionSelection },
        'Package to install, by PackageMetadata name and version constraints.',
      ),
      values: S.arr(
        S.obj({ secretRef: S.obj({ name: S.str('Secret name.'), key: S.str('Key within the Secret.') }, 'Secret that holds values files.') }),
        'Values to be included in package\'s templating step (currently only included in the first templating step).',
      ),
      paused: S.bool('Paused when set to true will ignore all pending changes, once it set back to false, pending changes will be applied'),
      canceled: S.bool('Canceled when set to true will stop all active changes'),
      syncPeriod: S.str('Controls frequency of App reconciliation in time + unit format. Always >= 30s. If value below 30s is specified, 30s will be used.'),
      noopDelete: S.bool("When NoopDelete set to true, PackageInstall deletion should delete PackageInstall/App CR but preserve App's associated resources."),
      defaultNamespace: S.str('Controls the namespace of the installed resources that declare none.'),
    },
    'What to install and how.',
  );
  const status = S.obj(
    {
      observedGeneration: S.int('Populated based on metadata.generation when controller observes a change to the resource.', { format: 'int64' }),
      conditions: S.arr(
        S.obj({ type: S.str('Reconciling, ReconcileSucceeded, ReconcileFailed, Deleting or DeleteFailed.'), status: S.str('True, False or Unknown.'), reason: S.str('Machine readable reason.'), message: S.str('Human readable details.') }, undefined, ['type', 'status']),
      ),
      friendlyDescription: S.str('Human readable summary of the last reconcile.'),
      usefulErrorMessage: S.str('The most useful part of the last error, if any.'),
      version: S.str('Version of the Package that is (being) installed.'),
      lastAttemptedVersion: S.str('Version of the Package last attempted.'),
    },
    undefined,
    undefined,
    { 'x-kubernetes-preserve-unknown-fields': true },
  );
  return crd({
    group: PACKAGING,
    kind: 'PackageInstall',
    plural: 'packageinstalls',
    shortNames: ['pkgi'],
    categories: ['carvel'],
    versions: [
      {
        name: 'v1alpha1',
        schema: rootSchema('A Package Install is an actual installation of a package and its underlying resources on a Kubernetes cluster. It is represented in kapp-controller by a PackageInstall CR. A PackageInstall CR must reference a Package CR.', spec, status, ['spec']),
        status: true,
        printerColumns: [
          { name: 'Package name', type: 'string', description: 'Package metadata name', jsonPath: '.spec.packageRef.refName' },
          { name: 'Package version', type: 'string', description: 'Package version', jsonPath: '.status.version' },
          { name: 'Description', type: 'string', description: 'Friendly description', jsonPath: '.status.friendlyDescription' },
          { ...AGE_COLUMN, description: 'Time since creation' },
        ],
      },
    ],
  });
}

export function carvelCrds(): CustomResourceDefinition[] {
  return [packageMetadataCrd(), packageCrd(), packageInstallCrd()];
}

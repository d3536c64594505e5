import type { KubeObject } from '../../k8s/types';

/**
 * The operator-backed services a user can create instances of: every served kind the registry
 * marks as a service (CloudNativePG Cluster, CassandraDatacenter, TFJob, MinIO Tenant…), each
 * described by the Supervisor Service (Carvel PackageMetadata) that installed its operator when
 * that package can be found — by a known package name, or by the API group its description names.
 */
export interface ServiceKind {
  descriptorId: string;
  group: string;
  kind: string;
  label: string;
}

export interface CatalogEntry extends ServiceKind {
  /** The Supervisor Service's display name, e.g. "CloudNativePG". */
  service?: string;
  description?: string;
  categories: string[];
}

const KNOWN_PACKAGES: Record<string, RegExp> = {
  'clusters.postgresql.cnpg.io': /^cnpg\./,
  'cassandradatacenters.cassandra.datastax.com': /^cass-operator\./,
  'tenants.minio.min.io': /^minio\./,
  'tfjobs.kubeflow.org': /^training-operator\./,
};

function packageFor(k: ServiceKind, packages: readonly KubeObject[]): KubeObject | undefined {
  const known = KNOWN_PACKAGES[k.descriptorId];
  return (
    (known ? packages.find((p) => known.test(p.metadata.name ?? '')) : undefined) ??
    packages.find((p) => {
      const text = `${String(p.spec?.longDescription ?? '')} ${String(p.spec?.shortDescription ?? '')}`;
      return text.includes(k.group);
    })
  );
}

export function serviceCatalog(kinds: readonly ServiceKind[], packages: readonly KubeObject[]): CatalogEntry[] {
  return kinds
    .map((k) => {
      const p = packageFor(k, packages);
      return {
        ...k,
        service: p ? String(p.spec?.displayName ?? p.metadata.name) : undefined,
        description: p ? String(p.spec?.shortDescription ?? '') || undefined : undefined,
        categories: Array.isArray(p?.spec?.categories) ? (p!.spec!.categories as string[]) : [],
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

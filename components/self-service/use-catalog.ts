'use client';

import { useMemo } from 'react';
import { useCan, useRules } from '@/components/data/use-access';
import { useDiscovery, type ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { rulesAllow } from '@/lib/k8s/access';
import { serviceOffers, type ServedKind, type ServiceOffer } from '@/lib/self-service/catalog';
import { collectionPath } from '@/lib/resources/paths';

/**
 * What the user may create in a namespace: a VirtualMachine and a Deployment when the cluster
 * serves them and the namespace's access review allows `create`, and the installed
 * operator-backed services (Supervisor Service catalogue objects, which every authenticated
 * user may read) whose kinds are served and creatable. Nothing is listed without the right to.
 */
export const CATALOG_NAMESPACE = 'vmware-system-supervisor-services';
const PACKAGES = 'packagemetadatas.data.packaging.carvel.dev';

export interface Catalog {
  vm?: ServedResource;
  app?: ServedResource;
  services: ServiceOffer[];
  /** Served kinds by descriptor id (for the service forms). */
  served: Map<string, ServedResource>;
  loading: boolean;
}

export function useCatalog(namespace: string): Catalog {
  const discovery = useDiscovery();
  const { data: rules } = useRules(namespace);
  const pkg = discovery.data?.byId.get(PACKAGES);
  const canPackages = useCan('list', pkg?.descriptor.group ?? 'data.packaging.carvel.dev', 'packagemetadatas', CATALOG_NAMESPACE);
  const packages = useKubeList(pkg && canPackages ? collectionPath(pkg.descriptor, pkg.version, CATALOG_NAMESPACE) : undefined, { watch: false });

  return useMemo(() => {
    const byId = discovery.data?.byId ?? new Map<string, ServedResource>();
    const may = (s: ServedResource | undefined) => (s && rules && rulesAllow(rules, 'create', s.descriptor.group, s.descriptor.resource) ? s : undefined);
    const kinds: ServedKind[] = (discovery.data?.resources ?? [])
      .filter((r) => r.descriptor.namespaced && r.descriptor.group)
      .map((r) => ({ descriptorId: r.descriptor.id, group: r.descriptor.group, version: r.version, kind: r.descriptor.kind, resource: r.descriptor.resource, label: r.descriptor.label, service: !!r.descriptor.tree?.service }));
    const services = rules ? serviceOffers(packages.data?.items ?? [], kinds, (k) => rulesAllow(rules, 'create', k.group, k.resource)) : [];
    return {
      vm: may(byId.get('virtualmachines.vmoperator.vmware.com')),
      app: may(byId.get('deployments.apps')),
      services,
      served: byId,
      loading: discovery.isPending || !rules || canPackages === undefined || (!!pkg && !!canPackages && packages.isPending),
    };
  }, [discovery.data, discovery.isPending, rules, packages.data, packages.isPending, canPackages, pkg]);
}

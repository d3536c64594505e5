'use client';

import { useMemo } from 'react';
import { useCan, useCanCluster } from '@/components/data/use-access';
import { useServed } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import type { KubeError } from '@/lib/k8s/status';
import type { KubeObject } from '@/lib/k8s/types';
import { containerDefaults } from '@/lib/quota/pod-cost';
import type { CostContext } from '@/lib/quota/object-cost';
import { collectionPath } from '@/lib/resources/paths';

/**
 * What a create screen needs to know about its namespace, live: ResourceQuotas and LimitRanges
 * (for the quota preview), VM classes, and the StorageClasses the user may use — from the
 * quota's per-class keys (`<class>.storageclass.storage.k8s.io/requests.storage`) when it has
 * any, else every StorageClass (when the user may list them). Only what the user may read is
 * requested, so nothing answers 403.
 */
export interface StorageClassChoice {
  name: string;
  isDefault: boolean;
}

export interface NamespaceFacts {
  quotas: KubeObject[];
  quotasLoading: boolean;
  quotaError?: KubeError | null;
  /** False when the user may not read the namespace's quotas (the preview says so). */
  canReadQuotas: boolean | undefined;
  vmClasses: KubeObject[];
  vmClassesLoading: boolean;
  storageClasses: StorageClassChoice[];
  cost: CostContext;
}

const QUOTA_CLASS = /^(.+)\.storageclass\.storage\.k8s\.io\/requests\.storage$/;
const DEFAULT_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';

export function storageChoices(quotas: readonly KubeObject[], all: readonly KubeObject[] | undefined): StorageClassChoice[] {
  const defaults = new Set((all ?? []).filter((s) => s.metadata.annotations?.[DEFAULT_ANNOTATION] === 'true').map((s) => s.metadata.name));
  const fromQuota = new Set<string>();
  for (const q of quotas) {
    for (const k of Object.keys((q.spec?.hard as Record<string, unknown> | undefined) ?? {})) {
      const m = QUOTA_CLASS.exec(k);
      if (m) fromQuota.add(m[1]!);
    }
  }
  const names = fromQuota.size ? [...fromQuota] : (all ?? []).map((s) => s.metadata.name ?? '').filter(Boolean);
  return names.sort().map((name) => ({ name, isDefault: defaults.has(name) }));
}

export function useNamespaceFacts(namespace: string | undefined, opts: { vmClasses?: boolean } = {}): NamespaceFacts {
  const ns = namespace ?? '';
  const canQuotas = useCan('list', '', 'resourcequotas', ns);
  const canLimits = useCan('list', '', 'limitranges', ns);
  const canClasses = useCan('list', 'vmoperator.vmware.com', 'virtualmachineclasses', ns);
  const canStorage = useCanCluster('list', 'storage.k8s.io', 'storageclasses');
  const vmClassKind = useServed('virtualmachineclasses.vmoperator.vmware.com');
  const quotas = useKubeList(ns && canQuotas ? `/api/v1/namespaces/${encodeURIComponent(ns)}/resourcequotas` : undefined);
  const limits = useKubeList(ns && canLimits ? `/api/v1/namespaces/${encodeURIComponent(ns)}/limitranges` : undefined);
  const classes = useKubeList(ns && canClasses && opts.vmClasses !== false && vmClassKind ? collectionPath(vmClassKind.descriptor, vmClassKind.version, ns) : undefined);
  const storage = useKubeList(canStorage ? '/apis/storage.k8s.io/v1/storageclasses' : undefined);

  return useMemo(() => {
    const quotaItems = quotas.data?.items ?? [];
    const vmClasses = [...(classes.data?.items ?? [])].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    const storageClasses = storageChoices(quotaItems, storage.data?.items);
    const defaultClass = storageClasses.find((s) => s.isDefault)?.name ?? (storageClasses.length === 1 ? storageClasses[0]!.name : undefined);
    return {
      quotas: quotaItems,
      quotasLoading: !!ns && (canQuotas === undefined || (canQuotas && quotas.isPending)),
      quotaError: quotas.error,
      canReadQuotas: canQuotas,
      vmClasses,
      vmClassesLoading: !!ns && (canClasses === undefined || (!!canClasses && classes.isPending)),
      storageClasses,
      cost: { defaults: containerDefaults(limits.data?.items ?? []), classes: new Map(vmClasses.map((c) => [c.metadata.name ?? '', c])), defaultStorageClass: defaultClass },
    };
  }, [ns, quotas.data, quotas.isPending, quotas.error, canQuotas, classes.data, classes.isPending, canClasses, storage.data, limits.data]);
}

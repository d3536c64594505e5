'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRules } from '@/components/data/use-access';
import { useDiscovery } from '@/components/data/use-discovery';
import { rulesAllow } from '@/lib/k8s/access';
import { kubeGet } from '@/lib/k8s/client';
import type { KubeObject } from '@/lib/k8s/types';
import { ownersOf, type OwnerLink } from '@/lib/related/owners';
import { objectPath } from '@/lib/resources/paths';
import { HealthText } from './health-text';
import { useRefHref } from './use-ref-href';

/**
 * The owner chain, walked up through ownerReferences one object at a time (a pod, its
 * ReplicaSet, its Deployment…). Each owner is read only when the user may get it; the chain
 * stops at an owner that cannot be read or has no owner.
 */
const MAX_DEPTH = 6;

export function OwnerChain({ obj }: { obj: KubeObject }) {
  const owners = ownersOf(obj);
  if (owners.length === 0) return <p className="text-muted dark:text-muted-dark">This object has no owner.</p>;
  return (
    <ol aria-label="Owner chain" className="space-y-1">
      {owners.map((o) => (
        <OwnerStep key={o.uid} owner={o} depth={1} />
      ))}
    </ol>
  );
}

function OwnerStep({ owner, depth }: { owner: OwnerLink; depth: number }) {
  const refHref = useRefHref();
  const discovery = useDiscovery();
  const served = discovery.data?.resources.find((r) => r.descriptor.group === owner.group && r.descriptor.kind === owner.kind);
  const d = served?.descriptor;
  const ns = d?.namespaced ? owner.namespace : undefined;
  const { data: rules } = useRules(ns ?? '');
  const may = !!d && !!rules && rulesAllow(rules, 'get', d.group, d.resource, owner.name);
  const { data: ownerObj } = useQuery({
    queryKey: ['k8s', 'owner', owner.group, owner.kind, ns ?? '', owner.name],
    queryFn: ({ signal }) => kubeGet<KubeObject>(objectPath(d!, served!.version, ns, owner.name), signal),
    enabled: may,
    staleTime: 30_000,
    retry: false,
  });
  const href = refHref(owner);
  const status = ownerObj && d ? d.status(ownerObj) : undefined;
  const next = ownerObj && depth < MAX_DEPTH ? ownersOf(ownerObj) : [];
  return (
    <li style={{ paddingLeft: (depth - 1) * 16 }}>
      <span className="flex flex-wrap items-center gap-2">
        <span aria-hidden="true" className="text-muted dark:text-muted-dark">
          ↑
        </span>
        <span className="text-muted dark:text-muted-dark">{d?.label ?? owner.kind}</span>
        {href ? (
          <Link href={href} className="text-accent hover:underline dark:text-accent-dark">
            {owner.name}
          </Link>
        ) : (
          <span>{owner.name}</span>
        )}
        {status ? <HealthText health={status.health} text={status.text} className="text-xs" /> : null}
        {owner.controller ? <span className="text-xs text-muted dark:text-muted-dark">(controller)</span> : null}
      </span>
      {next.length ? (
        <ol className="mt-1 space-y-1">
          {next.map((o) => (
            <OwnerStep key={o.uid} owner={o} depth={depth + 1} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

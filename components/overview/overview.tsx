'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { useCanCluster } from '@/components/data/use-access';
import { useNamespaces } from '@/components/data/use-namespaces';
import { HealthText } from '@/components/resource/health-text';
import { Loading } from '@/components/resource/states';
import { landingPath } from '@/lib/auth/next-path';
import { HEALTH_TITLE } from '@/lib/overview/overall-health';
import { CapacityPanel } from './capacity-panel';
import { BucketTile, KindsTile } from './count-tiles';
import { HealthPanel, useServerVersion } from './health-panel';
import { useOverviewData } from './use-overview-data';
import { useOverviewModel } from './use-overview-model';
import { WarningsPanel } from './warnings-panel';

/**
 * The Overview (`/`): the supervisor's health and capacity, counts by kind and status, and the
 * newest warnings, all live. It is for users who may list namespaces; anyone else goes to the
 * self-service page, as after sign-in (`landingPath`). The page paints at once and
 * each panel fills in as its list arrives.
 */
export function Overview({ clusterName, embedded }: { clusterName: string; embedded: boolean }) {
  const router = useRouter();
  const canListNamespaces = useCanCluster('list', '', 'namespaces');
  const namespaces = useNamespaces();
  const elsewhere = canListNamespaces === false && !namespaces.loading ? landingPath({ next: null, canListNamespaces: false, usableNamespaces: namespaces.names }) : undefined;

  useEffect(() => {
    if (elsewhere && elsewhere !== '/') router.replace(elsewhere);
  }, [elsewhere, router]);

  if (canListNamespaces === undefined) return <Loading label="Loading the overview…" />;
  if (canListNamespaces === false) {
    if (elsewhere === '/') {
      return (
        <div className="p-4">
          <h1 className="text-lg font-semibold">{clusterName}</h1>
          <p className="mt-1 text-muted dark:text-muted-dark">Your account has no rights across the supervisor and no namespace to work in yet. Ask an administrator for access.</p>
        </div>
      );
    }
    return <Loading label="Opening your namespace…" />;
  }
  return <ClusterOverview clusterName={clusterName} embedded={embedded} />;
}

function ClusterOverview({ clusterName, embedded }: { clusterName: string; embedded: boolean }) {
  const data = useOverviewData();
  const model = useOverviewModel(data);
  const version = useServerVersion();
  const { overall } = model;
  return (
    <div className="space-y-3 p-4">
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <div className="min-w-0">
          <p className="text-[11px] uppercase tracking-wider text-muted dark:text-muted-dark">{embedded ? 'Embedded supervisor' : 'Supervisor'}</p>
          <h1 className="truncate text-lg leading-6 font-semibold">{clusterName}</h1>
        </div>
        {overall.pending === 0 ? (
          <HealthText health={overall.health} text={HEALTH_TITLE[overall.health]} className="rounded-full border border-line px-2 py-0.5 text-xs dark:border-line-dark" />
        ) : null}
        <p className="ml-auto text-xs text-muted dark:text-muted-dark">{version.data?.gitVersion ? `Kubernetes ${version.data.gitVersion}` : ''}</p>
      </header>
      <div className="grid items-start gap-3 lg:grid-cols-[minmax(16rem,1fr)_2fr]">
        <HealthPanel model={model} />
        <CapacityPanel capacity={model.capacity} hosts={model.hosts} partial={model.capacityPartial} />
      </div>
      <section aria-label="Inventory counts" className="grid gap-3 [grid-template-columns:repeat(auto-fill,minmax(13.5rem,1fr))]">
        <BucketTile title="Virtual machines" tile={model.vms} />
        <BucketTile title="vSphere Pods" tile={model.pods} />
        <BucketTile title="Namespaces" tile={model.namespaces} />
        <KindsTile
          title="Workloads and services"
          sections={[
            { title: 'Workloads', tiles: model.workloads, empty: 'Not available to you.' },
            { title: 'Supervisor Services', tiles: model.services, empty: 'No operator-backed services are installed.' },
          ]}
        />
      </section>
      <WarningsPanel rows={model.warnings} data={model.events} />
    </div>
  );
}

'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { HealthText } from '@/components/resource/health-text';
import { Panel } from '@/components/ui/panel';
import { PropertyTable, type Property } from '@/components/ui/property-table';
import { kubeGet } from '@/lib/k8s/client';
import { HEALTH_TITLE, type OverallHealth } from '@/lib/overview/overall-health';
import { filteredListHref } from '@/lib/overview/list-links';
import { countText } from '@/lib/overview/number-text';
import { HOSTS_HREF } from '@/lib/resources/links';
import type { OverviewModel } from './use-overview-model';

/**
 * The supervisor at a glance: overall health (the worst of hosts and key objects, with what is
 * wrong), the API server's version (GET /version through the proxy), hosts Ready of total, and
 * the number of namespaces.
 */
interface ServerVersion {
  gitVersion?: string;
  platform?: string;
}

const muted = 'text-muted dark:text-muted-dark';
const link = 'text-accent hover:underline dark:text-accent-dark';
const SHOWN_REASONS = 3;

export function useServerVersion() {
  return useQuery({ queryKey: ['k8s', 'version'], queryFn: ({ signal }) => kubeGet<ServerVersion>('/version', signal), staleTime: 5 * 60_000 });
}

function Overall({ overall }: { overall: OverallHealth }) {
  // A verdict only once every part is counted: "Healthy" must not flip to "Error" a second later.
  if (overall.pending > 0) return <span className={muted}>Checking…</span>;
  return (
    <div className="break-normal">
      <HealthText health={overall.health} text={HEALTH_TITLE[overall.health]} className="font-semibold" />
      {overall.reasons.length > 0 ? (
        <ul className={`mt-0.5 text-xs ${muted}`}>
          {overall.reasons.slice(0, SHOWN_REASONS).map((r) => (
            <li key={r}>{r}</li>
          ))}
          {overall.reasons.length > SHOWN_REASONS ? <li>and {overall.reasons.length - SHOWN_REASONS} more</li> : null}
        </ul>
      ) : null}
    </div>
  );
}

export function HealthPanel({ model }: { model: OverviewModel }) {
  const version = useServerVersion();
  const { capacity, hosts, namespaces } = model;
  const items: Property[] = [
    { label: 'Overall health', value: <Overall overall={model.overall} /> },
    { label: 'Kubernetes version', value: version.data?.gitVersion ?? (version.error ? 'Unknown' : '…') },
    { label: 'Platform', value: version.data?.platform ?? (version.error ? 'Unknown' : '…') },
  ];
  if (hosts.state !== 'absent') {
    items.push({
      label: 'Hosts',
      value: capacity ? (
        <Link href={HOSTS_HREF} className={link}>
          {capacity.ready} of {capacity.hosts.length} Ready
        </Link>
      ) : (
        '…'
      ),
    });
  }
  if (namespaces.data.state !== 'absent') {
    items.push({
      label: 'Namespaces',
      value: namespaces.counts && namespaces.d ? (
        <Link href={filteredListHref(namespaces.d)} className={link}>
          {countText(namespaces.counts.total)}
        </Link>
      ) : (
        '…'
      ),
    });
  }
  return (
    <Panel title="Health" className="min-w-0">
      <PropertyTable items={items} />
    </Panel>
  );
}

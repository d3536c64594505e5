'use client';

import Link from 'next/link';
import { HealthBadge } from '@/components/inventory/health-badge';
import { Panel } from '@/components/ui/panel';
import type { ClusterCapacity } from '@/lib/overview/cluster-capacity';
import { countText } from '@/lib/overview/number-text';
import { hostHref, HOSTS_HREF } from '@/lib/resources/links';
import { CapacityBar } from './capacity-bar';
import type { SlotData } from './use-overview-data';

/**
 * Hosts' CPU and memory allocated (pod requests and powered-on VMs) against what each can
 * give, as horizontal bars, with the cluster's totals on top. One row per host, never per object.
 */
const muted = 'text-muted dark:text-muted-dark';

export function CapacityPanel({ capacity, hosts, partial }: { capacity?: ClusterCapacity; hosts: SlotData; partial: boolean }) {
  return (
    <Panel title="Capacity" className="min-w-0">
      {hosts.state === 'absent' ? (
        <p className={muted}>Hosts are not available to you.</p>
      ) : hosts.state === 'error' ? (
        <p className={muted}>Hosts could not be listed: {hosts.message}</p>
      ) : !capacity ? (
        <p role="status" className={muted}>
          Loading hosts…
        </p>
      ) : capacity.hosts.length === 0 ? (
        <p className={muted}>The supervisor has no hosts.</p>
      ) : (
        <CapacityBody capacity={capacity} partial={partial} />
      )}
    </Panel>
  );
}

function CapacityBody({ capacity, partial }: { capacity: ClusterCapacity; partial: boolean }) {
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-x-6">
        <CapacityBar subject="Cluster" label="Cluster CPU" resource="cpu" usage={capacity.cpu} wide />
        <CapacityBar subject="Cluster" label="Cluster memory" resource="memory" usage={capacity.memory} wide />
      </div>
      <div className="max-h-72 overflow-auto">
        <table className="w-full table-fixed border-collapse text-left">
          <caption className="sr-only">CPU and memory allocated per host</caption>
          <colgroup>
            <col className="w-[34%]" />
            <col className="w-[33%]" />
            <col className="w-[33%]" />
          </colgroup>
          <thead>
            <tr className={`text-xs ${muted}`}>
              <th scope="col" className="py-1 pr-3 font-semibold">
                Host
              </th>
              <th scope="col" className="py-1 pr-6 font-semibold">
                CPU allocated
              </th>
              <th scope="col" className="py-1 font-semibold">
                Memory allocated
              </th>
            </tr>
          </thead>
          <tbody>
            {capacity.hosts.map((h) => (
              <tr key={h.name} className="border-t border-line/60 dark:border-line-dark/60">
                <th scope="row" className="py-1 pr-3 font-normal">
                  <span className="flex min-w-0 items-center gap-1.5">
                    <HealthBadge health={h.status.health} />
                    <Link href={hostHref(h.name)} className="truncate text-accent hover:underline dark:text-accent-dark" title={h.name}>
                      {h.name}
                    </Link>
                  </span>
                  <span className={`block pl-5 text-[11px] ${muted}`}>
                    {h.status.text} · {countText(h.allocation.vms)} VMs · {countText(h.allocation.pods)} pods
                  </span>
                </th>
                <td className="py-1 pr-6">
                  <CapacityBar subject={h.name} resource="cpu" usage={h.allocation.cpu} />
                </td>
                <td className="py-1">
                  <CapacityBar subject={h.name} resource="memory" usage={h.allocation.memory} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className={`text-xs ${muted}`}>
        Allocated: requests of running pods and the hardware of powered-on or suspended VMs, against each host’s allocatable capacity.
        {partial ? ' Still counting pods and VMs…' : ''}{' '}
        <Link href={HOSTS_HREF} className="text-accent hover:underline dark:text-accent-dark">
          All hosts
        </Link>
      </p>
    </div>
  );
}

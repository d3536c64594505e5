'use client';

import { useMemo } from 'react';
import { Panel } from '@/components/ui/panel';
import { hostAllocation } from '@/lib/health/capacity';
import type { KubeObject } from '@/lib/k8s/types';
import { relatedGroups, relatedQueries } from '@/lib/related/related-plan';
import { bytesText, cpuText, get, parseQuantity } from '@/lib/resources/format';
import { MiniTable } from '../mini-table';
import { UsageBar } from '../usage-bar';
import { usePermittedLists } from '../use-permitted-lists';

/**
 * A host: CPU and memory allocated (pod requests and running VMs) against what it can give,
 * and the VMs and pods placed on it, live.
 */
export function HostSection({ node }: { node: KubeObject }) {
  const name = node.metadata.name ?? '';
  const queries = useMemo(() => relatedQueries('nodes', { metadata: { name } }), [name]);
  const lists = usePermittedLists(queries);
  const [vmGroup, podGroup] = relatedGroups(queries, node, lists.results);
  const vms = vmGroup?.items ?? [];
  const pods = podGroup?.items ?? [];
  const a = hostAllocation(node, pods, vms);
  const maxPods = parseQuantity(get(node, 'status.allocatable.pods')) ?? 0;
  const vmD = lists.served.get(queries[0]!.descriptorId);
  const podD = lists.served.get(queries[1]!.descriptorId);
  const partial = lists.skipped.length > 0;
  return (
    <div className="space-y-3">
      <Panel title="Capacity">
        <div className="grid gap-3 md:grid-cols-3">
          <UsageBar label="CPU allocated" used={a.cpu.used} total={a.cpu.total} text={`${cpuText(a.cpu.used) || '0'} of ${cpuText(a.cpu.total)} cores`} />
          <UsageBar label="Memory allocated" used={a.memory.used} total={a.memory.total} text={`${bytesText(a.memory.used)} of ${bytesText(a.memory.total)}`} />
          <UsageBar label="Pods" used={a.pods} total={maxPods} text={`${a.pods} of ${maxPods}`} />
        </div>
        <p className="mt-2 text-xs text-muted dark:text-muted-dark">
          Allocated: requests of the pods and the hardware of the powered-on or suspended VMs placed on this host{partial ? ', counting only what you may see' : ''}.
        </p>
      </Panel>
      <div className="space-y-3">
        <Panel title={`Virtual machines on this host (${vms.length})`}>
          {lists.pending ? <p className="text-muted dark:text-muted-dark">Loading…</p> : vmD && vms.length ? <MiniTable d={vmD.descriptor} items={vms} caption="Virtual machines on this host" /> : <p className="text-muted dark:text-muted-dark">{vmD ? 'None.' : 'Not available to you.'}</p>}
        </Panel>
        <Panel title={`Pods on this host (${pods.length})`}>
          {lists.pending ? <p className="text-muted dark:text-muted-dark">Loading…</p> : podD && pods.length ? <MiniTable d={podD.descriptor} items={pods} caption="Pods on this host" /> : <p className="text-muted dark:text-muted-dark">{podD && !partial ? 'None.' : podD ? 'None that you may see.' : 'Not available to you.'}</p>}
        </Panel>
      </div>
    </div>
  );
}

'use client';

import { useMemo } from 'react';
import { Panel } from '@/components/ui/panel';
import { PropertyTable, type Property } from '@/components/ui/property-table';
import type { KubeObject } from '@/lib/k8s/types';
import { bytesText, get, parseQuantity, str } from '@/lib/resources/format';
import { relatedGroups, relatedQueries } from '@/lib/related/related-plan';
import { virtualMachineDescriptor } from '@/lib/resources/descriptors/vm-service';
import { powerProgress } from '@/lib/resources/vm-power';
import { useFieldProperties } from '../metadata-panels';
import { MiniTable } from '../mini-table';
import { usePermittedLists } from '../use-permitted-lists';

/**
 * A VM at a glance: power (with the operation in flight), address, host, class and the hardware
 * it runs with, guest OS, image — then its snapshots (the current one marked).
 */
export function VmSection({ obj }: { obj: KubeObject }) {
  const base = useFieldProperties(virtualMachineDescriptor.summary?.(obj) ?? []);
  const progress = powerProgress(obj);
  const cpus = get(obj, 'status.hardware.cpu.total');
  const memory = parseQuantity(get(obj, 'status.hardware.memory.total'));
  const items: Property[] = [];
  for (const p of base) {
    items.push(p);
    if (p.label === 'Desired power state' && (progress.busy || progress.problem)) items.push({ label: 'Power operation', value: progress.problem ? `${progress.text} — ${progress.problem}` : progress.text });
    if (p.label === 'Class') {
      if (cpus !== undefined) items.push({ label: 'vCPUs', value: String(cpus) });
      if (memory !== undefined) items.push({ label: 'Memory', value: bytesText(memory) });
      const reservation = str(get(obj, 'status.hardware.cpu.reservation'));
      if (reservation) items.push({ label: 'CPU reservation', value: `${reservation} MHz` });
    }
  }
  return (
    <div className="grid items-start gap-3 xl:grid-cols-2">
      <Panel title="Virtual machine">
        <PropertyTable items={items} />
      </Panel>
      <VmSnapshots vm={obj} />
    </div>
  );
}

function VmSnapshots({ vm }: { vm: KubeObject }) {
  const queries = useMemo(() => relatedQueries(virtualMachineDescriptor.id, vm).filter((q) => q.key === 'snapshots'), [vm]);
  const lists = usePermittedLists(queries);
  const groups = relatedGroups(queries, vm, lists.results);
  const snapshots = groups[0]?.items ?? [];
  const current = str(get(vm, 'status.currentSnapshot.name'));
  const d = lists.served.get(queries[0]?.descriptorId ?? '');
  return (
    <Panel title="Snapshots">
      {lists.pending ? (
        <p className="text-muted dark:text-muted-dark">Loading…</p>
      ) : !d || lists.skipped.length ? (
        <p className="text-muted dark:text-muted-dark">Snapshots are not available to you.</p>
      ) : snapshots.length === 0 ? (
        <p className="text-muted dark:text-muted-dark">No snapshots.</p>
      ) : (
        <>
          {current ? <p className="mb-1 text-xs">Current snapshot: <span className="font-mono">{current}</span></p> : null}
          <MiniTable d={d.descriptor} items={snapshots} caption="Snapshots" hideNamespace />
        </>
      )}
    </Panel>
  );
}

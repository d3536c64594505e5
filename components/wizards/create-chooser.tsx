'use client';

import Link from 'next/link';
import { useMemo, useState } from 'react';
import { useCanCluster } from '@/components/data/use-access';
import { useDiscovery } from '@/components/data/use-discovery';
import { KindIcon } from '@/components/resource/kind-icon';
import { inputClass } from '@/components/forms/widgets';
import { genericCreateHref, wizardHref } from '@/lib/resources/links';
import type { IconName } from '@/lib/resources/types';
import { useServiceCatalog } from './service/service-wizard';

/**
 * "What do you want to create?": the wizards (virtual machine, container workload, vSphere Pod,
 * each installed operator-backed service, and — for administrators — a namespace), then any
 * other kind the cluster serves, through its generated form. Plain links, so keyboard and
 * middle-click work.
 */
interface Tile {
  href: string;
  title: string;
  text: string;
  icon: IconName;
}

function TileLink({ t }: { t: Tile }) {
  return (
    <li>
      <Link href={t.href} className="flex h-full gap-2 rounded-sm border border-line bg-panel p-3 hover:border-accent hover:bg-sky-50/50 dark:border-line-dark dark:bg-panel-dark dark:hover:border-accent-dark dark:hover:bg-white/5">
        <KindIcon icon={t.icon} className="mt-0.5" />
        <span className="min-w-0">
          <span className="block font-semibold">{t.title}</span>
          <span className="block text-xs text-muted dark:text-muted-dark">{t.text}</span>
        </span>
      </Link>
    </li>
  );
}

export function CreateChooser({ namespace }: { namespace?: string }) {
  const discovery = useDiscovery();
  const { entries } = useServiceCatalog();
  const canNamespaces = useCanCluster('create', '', 'namespaces');
  const [filter, setFilter] = useState('');
  const served = (id: string) => discovery.data?.byId.has(id);
  const tiles: Tile[] = [
    ...(served('virtualmachines.vmoperator.vmware.com') ? [{ href: wizardHref('vm', namespace), title: 'Virtual machine', text: 'From an image and a VM class, with cloud-init, volumes and an optional VM service.', icon: 'vm' as const }] : []),
    { href: wizardHref('workload', namespace), title: 'Container workload', text: 'A Deployment: image, replicas, ports, env, resources, probes, optional Service.', icon: 'workload' },
    { href: wizardHref('workload', namespace, { kind: 'pod' }), title: 'vSphere Pod', text: 'A single pod in its own lightweight VM.', icon: 'pod' },
    ...entries.map((e) => ({ href: wizardHref('service', namespace, { kind: e.descriptorId }), title: e.label, text: e.service ? `${e.service}: ${e.description ?? ''}` : `${e.kind} (${e.group})`, icon: 'database' as const })),
    ...(!namespace && canNamespaces ? [{ href: wizardHref('namespace'), title: 'Namespace', text: 'With a quota for CPU, memory, storage and VMs, and container defaults.', icon: 'namespace' as const }] : []),
  ];
  const kinds = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (discovery.data?.resources ?? [])
      .filter((r) => r.discovered.verbs.includes('create') && (!namespace || r.descriptor.namespaced))
      .filter((r) => !q || `${r.descriptor.kind} ${r.descriptor.group} ${r.descriptor.label}`.toLowerCase().includes(q))
      .sort((a, b) => a.descriptor.kind.localeCompare(b.descriptor.kind) || a.descriptor.group.localeCompare(b.descriptor.group));
  }, [discovery.data, filter, namespace]);

  return (
    <div className="space-y-4 px-4 py-3">
      <header>
        <h1 className="text-lg font-semibold">Create{namespace ? ` in ${namespace}` : ''}</h1>
        <p className="text-xs text-muted dark:text-muted-dark">Every wizard and form shows the YAML alongside; edit either.</p>
      </header>
      <section aria-labelledby="create-wizards">
        <h2 id="create-wizards" className="mb-1.5 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">
          Wizards
        </h2>
        <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {tiles.map((t) => (
            <TileLink key={t.href} t={t} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="create-any">
        <h2 id="create-any" className="mb-1.5 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">
          Any kind, from its schema
        </h2>
        <input type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter kinds, e.g. ConfigMap" aria-label="Filter kinds" className={`${inputClass} mb-2 max-w-sm`} />
        <ul className="grid gap-x-4 gap-y-0.5 text-[13px] sm:grid-cols-2 xl:grid-cols-3">
          {kinds.map((r) => (
            <li key={r.descriptor.id}>
              <Link href={genericCreateHref(r.descriptor, namespace)} className="text-accent hover:underline dark:text-accent-dark">
                {r.descriptor.kind}
              </Link>
              <span className="ml-1.5 text-xs text-muted dark:text-muted-dark">{r.descriptor.group || 'core'}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

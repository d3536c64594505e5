'use client';

import { useServed } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { HealthText } from '@/components/resource/health-text';
import { KindIcon } from '@/components/resource/kind-icon';
import { ErrorState, Loading } from '@/components/resource/states';
import { PropertyTable } from '@/components/ui/property-table';
import { VM_DESCRIPTOR_ID } from '@/lib/embed/context';
import type { ContextObject } from '@/lib/embed/protocol';
import { EMBED_VIEWS } from '@/lib/embed/routes';
import type { KubeObject } from '@/lib/k8s/types';
import { objectHref } from '@/lib/resources/links';
import { collectionPath, withQuery } from '@/lib/resources/paths';
import type { ResourceDescriptor } from '@/lib/resources/types';
import { powerActionState, type PowerAction } from '@/lib/resources/vm-power';
import { useEmbed } from './embed-runtime';

/**
 * A summary card (the vSphere summary-view portlet, or any small host panel): kind, name,
 * status, the kind's key fields, and for VMs the power actions, which open in the host's modal
 * (`openModal`, or `htmlClientSdk.modal.open`). Live like every object view.
 */
const MAX_FIELDS = 8;
const POWER: { action: PowerAction; label: string }[] = [
  { action: 'on', label: 'Power on' },
  { action: 'off', label: 'Power off' },
];

export function ObjectCard({ descriptorId, namespace, name, contextObject }: { descriptorId: string; namespace?: string; name: string; contextObject?: ContextObject }) {
  const served = useServed(descriptorId);
  const d = served?.descriptor;
  const path = d && served ? withQuery(collectionPath(d, served.version, d.namespaced ? namespace : undefined), { fieldSelector: `metadata.name=${name}` }) : undefined;
  const live = useKubeList(path);
  const obj = live.data?.items[0];
  if (!d) return <Loading label="Loading…" />;
  if (!obj) {
    if (live.error) return <ErrorState title={`${d.label} ${name} could not be read`} error={live.error} />;
    return live.isPending ? <Loading label={`Loading ${d.label} ${name}…`} /> : <p className="p-3">There is no {d.label} named “{name}”.</p>;
  }
  return <Card d={d} obj={obj} contextObject={contextObject} />;
}

function Card({ d, obj, contextObject }: { d: ResourceDescriptor; obj: KubeObject; contextObject?: ContextObject }) {
  const { channel } = useEmbed();
  const status = d.status(obj);
  const name = obj.metadata.name ?? '';
  const fields = (d.summary?.(obj) ?? []).filter((f) => f.value !== undefined && f.value !== '').slice(0, MAX_FIELDS);
  const isVm = d.id === VM_DESCRIPTOR_ID;
  const open = (action: PowerAction, label: string) =>
    channel.openModal({
      path: `${EMBED_VIEWS.vmPower}?op=${action}`,
      title: `${label} ${name}`,
      size: { width: 560, height: 340 },
      context: { objects: [contextObject ?? { group: d.group, kind: d.kind, namespace: obj.metadata.namespace, name }] },
    });
  return (
    <article aria-labelledby="card-title" className="space-y-2 p-3">
      <div className="flex items-center gap-1.5 text-xs text-muted dark:text-muted-dark">
        <KindIcon icon={d.icon} />
        <span>{d.label}</span>
        {obj.metadata.namespace ? <span>· {obj.metadata.namespace}</span> : null}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <h1 id="card-title" className="min-w-0 truncate text-base font-semibold">
          {name}
        </h1>
        <HealthText health={status.health} text={status.text} className="rounded-full border border-line px-2 py-0.5 text-xs dark:border-line-dark" />
      </div>
      {status.reasons?.length ? <p className="text-xs text-amber-800 dark:text-amber-300">{status.reasons[0]}</p> : null}
      {fields.length ? <PropertyTable items={fields.map((f) => ({ label: f.label, value: String(f.value), mono: f.mono }))} /> : null}
      <div className="flex flex-wrap gap-1.5 pt-1">
        {isVm
          ? POWER.map((p) => {
              const state = powerActionState(obj, p.action);
              return (
                <button
                  key={p.action}
                  type="button"
                  aria-disabled={state.enabled ? undefined : true}
                  title={state.reason}
                  onClick={() => state.enabled && open(p.action, p.label)}
                  className="h-7 rounded-sm border border-line bg-panel px-2.5 text-xs font-medium hover:bg-slate-100 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:border-line-dark dark:bg-panel-dark dark:hover:bg-white/10"
                >
                  {p.label}
                </button>
              );
            })
          : null}
        <a href={objectHref(d, obj.metadata.namespace, name)} target="_blank" rel="noopener" className="inline-flex h-7 items-center px-1 text-xs text-accent hover:underline dark:text-accent-dark">
          Open in Glasspane ↗
        </a>
      </div>
    </article>
  );
}

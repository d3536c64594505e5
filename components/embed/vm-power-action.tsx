'use client';

import { useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { usePatch } from '@/components/actions/use-patch';
import { useServed, type ServedResource } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { Empty, Loading, RefusedAlert } from '@/components/resource/states';
import { VM_DESCRIPTOR_ID } from '@/lib/embed/context';
import { collectionPath, objectPath, withQuery } from '@/lib/resources/paths';
import { observedPower, powerPatch, powerProgress, type PowerAction, type PowerMode } from '@/lib/resources/vm-power';
import { useEmbed } from './embed-runtime';
import { useResolvedContext } from './use-resolved-context';

/**
 * A VM power action on the host's context objects (a manifest menu action's modal, or a host's
 * `openModal`): confirm, send the merge patch to every target VM, then follow each one live until
 * it reaches the state asked for. Closing hands the host `{ done, powerState }`.
 */
const OPS: Record<PowerAction, { title: string; target?: string }> = {
  on: { title: 'Power on', target: 'PoweredOn' },
  off: { title: 'Power off', target: 'PoweredOff' },
  suspend: { title: 'Suspend', target: 'Suspended' },
  restart: { title: 'Restart' },
};

function isOp(v: string | null): v is PowerAction {
  return v === 'on' || v === 'off' || v === 'suspend' || v === 'restart';
}

interface Vm {
  namespace?: string;
  name: string;
}

function VmProgress({ served, vm, target, sent }: { served: ServedResource; vm: Vm; target?: string; sent: boolean }) {
  const live = useKubeList(withQuery(collectionPath(served.descriptor, served.version, vm.namespace), { fieldSelector: `metadata.name=${vm.name}` }));
  const obj = live.data?.items[0];
  if (!obj) return <li>{vm.name}: {live.isPending ? 'loading…' : 'not found'}</li>;
  const observed = observedPower(obj) ?? 'not yet known';
  const progress = powerProgress(obj);
  const done = sent && target !== undefined && observed === target && !progress.busy;
  return (
    <li>
      <span className="font-medium">{vm.name}</span>
      {vm.namespace ? <span className="text-muted dark:text-muted-dark"> in {vm.namespace}</span> : null}: {done ? <span className="text-emerald-700 dark:text-emerald-300">Done: {vm.name} is {observed}.</span> : sent && progress.busy ? progress.text : `power state ${observed}`}
      {progress.problem ? <span className="block text-amber-800 dark:text-amber-300">{progress.problem}</span> : null}
    </li>
  );
}

export function VmPowerAction() {
  const raw = useSearchParams().get('op');
  const { channel } = useEmbed();
  const { targets, empty } = useResolvedContext();
  const served = useServed(VM_DESCRIPTOR_ID);
  const patch = usePatch();
  const [mode, setMode] = useState<PowerMode>('Soft');
  const [sent, setSent] = useState(false);
  if (!isOp(raw)) return <Empty>Unknown power action.</Empty>;
  const op = OPS[raw];
  if (empty) return <Empty>No VM was given to this action.</Empty>;
  if (!served || targets.some((t) => t.status === 'pending')) return <Loading label="Finding the VMs…" />;
  const problems = targets.flatMap((t) => (t.status === 'problem' ? [t.message] : t.status === 'page' && t.descriptorId !== VM_DESCRIPTOR_ID ? ['Only VMs can be powered on or off.'] : []));
  if (problems.length) return <Empty>{problems[0]}</Empty>;
  const vms: Vm[] = targets.flatMap((t) => (t.status === 'page' ? [{ namespace: t.namespace, name: t.name }] : []));
  const names = vms.length === 1 ? vms[0]!.name : `${vms.length} VMs`;

  const submit = async () => {
    for (const vm of vms) if (!(await patch.send(objectPath(served.descriptor, served.version, vm.namespace, vm.name), powerPatch(raw, raw === 'off' ? mode : undefined)))) return;
    setSent(true);
    channel.notify('info', `${op.title} requested for ${names}.`);
  };

  return (
    <section aria-labelledby="power-title" className="flex min-h-dvh flex-col">
      <h1 id="power-title" className="px-4 pt-3 text-sm font-semibold">
        {op.title} {names}?
      </h1>
      <div className="flex-1 space-y-3 px-4 py-3">
        {!sent && raw === 'off' ? (
          <fieldset className="space-y-1.5">
            <legend className="mb-1">Choose how:</legend>
            {(['Soft', 'Hard'] as const).map((m) => (
              <label key={m} className="flex items-start gap-2">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="mt-1 accent-accent" />
                <span>{m === 'Soft' ? 'Soft — shut down the guest (needs VMware Tools)' : 'Hard — power off now (unsaved data in the guest is lost)'}</span>
              </label>
            ))}
          </fieldset>
        ) : null}
        <ul role="status" aria-live="polite" aria-label="Power state" className="space-y-1">
          {vms.map((vm) => (
            <VmProgress key={`${vm.namespace}/${vm.name}`} served={served} vm={vm} target={op.target} sent={sent} />
          ))}
        </ul>
        {patch.error ? (
          <RefusedAlert error={patch.error} lead="The request was refused:" />
        ) : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-line px-4 py-2.5 dark:border-line-dark">
        {sent ? (
          <button type="button" onClick={() => channel.closeModal({ done: true, action: raw })} className="h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white dark:bg-sky-600">
            Close
          </button>
        ) : (
          <>
            <button type="button" onClick={() => channel.closeModal({ done: false })} disabled={patch.busy} className="h-7 rounded-sm border border-line px-3 text-xs hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10">
              Cancel
            </button>
            <button type="button" onClick={() => void submit()} disabled={patch.busy} className={`h-7 rounded-sm px-3 text-xs font-medium text-white disabled:opacity-50 ${raw === 'on' ? 'bg-accent dark:bg-sky-600' : 'bg-red-700 dark:bg-red-600'}`}>
              {patch.busy ? 'Sending…' : op.title}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

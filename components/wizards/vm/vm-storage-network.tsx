'use client';

import { useState } from 'react';
import { valueAt } from '@/lib/forms/value-diff';
import { volumeClaim, volumeClaimName } from '@/lib/forms/wizards/vm';
import { ChoiceList, SelectField, TextField } from '../fields';
import type { VmWizardContext } from './vm-context';

/**
 * Storage (the VM's storage class, from the classes the namespace may use, and extra data
 * volumes backed by new PVCs) and network (the namespace's default network, or one interface on
 * a named network).
 */
const small = 'h-7 rounded-sm border border-line px-2 text-xs font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10';

interface VolumeRow {
  name: string;
  claim: string;
  size: string;
  storageClass: string;
  claimIndex?: number;
}

function volumeRows(ctx: VmWizardContext): VolumeRow[] {
  const vols = (ctx.get(['spec', 'volumes']) as { name?: string; persistentVolumeClaim?: { claimName?: string } }[] | undefined) ?? [];
  return vols.map((v) => {
    const claim = v.persistentVolumeClaim?.claimName ?? '';
    const claimIndex = ctx.claims.get(claim);
    const pvc = claimIndex === undefined ? undefined : ctx.model.state.values[claimIndex];
    return { name: v.name ?? '', claim, claimIndex, size: String(valueAt(pvc, ['spec', 'resources', 'requests', 'storage']) ?? ''), storageClass: String(valueAt(pvc, ['spec', 'storageClassName']) ?? '') };
  });
}

export function VmStorageStep({ ctx }: { ctx: VmWizardContext }) {
  const classes = ctx.facts.storageClasses;
  const storageClass = String(ctx.get(['spec', 'storageClass']) ?? '');
  const rows = volumeRows(ctx);
  const setRow = (i: number, row: VolumeRow) => {
    if (row.claimIndex === undefined) return;
    ctx.model.setField(row.claimIndex, ['spec', 'resources', 'requests', 'storage'], row.size || undefined);
    ctx.model.setField(row.claimIndex, ['spec', 'storageClassName'], row.storageClass || undefined);
  };
  const add = () => {
    const name = `data${rows.length ? rows.length + 1 : ''}`;
    const cls = storageClass || classes[0]?.name;
    ctx.model.addDoc(volumeClaim(ctx.name, ctx.namespace, { name, size: '10Gi', storageClass: cls }));
    ctx.setVm(['spec', 'volumes'], [...((ctx.get(['spec', 'volumes']) as unknown[]) ?? []), { name, persistentVolumeClaim: { claimName: volumeClaimName(ctx.name, name) } }]);
  };
  const remove = (i: number) => {
    const row = rows[i]!;
    const vols = ((ctx.get(['spec', 'volumes']) as unknown[]) ?? []).filter((_, j) => j !== i);
    ctx.setVm(['spec', 'volumes'], vols.length ? vols : undefined);
    if (row.claimIndex !== undefined) ctx.model.removeDoc(row.claimIndex);
  };
  return (
    <div className="max-w-xl">
      {classes.length ? (
        <ChoiceList
          label="Storage class"
          name="vm-storage-class"
          value={storageClass}
          onChange={(v) => ctx.setVm(['spec', 'storageClass'], v)}
          choices={classes.map((c) => ({ value: c.name, label: c.name, detail: c.isDefault ? 'Default' : undefined }))}
          help="The vSphere storage policy for the VM's disks. The namespace's quota lists the classes it may use."
        />
      ) : (
        <TextField label="Storage class" value={storageClass} onChange={(v) => ctx.setVm(['spec', 'storageClass'], v || undefined)} mono help="The vSphere storage policy for the VM's disks (the StorageClass name)." />
      )}
      <fieldset className="pt-2">
        <legend className="text-xs font-medium">Data volumes</legend>
        <p className="text-[11px] text-muted dark:text-muted-dark">Each volume is a new PersistentVolumeClaim named after the VM; its size counts against the storage quota.</p>
        {rows.map((row, i) => (
          <div key={`${row.claim}-${i}`} className="flex flex-wrap items-end gap-2 border-b border-line/60 py-1 dark:border-line-dark/60">
            <span className="w-28 pb-2 font-mono text-xs">{row.name}</span>
            <TextField className="w-28" label={`Size of ${row.name}`} value={row.size} onChange={(v) => setRow(i, { ...row, size: v.trim() })} mono placeholder="10Gi" />
            {classes.length ? (
              <SelectField className="w-56" label={`Storage class of ${row.name}`} value={row.storageClass} onChange={(v) => setRow(i, { ...row, storageClass: v })} options={classes.map((c) => ({ value: c.name, label: c.name }))} placeholder="(default)" />
            ) : null}
            <button type="button" onClick={() => remove(i)} className={`${small} mb-1 text-red-700 dark:text-red-300`} aria-label={`Remove volume ${row.name}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={add} disabled={!ctx.name} className={`${small} mt-1 text-accent disabled:opacity-50 dark:text-accent-dark`}>
          Add a volume
        </button>
      </fieldset>
    </div>
  );
}

const NETWORK_KINDS = [
  { value: 'vmware.com/v1alpha1/VirtualNetwork', label: 'NSX VirtualNetwork' },
  { value: 'netoperator.vmware.com/v1alpha1/Network', label: 'vSphere Distributed Switch Network' },
  { value: 'crd.nsx.vmware.com/v1alpha1/SubnetSet', label: 'NSX VPC SubnetSet' },
];

export function VmNetworkStep({ ctx }: { ctx: VmWizardContext }) {
  const iface = (ctx.get(['spec', 'network', 'interfaces', 0]) as { name?: string; network?: { apiVersion?: string; kind?: string; name?: string } } | undefined) ?? undefined;
  const [custom, setCustom] = useState(!!iface);
  const mode = custom || iface ? 'custom' : 'default';
  const kindValue = iface?.network ? `${iface.network.apiVersion ?? ''}/${iface.network.kind ?? ''}` : NETWORK_KINDS[0]!.value;
  const setIface = (next: { name: string; kind: string; network: string }) => {
    const i = next.kind.lastIndexOf('/');
    ctx.setVm(['spec', 'network', 'interfaces'], [{ name: next.name, network: { apiVersion: next.kind.slice(0, i), kind: next.kind.slice(i + 1), ...(next.network ? { name: next.network } : {}) } }]);
  };
  const current = { name: iface?.name ?? 'eth0', kind: kindValue, network: iface?.network?.name ?? '' };
  return (
    <div className="max-w-lg">
      <ChoiceList
        label="Network"
        name="vm-network"
        value={mode}
        onChange={(v) => {
          setCustom(v === 'custom');
          if (v === 'default') ctx.setVm(['spec', 'network'], undefined);
          else setIface(current);
        }}
        choices={[
          { value: 'default', label: "The namespace's default network", note: 'One interface, address by DHCP or the network’s IP pool.' },
          { value: 'custom', label: 'A specific network', note: 'Name the interface and the network it joins.' },
        ]}
      />
      {mode === 'custom' ? (
        <>
          <TextField label="Interface name" value={current.name} onChange={(v) => setIface({ ...current, name: v.trim() })} mono help="At least two lower-case letters or digits, e.g. eth0." error={/^[a-z0-9]{2,}$/.test(current.name) ? undefined : 'Use at least two lower-case letters or digits.'} />
          <SelectField label="Network type" value={current.kind} onChange={(v) => setIface({ ...current, kind: v })} options={NETWORK_KINDS} />
          <TextField label="Network name" value={current.network} onChange={(v) => setIface({ ...current, network: v.trim() })} mono help="Empty: the namespace's default network of that type." />
        </>
      ) : null}
    </div>
  );
}

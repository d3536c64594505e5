'use client';

import { useMemo } from 'react';
import { useCan, useCanCluster } from '@/components/data/use-access';
import { useServed } from '@/components/data/use-discovery';
import { useKubeList } from '@/components/data/use-kube-list';
import { nameProblem, VM_GROUP } from '@/lib/forms/wizards/vm';
import { formatAmount } from '@/lib/quota/amounts';
import { classFits } from '@/lib/quota/class-fit';
import { classSize, objectsCost } from '@/lib/quota/object-cost';
import { get } from '@/lib/resources/format';
import { collectionPath } from '@/lib/resources/paths';
import type { KubeObject } from '@/lib/k8s/types';
import { ChoiceList, TextField, type Choice } from '../fields';
import { NamespaceField } from '../namespace-field';
import type { VmWizardContext } from './vm-context';

/** The VM wizard's first steps: where and what it is, which image, which class. */
export function VmBasicsStep({ ctx }: { ctx: VmWizardContext }) {
  const power = String(ctx.get(['spec', 'powerState']) ?? 'PoweredOn');
  return (
    <div className="max-w-lg">
      <NamespaceField value={ctx.namespace} onChange={ctx.moveTo} error={ctx.namespace ? undefined : 'Choose a namespace.'} />
      <TextField label="Name" value={ctx.name} onChange={(v) => ctx.rename(v.trim())} required mono error={nameProblem(ctx.name)} help="Lower-case letters, digits and dashes; also names the VM's cloud-init Secret, volumes and service." />
      <ChoiceList
        label="Power state after creation"
        name="vm-power"
        value={power}
        onChange={(v) => ctx.setVm(['spec', 'powerState'], v)}
        choices={[
          { value: 'PoweredOn', label: 'Powered on', note: 'Starts as soon as it is placed; counts against the quota while on.' },
          { value: 'PoweredOff', label: 'Powered off', note: 'Created but not started; counts only as one VM.' },
        ]}
      />
    </div>
  );
}

function imageChoice(o: KubeObject, kind: 'VirtualMachineImage' | 'ClusterVirtualMachineImage'): Choice {
  const os = String(get(o, 'status.osInfo.type') ?? '');
  const product = [get(o, 'status.productInfo.product'), get(o, 'status.productInfo.version')].filter(Boolean).join(' ');
  return {
    value: `${kind}/${o.metadata.name}`,
    label: String(get(o, 'status.name') ?? o.metadata.name),
    note: [product || os, product && os ? os : '', o.metadata.name].filter(Boolean).join(' · '),
    detail: kind === 'VirtualMachineImage' ? 'Namespace' : 'Cluster',
  };
}

export function useImages(namespace: string) {
  const vmi = useServed('virtualmachineimages.vmoperator.vmware.com');
  const cvmi = useServed('clustervirtualmachineimages.vmoperator.vmware.com');
  // Supervisor-wide images are listed only when the user may (a developer often may not).
  const canLocal = useCan('list', VM_GROUP, 'virtualmachineimages', namespace);
  const canCluster = useCanCluster('list', VM_GROUP, 'clustervirtualmachineimages');
  const local = useKubeList(vmi && namespace && canLocal ? collectionPath(vmi.descriptor, vmi.version, namespace) : undefined);
  const cluster = useKubeList(cvmi && canCluster ? collectionPath(cvmi.descriptor, cvmi.version) : undefined);
  const choices = useMemo(
    () => [...(local.data?.items ?? []).map((o) => imageChoice(o, 'VirtualMachineImage')), ...(cluster.data?.items ?? []).map((o) => imageChoice(o, 'ClusterVirtualMachineImage'))].sort((a, b) => a.label.localeCompare(b.label)),
    [local.data, cluster.data],
  );
  return { choices, loading: canLocal === undefined || canCluster === undefined || (!!canLocal && local.isPending) || (!!canCluster && cluster.isPending) };
}

export function VmImageStep({ ctx }: { ctx: VmWizardContext }) {
  const { choices, loading } = useImages(ctx.namespace);
  const kind = ctx.get(['spec', 'image', 'kind']);
  const name = ctx.get(['spec', 'image', 'name']);
  const value = kind && name ? `${String(kind)}/${String(name)}` : '';
  return (
    <ChoiceList
      label="Image"
      name="vm-image"
      value={value}
      onChange={(v) => {
        const [k, ...rest] = v.split('/');
        ctx.setVm(['spec', 'image'], { kind: k, name: rest.join('/') });
      }}
      choices={choices}
      empty={loading ? 'Loading images…' : `No images are available in ${ctx.namespace || 'this namespace'}.`}
      help="Images from the namespace's content libraries and the Supervisor-wide ones, with their OS."
    />
  );
}

export function VmClassStep({ ctx }: { ctx: VmWizardContext }) {
  const { facts, vm } = ctx;
  const className = String(ctx.get(['spec', 'className']) ?? '');
  const poweredOn = (ctx.get(['spec', 'powerState']) ?? 'PoweredOn') === 'PoweredOn';
  const fits = useMemo(() => {
    if (!vm) return new Map<string, boolean>();
    const docs = ctx.model.state.values.filter((v) => v !== vm) as KubeObject[];
    const other = objectsCost([...docs, { ...vm, spec: { ...vm.spec, powerState: 'PoweredOff' } }], facts.cost).usage;
    return new Map(classFits(facts.vmClasses, facts.quotas, other).map((f) => [f.name, f.fits]));
  }, [vm, ctx.model.state.values, facts]);
  const bySize = [...facts.vmClasses].sort((a, b) => (classSize(a)?.cpus ?? 0) - (classSize(b)?.cpus ?? 0) || (classSize(a)?.memory ?? 0) - (classSize(b)?.memory ?? 0) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const choices: Choice[] = bySize.map((c) => {
    const size = classSize(c);
    const reserved = get(c, 'spec.policies.resources.requests.cpu') !== undefined;
    const fit = fits.get(c.metadata.name ?? '');
    return {
      value: c.metadata.name ?? '',
      label: c.metadata.name ?? '',
      detail: size ? `${size.cpus} CPU · ${formatAmount('memory', size.memory)}` : undefined,
      note: (
        <>
          {reserved ? 'Guaranteed: CPU and memory reserved' : 'Best effort'}
          {facts.quotas.length && poweredOn ? (fit ? ' · fits the quota' : <span className="text-amber-800 dark:text-amber-300"> · exceeds the quota</span>) : null}
        </>
      ),
    };
  });
  const size = classSize(facts.cost.classes.get(className));
  return (
    <ChoiceList
      label="VM class"
      name="vm-class"
      value={className}
      onChange={(v) => ctx.setVm(['spec', 'className'], v)}
      choices={choices}
      empty={facts.vmClassesLoading ? 'Loading VM classes…' : `No VM classes are assigned to ${ctx.namespace || 'this namespace'}.`}
      help={size ? `${className}: ${size.cpus} virtual CPUs and ${formatAmount('memory', size.memory)} of memory, counted in full against the namespace’s quota while the VM is powered on.` : 'The class sets the VM’s virtual CPUs and memory.'}
    />
  );
}

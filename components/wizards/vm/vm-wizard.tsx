'use client';

import { useDiscovery, useServed } from '@/components/data/use-discovery';
import { Empty, Loading } from '@/components/resource/states';
import { useServerDiagnostics } from '@/components/forms/use-server-diagnostics';
import { useSyncModel } from '@/components/forms/use-sync-model';
import { nameProblem, newVm } from '@/lib/forms/wizards/vm';
import { formatAmount } from '@/lib/quota/amounts';
import { classSize } from '@/lib/quota/object-cost';
import { ReviewStep } from '../review-step';
import { useNamespaceFacts } from '../use-namespace-facts';
import { WizardShell, type WizardStep } from '../wizard-shell';
import { VmBasicsStep, VmClassStep, VmImageStep } from './vm-choice-steps';
import { VmCloudInitStep, VmExposeStep } from './vm-bootstrap-expose';
import { useVmContext } from './vm-context';
import { VmNetworkStep, VmStorageStep } from './vm-storage-network';

/**
 * The virtual machine wizard: namespace and name, image, class, storage, network, cloud-init,
 * exposure, then review with the quota preview and Create. Every step edits the same YAML shown
 * beside it; edits made in the YAML show in the steps.
 */
export function VmWizardPage({ namespace }: { namespace?: string }) {
  const served = useServed('virtualmachines.vmoperator.vmware.com');
  const discovery = useDiscovery();
  if (discovery.isPending) return <Loading label="Loading the cluster’s kinds…" />;
  if (!served) return <Empty>This cluster does not serve VirtualMachines (vmoperator.vmware.com).</Empty>;
  return <VmWizard namespace={namespace} version={served.version} />;
}

function VmWizard({ namespace, version }: { namespace?: string; version: string }) {
  const model = useSyncModel(() => [newVm(namespace ?? '', '', version)]);
  const [diagnostics, setDiagnostics] = useServerDiagnostics(model.state.text);
  const vmNamespace = String((model.state.values.find((v) => (v as { kind?: string })?.kind === 'VirtualMachine') as { metadata?: { namespace?: string } } | undefined)?.metadata?.namespace ?? '');
  const facts = useNamespaceFacts(vmNamespace || undefined);
  const ctx = useVmContext(model, facts, version);

  if (ctx.vmIndex < 0) {
    return (
      <div className="p-4">
        <p role="alert" className="text-sm">
          The YAML no longer holds a VirtualMachine.{' '}
          <button type="button" className="text-accent underline dark:text-accent-dark" onClick={() => model.addDoc(newVm(vmNamespace || (namespace ?? ''), '', version))}>
            Add one back
          </button>
        </p>
      </div>
    );
  }

  const className = String(ctx.get(['spec', 'className']) ?? '');
  const image = ctx.get(['spec', 'image', 'name']) as string | undefined;
  const size = classSize(facts.cost.classes.get(className));
  const missing = [
    !ctx.namespace && 'a namespace',
    nameProblem(ctx.name) && 'a valid name',
    !image && !ctx.get(['spec', 'imageName']) && 'an image',
    !className && 'a VM class',
  ].filter((x): x is string => !!x);

  const steps: WizardStep[] = [
    { id: 'basics', title: 'Name', summary: ctx.name ? `${ctx.namespace}/${ctx.name}` : undefined, incomplete: !ctx.namespace || nameProblem(ctx.name) ? 'Needs a namespace and a valid name.' : undefined, content: <VmBasicsStep ctx={ctx} /> },
    { id: 'image', title: 'Image', summary: image, incomplete: image ? undefined : 'Choose an image.', content: <VmImageStep ctx={ctx} /> },
    { id: 'class', title: 'Class', summary: className ? `${className}${size ? ` (${size.cpus} CPU, ${formatAmount('memory', size.memory)})` : ''}` : undefined, incomplete: className ? undefined : 'Choose a class.', content: <VmClassStep ctx={ctx} /> },
    { id: 'storage', title: 'Storage', summary: (ctx.get(['spec', 'storageClass']) as string | undefined) ?? undefined, content: <VmStorageStep ctx={ctx} /> },
    { id: 'network', title: 'Network', summary: ctx.get(['spec', 'network']) ? 'Custom' : 'Default', content: <VmNetworkStep ctx={ctx} /> },
    { id: 'cloud-init', title: 'Cloud-init', summary: ctx.secretIndex >= 0 ? 'Cloud-init' : 'None', content: <VmCloudInitStep ctx={ctx} /> },
    { id: 'expose', title: 'Expose', summary: ctx.serviceIndex >= 0 ? 'VM service' : 'Not exposed', content: <VmExposeStep ctx={ctx} /> },
    {
      id: 'review',
      title: 'Review',
      content: (
        <ReviewStep
          model={model}
          namespace={ctx.namespace}
          facts={facts}
          missing={missing}
          onUseClass={(c) => ctx.setVm(['spec', 'className'], c)}
          onDiagnostics={setDiagnostics}
          mainIndex={ctx.vmIndex}
          createLabel="Create virtual machine"
          summary={[
            { label: 'Virtual machine', value: ctx.name ? `${ctx.namespace}/${ctx.name}` : '—' },
            { label: 'Image', value: image ?? '—' },
            { label: 'Class', value: className ? `${className}${size ? ` — ${size.cpus} CPU, ${formatAmount('memory', size.memory)}` : ''}` : '—' },
            { label: 'Power state', value: String(ctx.get(['spec', 'powerState']) ?? 'PoweredOn') },
            { label: 'Storage class', value: String(ctx.get(['spec', 'storageClass']) ?? 'the image’s default') },
          ]}
        />
      ),
    },
  ];

  return <WizardShell title="New virtual machine" subtitle={ctx.namespace ? `in ${ctx.namespace}` : undefined} steps={steps} model={model} yamlLabel="YAML of the new virtual machine" diagnostics={diagnostics} />;
}

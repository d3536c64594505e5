'use client';

import type { ServedResource } from '@/components/data/use-discovery';
import type { KubeObject } from '@/lib/k8s/types';
import { ConditionsPanel, HealthReasons } from './conditions-panel';
import { DetailsPanel, LabelsPanel } from './metadata-panels';
import { HostSection } from './sections/host-section';
import { NamespaceSection } from './sections/namespace-section';
import { PodSection } from './sections/pod-section';
import { SecretSection } from './sections/secret-section';
import { VmSection } from './sections/vm-section';

/**
 * Summary: why it is not healthy (first, when it is not), the kind's own section (VM, pod, host,
 * namespace, secret data), details, conditions explained, labels and annotations.
 */
function KindSection({ served, obj }: { served: ServedResource; obj: KubeObject }) {
  switch (served.descriptor.id) {
    case 'virtualmachines.vmoperator.vmware.com':
      return <VmSection obj={obj} />;
    case 'pods':
      return <PodSection pod={obj} />;
    case 'nodes':
      return <HostSection node={obj} />;
    case 'namespaces':
      return <NamespaceSection namespace={obj.metadata.name ?? ''} />;
    case 'secrets':
      return <SecretSection secret={obj} />;
    default:
      return null;
  }
}

/** Kinds whose own section shows the descriptor's summary fields. */
const OWN_FIELDS = new Set(['virtualmachines.vmoperator.vmware.com']);

export function SummaryTab({ served, obj, limited }: { served: ServedResource; obj: KubeObject; limited: boolean }) {
  const d = served.descriptor;
  return (
    <div className="space-y-3 p-4">
      {limited ? null : <HealthReasons label={d.label.toLowerCase()} status={d.status(obj)} />}
      <KindSection served={served} obj={obj} />
      {limited ? null : (
        <>
          <div className="grid items-start gap-3 xl:grid-cols-2">
            <DetailsPanel d={d} obj={obj} fields={!OWN_FIELDS.has(d.id)} />
            <LabelsPanel obj={obj} />
          </div>
          <ConditionsPanel obj={obj} />
        </>
      )}
    </div>
  );
}

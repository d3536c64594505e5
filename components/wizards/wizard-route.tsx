'use client';

import { Empty } from '@/components/resource/states';
import { NamespaceWizardPage } from './namespace/namespace-wizard';
import { ServiceWizardPage } from './service/service-wizard';
import { VmWizardPage } from './vm/vm-wizard';
import { WorkloadWizard } from './workload/workload-wizard';

/** The wizard a create URL names (`…/create/<wizard>`), with its query (`?kind=`). */
export function WizardRoute({ wizard, namespace, kind }: { wizard: string; namespace?: string; kind?: string }) {
  switch (wizard) {
    case 'vm':
      return <VmWizardPage namespace={namespace} />;
    case 'workload':
      return <WorkloadWizard key={kind ?? 'deployment'} namespace={namespace} kind={kind === 'pod' ? 'Pod' : 'Deployment'} />;
    case 'service':
      return <ServiceWizardPage key={kind ?? ''} namespace={namespace} kind={kind} />;
    case 'namespace':
      return <NamespaceWizardPage />;
    default:
      return <Empty>There is no “{wizard}” wizard.</Empty>;
  }
}

import type { Condition } from '../k8s/types';

/**
 * Plain words for the conditions the console meets: what each type means, and whether the
 * current status is good. Negative-polarity types (pressure, failure) are good when False.
 */
interface Help {
  meaning: string;
  negative?: boolean;
}

const HELP: Record<string, Help> = {
  Ready: { meaning: 'The object is ready to serve.' },
  PodScheduled: { meaning: 'The pod has been placed on a host.' },
  Initialized: { meaning: 'All init containers have completed.' },
  ContainersReady: { meaning: 'Every container in the pod passes its readiness check.' },
  PodReadyToStartContainers: { meaning: 'The pod sandbox and its network are set up.' },
  DisruptionTarget: { meaning: 'The pod is about to be terminated (eviction, preemption or host failure).', negative: true },
  Available: { meaning: 'Enough replicas are ready to serve (minimum availability is met).' },
  Progressing: { meaning: 'The rollout is moving forward or has completed.' },
  ReplicaFailure: { meaning: 'Pods could not be created (quota, admission or validation errors).', negative: true },
  Complete: { meaning: 'The job finished successfully.' },
  Failed: { meaning: 'The job failed.', negative: true },
  Suspended: { meaning: 'The job is suspended.', negative: true },
  MemoryPressure: { meaning: 'The host is running low on memory.', negative: true },
  DiskPressure: { meaning: 'The host is running low on disk space.', negative: true },
  PIDPressure: { meaning: 'The host is running out of process IDs.', negative: true },
  NetworkUnavailable: { meaning: 'The host’s network is not configured.', negative: true },
  VirtualMachineClassReady: { meaning: 'The VM class exists and is bound to this namespace.' },
  VirtualMachineImageReady: { meaning: 'The VM image exists and is ready to deploy from.' },
  VirtualMachineStorageReady: { meaning: 'The storage class and volumes for the VM are ready.' },
  VirtualMachineBootstrapReady: { meaning: 'The guest customisation (cloud-init, sysprep) is valid.' },
  VirtualMachineNetworkReady: { meaning: 'The VM’s network interfaces are configured.' },
  VirtualMachineConditionPlacementReady: { meaning: 'A host and zone were found for the VM.' },
  VirtualMachineCreated: { meaning: 'The VM exists in vSphere.' },
  VirtualMachinePowerStateSynced: { meaning: 'The VM’s power state matches what was asked for.' },
  VirtualMachineClassConfigurationSynced: { meaning: 'The VM runs with the hardware of its current class.' },
  VirtualMachineToolsReady: { meaning: 'VMware Tools is running in the guest.' },
  GuestCustomization: { meaning: 'The guest operating system has been customised.' },
  VirtualMachineReconcileReady: { meaning: 'VM Operator reconciled the VM without errors.' },
  ServerReady: { meaning: 'The service’s server side is up.' },
  Valid: { meaning: 'The resource’s specification was accepted by its operator.' },
  Healthy: { meaning: 'The operator reports the instance healthy.' },
  Created: { meaning: 'The resource and its parts have been created.' },
  Running: { meaning: 'The job’s replicas are running.' },
  Succeeded: { meaning: 'The job completed successfully.' },
  Restarting: { meaning: 'The job’s replicas are restarting after a failure.', negative: true },
  NamespaceDeletionContentFailure: { meaning: 'Some content of the namespace could not be deleted.', negative: true },
  NamespaceDeletionDiscoveryFailure: { meaning: 'The API groups needed to empty the namespace could not be discovered.', negative: true },
};

export interface ConditionExplained {
  meaning: string;
  /** ok: as it should be; bad: something is wrong; unknown: not yet determined. */
  verdict: 'ok' | 'bad' | 'unknown';
}

export function explainCondition(c: Condition): ConditionExplained {
  const help = HELP[c.type];
  const negative = help?.negative ?? /Pressure$|Failure$|Failed$|Unavailable$|Degraded$/.test(c.type);
  const verdict = c.status === 'Unknown' || (c.status !== 'True' && c.status !== 'False') ? 'unknown' : (c.status === 'True') !== negative ? 'ok' : 'bad';
  const meaning = help?.meaning ?? `${c.type.replace(/([a-z])([A-Z])/g, '$1 $2')}${negative ? ' (a problem when True)' : ''}.`;
  return { meaning, verdict };
}

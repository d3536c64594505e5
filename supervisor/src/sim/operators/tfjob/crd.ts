import type { CustomResourceDefinition } from '../../../crd/crd-types';
import type { SchemaNode } from '../../../openapi/schema-node';
import { crd } from '../kit/crd';
import { S, rootSchema } from '../kit/schema';

/**
 * `tfjobs.kubeflow.org` as the Kubeflow training-operator ships it: v1, status subresource,
 * printer columns State (the type of the last condition) and Age. Spec and status follow
 * `pkg/apis/kubeflow.org/v1/{tensorflow_types.go,common_types.go}`; replica pod templates are
 * kept as given.
 */
export const KUBEFLOW_GROUP = 'kubeflow.org';
export const KUBEFLOW_V1 = `${KUBEFLOW_GROUP}/v1`;

export function replicaSpecSchema(): SchemaNode {
  return S.obj(
    {
      replicas: S.int32('Replicas is the desired number of replicas of the given template. If unspecified, defaults to 1.'),
      restartPolicy: S.enumOf(['Always', 'OnFailure', 'Never', 'ExitCode'], 'Restart policy for all replicas within the job. One of Always, OnFailure, Never and ExitCode. Default to Never.'),
      template: S.any('Template is the object that describes the pod that will be created for this replica. RestartPolicy in PodTemplateSpec will be overide by RestartPolicy in ReplicaSpec'),
    },
    'ReplicaSpec is a description of the replica',
  );
}

export function runPolicySchema(): SchemaNode {
  return S.obj(
    {
      cleanPodPolicy: S.enumOf(['All', 'Running', 'None'], 'CleanPodPolicy defines the policy to kill pods after the job completes. Default to Running.'),
      ttlSecondsAfterFinished: S.int32('TTLSecondsAfterFinished is the TTL to clean up jobs. It may take extra ReconcilePeriod seconds for the cleanup, since reconcile gets called periodically. Default to infinite.'),
      activeDeadlineSeconds: S.int('Specifies the duration in seconds relative to the startTime that the job may be active before the system tries to terminate it; value must be positive integer.', { format: 'int64' }),
      backoffLimit: S.int32('Optional number of retries before marking this job failed.'),
      schedulingPolicy: S.obj(
        {
          minAvailable: S.int32('Minimum number of pods that must be scheduled together (gang scheduling).'),
          queue: S.str('Queue of the scheduler to submit to.'),
          minResources: S.map(S.quantity(), 'Minimum resources the gang needs.'),
          priorityClass: S.str('Priority class of the pod group.'),
          scheduleTimeoutSeconds: S.int32('How long the pod group may wait to be scheduled.'),
        },
        'SchedulingPolicy defines the policy related to scheduling, e.g. gang-scheduling',
      ),
      suspend: S.bool('suspend specifies whether the Job controller should create Pods or not. If a Job is created with suspend set to true, no Pods are created by the Job controller.', { default: false }),
      managedBy: S.str('ManagedBy is used to indicate the controller or entity that manages a job.'),
    },
    'RunPolicy encapsulates various runtime policies of the distributed training job, for example how to clean up resources and how long the job can stay active.',
  );
}

export function jobStatusSchema(): SchemaNode {
  const condition = S.obj(
    {
      type: S.str('Type of job condition.'),
      status: S.str('Status of the condition, one of True, False, Unknown.'),
      reason: S.str("The reason for the condition's last transition."),
      message: S.str('A human readable message indicating details about the transition.'),
      lastUpdateTime: S.time('The last time this condition was updated.'),
      lastTransitionTime: S.time('Last time the condition transitioned from one status to another.'),
    },
    'JobCondition describes the state of the job at a certain point.',
    ['status', 'type'],
  );
  const replicaStatus = S.obj(
    {
      active: S.int32('The number of actively running pods.'),
      succeeded: S.int32('The number of pods which reached phase Succeeded.'),
      failed: S.int32('The number of pods which reached phase Failed.'),
      labelSelector: S.labelSelector('Deprecated: Use Selector instead'),
      selector: S.str('A Selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty Selector matches all objects. A null Selector matches no objects.'),
    },
    'ReplicaStatus represents the current observed state of the replica.',
  );
  return S.obj(
    {
      conditions: S.arr(condition, 'Conditions is an array of current observed job conditions.'),
      replicaStatuses: S.map(replicaStatus, 'ReplicaStatuses is map of ReplicaType and ReplicaStatus, specifies the status of each replica.'),
      startTime: S.time('Represents time when the job was acknowledged by the job controller. It is not guaranteed to be set in happens-before order across separate operations. It is represented in RFC3339 form and is in UTC.'),
      completionTime: S.time('Represents time when the job was completed. It is not guaranteed to be set in happens-before order across separate operations. It is represented in RFC3339 form and is in UTC.'),
      lastReconcileTime: S.time('Represents last time when the job was reconciled. It is not guaranteed to be set in happens-before order across separate operations. It is represented in RFC3339 form and is in UTC.'),
    },
    'Most recently observed status of the TFJob. Populated by the system. Read-only.',
  );
}

export function tfjobCrds(): CustomResourceDefinition[] {
  const spec = S.obj(
    {
      runPolicy: runPolicySchema(),
      successPolicy: S.str('SuccessPolicy defines the policy to mark the TFJob as succeeded. Default to "", using the default rules.'),
      tfReplicaSpecs: S.map(replicaSpecSchema(), 'A map of TFReplicaType (type) to ReplicaSpec (value). Specifies the TF cluster configuration. For example, { "PS": ReplicaSpec, "Worker": ReplicaSpec, }'),
      enableDynamicWorker: S.bool('A switch to enable dynamic worker'),
    },
    'Specification of the desired state of the TFJob.',
    ['tfReplicaSpecs'],
  );
  return [
    crd({
      group: KUBEFLOW_GROUP,
      kind: 'TFJob',
      plural: 'tfjobs',
      singular: 'tfjob',
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.12.0' },
      versions: [
        {
          name: 'v1',
          schema: rootSchema('TFJob represents a TFJob resource.', spec, jobStatusSchema()),
          status: true,
          printerColumns: [
            { name: 'State', type: 'string', jsonPath: '.status.conditions[-1:].type' },
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
          ],
        },
      ],
    }),
  ];
}

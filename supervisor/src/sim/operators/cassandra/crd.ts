import type { CustomResourceDefinition } from '../../../crd/crd-types';
import { crd } from '../kit/crd';
import { S, rootSchema } from '../kit/schema';

/**
 * `cassandradatacenters.cassandra.datastax.com` as cass-operator (k8ssandra) ships it: v1beta1,
 * short names cassdc/cassdcs, a status subresource and no printer columns. Upstream marks the
 * whole spec `x-kubernetes-preserve-unknown-fields`; the properties below carry the documented
 * fields and descriptions from `apis/cassandra/v1beta1/cassandradatacenter_types.go`.
 */
export const CASS_GROUP = 'cassandra.datastax.com';
export const CASS_V1BETA1 = `${CASS_GROUP}/v1beta1`;

function dcSpec() {
  return S.obj(
    {
      clusterName: S.str('The name by which CQL clients and instances will know the cluster. If the same cluster name is shared by multiple Datacenters in the same Kubernetes namespace, they will join together in a multi-datacenter cluster.', { minLength: 2 }),
      datacenterName: S.str('DatacenterName allows to override the name of the Cassandra datacenter. In Cassandra the DC name will be overridden by this value.'),
      size: S.int32('Desired number of Cassandra server nodes', { minimum: 1 }),
      serverType: S.enumOf(['cassandra', 'dse', 'hcd'], 'Server type: "cassandra", "dse" or "hcd"'),
      serverVersion: S.str('Version string for config builder, used to generate Cassandra server configuration', { pattern: '(6\\.[89]\\.\\d+)|(3\\.11\\.\\d+)|(4\\.\\d+\\.\\d+)|(5\\.\\d+\\.\\d+)|(1\\.\\d+\\.\\d+)' }),
      serverImage: S.str('Cassandra server image name. Use of ImageConfig to match ServerVersion is recommended instead of this value. This value will override anything set in the ImageConfig matching the ServerVersion'),
      config: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, description: 'Config for the server, in YAML format' },
      configSecret: S.str('ConfigSecret is the name of a secret that contains configuration for Cassandra. The secret is expected to have a property named config whose value should be a JSON formatted string.'),
      managementApiAuth: S.any('Config for the Management API certificates'),
      nodeAffinityLabels: S.stringMap('NodeAffinityLabels to pin the Datacenter, using node affinity'),
      resources: S.resources('Kubernetes resource requests and limits, per pod'),
      systemLoggerResources: S.resources('Kubernetes resource requests and limits per system logger container.'),
      configBuilderResources: S.resources('Kubernetes resource requests and limits per server config initialization container.'),
      racks: S.arr(
        S.obj(
          {
            name: S.str('The rack name', { minLength: 2 }),
            nodeAffinityLabels: S.stringMap('NodeAffinityLabels to pin the rack, using node affinity'),
            zone: S.str('Deprecated. Use nodeAffinityLabels instead. DeprecatedZone name to pin the rack, using node affinity'),
            affinity: S.any('Affinity rules to set for this rack only.'),
          },
          undefined,
          ['name'],
        ),
        'A list of the named racks in the datacenter, representing independent failure domains. The number of racks should match the replication factor in the keyspaces you plan to create, and the number of racks cannot easily be changed once a datacenter is deployed.',
      ),
      storageConfig: S.obj(
        {
          cassandraDataVolumeClaimSpec: S.any('PersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes'),
          additionalVolumes: S.anyList('Additional volumes (PVCs or volume sources) mounted into the cassandra container.'),
        },
        'StorageConfig describes the persistent storage request of each server node',
      ),
      stopped: S.bool('A stopped CassandraDatacenter will have no running server pods, like using "stop" with traditional System V init scripts. Other Kubernetes resources will be left intact, and volumes will re-attach when the CassandraDatacenter workload is resumed.'),
      superuserSecretName: S.str('This secret defines the username and password for the Cassandra server superuser. If it is omitted, we will generate a secret instead.'),
      users: S.arr(S.obj({ secretName: S.str('Secret with the user\'s username and password.'), superuser: S.bool('Whether the user is a superuser.') }, undefined, ['secretName', 'superuser']), 'Cassandra users to bootstrap'),
      serviceAccountName: S.str('ServiceAccountName is the Kubernetes service account to use for the server pods.'),
      allowMultipleNodesPerWorker: S.bool('Turning this option on allows multiple server pods to be created on a k8s worker node, by removing the default pod anti affinity rules.'),
      canaryUpgrade: S.bool('Indicates that configuration and container image changes should only be pushed to the first rack of the datacenter'),
      canaryUpgradeCount: S.int32('The number of nodes that will be updated when CanaryUpgrade is true.'),
      rollingRestartRequested: S.bool('Deprecated. Use CassandraTask for rolling restarts. Whether to do a rolling restart at the next opportunity.'),
      nodeSelector: S.stringMap('A map of label keys and values to restrict Cassandra node scheduling to k8s workers with matchiing labels.'),
      tolerations: S.anyList('Tolerations applied to the Cassandra pod. Note that these cannot be overridden with PodTemplateSpec.'),
      podTemplateSpec: S.any('PodTemplate provides customisation options (labels, annotations, affinity rules, resource requests, and so on) for the cassandra pods'),
      networking: S.any('Networking (host network, node ports) of the server pods.'),
      additionalSeeds: S.strings('Extra seed addresses for the cluster.'),
      additionalLabels: S.stringMap('Additional Labels allows to define additional labels that will be included in all objects created by the operator.'),
      additionalAnnotations: S.stringMap('Additional Annotations allows to define additional labels that will be included in all objects created by the operator.'),
      additionalServiceConfig: S.any('AdditionalServiceConfig allows to define additional parameters that are included in the created Services.'),
      disableSystemLoggerSidecar: S.bool('Configuration for disabling the simple log tailing sidecar container. Our default is to have it enabled.'),
      systemLoggerImage: S.str('Container image for the log tailing sidecar container. Overrides value from ImageConfig SystemLoggerImage'),
      configBuilderImage: S.str('Container image for the config builder init container. Overrides value from ImageConfig ConfigBuilderImage'),
      minReadySeconds: S.int32('MinReadySeconds sets the minimum number of seconds for which a newly created pod should be ready without any of its containers crashing, for it to be considered available. Defaults to 5 seconds and is set in the StatefulSet spec.'),
      cdc: S.any('CDC allows configuration of the change data capture agent which can run within the Management API container.'),
      dseWorkloads: S.any('DSE workloads (analytics, graph, search) to enable.'),
    },
    'CassandraDatacenterSpec defines the desired state of a CassandraDatacenter',
    ['clusterName', 'serverType', 'serverVersion', 'size', 'storageConfig'],
    { 'x-kubernetes-preserve-unknown-fields': true },
  );
}

function dcStatus() {
  const condition = S.obj(
    {
      type: S.str('Condition type.'),
      status: S.str('True, False or Unknown.'),
      reason: S.str('Machine readable reason.'),
      message: S.str('Human readable details.'),
      lastTransitionTime: S.time('When the status last changed.'),
    },
    undefined,
    ['message', 'reason', 'status', 'type'],
  );
  return S.obj(
    {
      conditions: S.arr(condition),
      cassandraOperatorProgress: S.str('Last known progress state of the Cassandra Operator'),
      lastServerNodeStarted: S.time('The timestamp when the operator last started a Server node with the management API'),
      superUserUpserted: S.time('Deprecated. Use usersUpserted instead. The timestamp at which CQL superuser credentials were last upserted to the management API'),
      usersUpserted: S.time("The timestamp at which managed cassandra users' credentials were last upserted to the management API"),
      lastRollingRestart: S.time('Last time a rolling restart was done.'),
      nodeStatuses: S.map(S.obj({ hostID: S.str('Cassandra host id.'), ip: S.str('Node address.'), rack: S.str('Rack of the node.') }), 'Per-pod Cassandra node state.'),
      nodeReplacements: S.strings('Pods whose nodes are being replaced.'),
      quietPeriod: S.time('No further change is started before this time.'),
      observedGeneration: S.int('The generation the status describes.', { format: 'int64' }),
      trackedTasks: S.anyList('TrackedTasks tracks the tasks for completion that were created by the cass-operator'),
      failedStarts: S.strings('FailedStarts tracks the pods that failed to start by the operator last time it tried'),
      datacenterName: S.str('DatacenterName is the name of the override used for the CassandraDatacenter'),
      metadataVersion: S.int('Version of the metadata layout.', { format: 'int64' }),
    },
    'CassandraDatacenterStatus defines the observed state of CassandraDatacenter',
  );
}

export function cassandraCrds(): CustomResourceDefinition[] {
  return [
    crd({
      group: CASS_GROUP,
      kind: 'CassandraDatacenter',
      plural: 'cassandradatacenters',
      shortNames: ['cassdc', 'cassdcs'],
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.4' },
      versions: [{ name: 'v1beta1', schema: rootSchema('CassandraDatacenter is the Schema for the cassandradatacenters API', dcSpec(), dcStatus()), status: true }],
    }),
  ];
}

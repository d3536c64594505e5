import type { CustomResourceDefinition } from '../../../crd/crd-types';
import { crd } from '../kit/crd';
import { S, rootSchema } from '../kit/schema';

/**
 * `clusters.postgresql.cnpg.io` as CloudNativePG 1.24 ships it: v1, no short names, printer
 * columns Age/Instances/Ready/Status/Primary, status and scale (`.spec.instances` ↔
 * `.status.instances`) subresources. Fields and descriptions follow `api/v1/cluster_types.go`;
 * subtrees the simulation does not interpret (affinity, backup object stores, external
 * clusters, managed roles, probes) keep unknown fields.
 */
export const CNPG_GROUP = 'postgresql.cnpg.io';
export const CNPG_V1 = `${CNPG_GROUP}/v1`;

const storage = (what: string) =>
  S.obj(
    {
      size: S.str('Size of the storage. Required if not already specified in the PVC template. Changes to this field are automatically reapplied to the created PVCs. Size cannot be decreased.'),
      storageClass: S.str('StorageClass to use for PVCs. Applied after evaluating the PVC template, if available. If not specified, the generated PVCs will use the default storage class'),
      resizeInUseVolumes: S.bool('Resize existent PVCs, defaults to true', { default: true }),
      pvcTemplate: S.any('Template to be used to generate the Persistent Volume Claim'),
    },
    what,
  );

const certificates = S.obj(
  {
    serverCASecret: S.str('The secret containing the Server CA certificate. If not defined, a new secret will be created with a self-signed CA and will be used to generate the TLS certificate ServerTLSSecret.'),
    serverTLSSecret: S.str('The secret of type kubernetes.io/tls containing the server TLS certificate and key that will be set as `ssl_cert_file` and `ssl_key_file` so that clients can connect to postgres securely. If not defined, ServerCASecret must provide also `ca.key` and a new secret will be created using the provided CA.'),
    replicationTLSSecret: S.str('The secret of type kubernetes.io/tls containing the client certificate to authenticate as the `streaming_replica` user. If not defined, ClientCASecret must provide also `ca.key`, and a new secret will be created using the provided CA.'),
    clientCASecret: S.str('The secret containing the Client CA certificate. If not defined, a new secret will be created with a self-signed CA and will be used to generate all the client certificates.'),
    serverAltDNSNames: S.strings('The list of the server alternative DNS names to be added to the generated server TLS certificates, when required.'),
  },
  'The configuration for the CA and related certificates',
);

const bootstrap = S.obj(
  {
    initdb: S.obj(
      {
        database: S.str('Name of the database used by the application. Default: `app`.'),
        owner: S.str('Name of the owner of the database in the instance to be used by applications. Defaults to the value of the `database` key.'),
        secret: S.localRef('Name of the secret containing the initial credentials for the owner of the user database. If empty a new secret will be created from scratch'),
        encoding: S.str('The value to be passed as option `--encoding` for initdb (default:`UTF8`)'),
        localeCType: S.str('The value to be passed as option `--lc-ctype` for initdb (default:`C`)'),
        localeCollate: S.str('The value to be passed as option `--lc-collate` for initdb (default:`C`)'),
        dataChecksums: S.bool('Whether the `-k` option should be passed to initdb, enabling checksums on data pages (default: `false`)'),
        walSegmentSize: S.int('The value in megabytes (1 to 1024) to be passed to the `--wal-segsize` option for initdb (default: empty, resulting in PostgreSQL default: 16MB)', { minimum: 1, maximum: 1024 }),
        options: S.strings('The list of options that must be passed to initdb when creating the cluster. Deprecated: This could lead to inconsistent configurations, please use the explicit provided parameters instead.'),
        postInitSQL: S.strings('List of SQL queries to be executed as a superuser in the `postgres` database right after the cluster has been created - to be used with extreme care (by default empty)'),
        postInitApplicationSQL: S.strings('List of SQL queries to be executed as a superuser in the application database right after the cluster has been created - to be used with extreme care (by default empty)'),
        postInitTemplateSQL: S.strings('List of SQL queries to be executed as a superuser in the `template1` database right after the cluster has been created - to be used with extreme care (by default empty)'),
        import: S.any('Bootstraps the new cluster by importing data from an existing PostgreSQL instance using logical backup (`pg_dump` and `pg_restore`)'),
      },
      'Bootstrap the cluster via initdb',
    ),
    recovery: S.any('Bootstrap the cluster from a backup'),
    pg_basebackup: S.any('Bootstrap the cluster taking a physical backup of another compatible PostgreSQL instance'),
  },
  'Instructions to bootstrap this cluster',
);

function clusterSpec() {
  return S.obj(
    {
      description: S.str('Description of this PostgreSQL cluster'),
      instances: S.int('Number of instances required in the cluster', { minimum: 1, default: 1 }),
      imageName: S.str('Name of the container image, supporting both tags (`<image>:<tag>`) and digests for deterministic and repeatable deployments (`<image>:<tag>@sha256:<digestValue>`)'),
      imageCatalogRef: S.any('Defines the major PostgreSQL version we want to use within an ImageCatalog'),
      imagePullPolicy: S.str('Image pull policy. One of `Always`, `Never` or `IfNotPresent`. If not defined, it defaults to `IfNotPresent`. Cannot be updated.'),
      imagePullSecrets: S.arr(S.obj({ name: S.str('Name of the referent.') }, undefined, ['name']), 'The list of pull secrets to be used to pull the images'),
      inheritedMetadata: S.obj({ labels: S.stringMap(), annotations: S.stringMap() }, 'Metadata that will be inherited by all objects related to the Cluster'),
      minSyncReplicas: S.int('Minimum number of instances required in synchronous replication with the primary. Undefined or 0 allow writes to complete when no standby is available.', { minimum: 0, default: 0 }),
      maxSyncReplicas: S.int('The target value for the synchronous replication quorum, that can be decreased if the number of ready standbys is lower than this. Undefined or 0 disable synchronous replication.', { minimum: 0, default: 0 }),
      postgresql: S.obj(
        {
          parameters: S.stringMap('PostgreSQL configuration options (postgresql.conf)'),
          pg_hba: S.strings('PostgreSQL Host Based Authentication rules (lines to be appended to the pg_hba.conf file)'),
          pg_ident: S.strings('PostgreSQL User Name Maps rules (lines to be appended to the pg_ident.conf file)'),
          shared_preload_libraries: S.strings('Lists of shared preload libraries to add to the default ones'),
          synchronous: S.any('Configuration of the PostgreSQL synchronous replication feature'),
          ldap: S.any('Options to specify LDAP configuration'),
          promotionTimeout: S.int32('Specifies the maximum number of seconds to wait when promoting an instance to primary. Default value is 40000000, greater than one year in seconds, big enough to simulate an infinite timeout'),
          enableAlterSystem: S.bool('If this parameter is true, the user will be able to invoke `ALTER SYSTEM` on this CloudNativePG Cluster. This should only be used for debugging and troubleshooting. Defaults to false.'),
        },
        'Configuration of the PostgreSQL server',
      ),
      bootstrap,
      replica: S.any('Replica cluster configuration'),
      superuserSecret: S.localRef('The secret containing the superuser password. If not defined a new secret will be created with a randomly generated password'),
      enableSuperuserAccess: S.bool('When this option is enabled, the operator will use the `SuperuserSecret` to update the `postgres` user password (if the secret is not present, the operator will automatically create one). When this option is disabled, the operator will ignore the `SuperuserSecret` content, delete it when automatically created, and then blank the password of the `postgres` user by setting it to `NULL`. Disabled by default.', { default: false }),
      certificates,
      storage: storage('Configuration of the storage of the instances'),
      walStorage: storage('Configuration of the storage for PostgreSQL WAL (Write-Ahead Log)'),
      serviceAccountTemplate: S.any('Configure the generation of the service account'),
      startDelay: S.int32('The time in seconds that is allowed for a PostgreSQL instance to successfully start up (default 3600). The startup probe failure threshold is derived from this value using the formula: ceiling(startDelay / 10).', { default: 3600 }),
      stopDelay: S.int32('The time in seconds that is allowed for a PostgreSQL instance to gracefully shutdown (default 1800)', { default: 1800 }),
      smartShutdownTimeout: S.int32('The time in seconds that controls the window of time reserved for the smart shutdown of Postgres to complete. Make sure you reserve enough time for the operator to request a fast shutdown of Postgres (that is: `stopDelay` - `smartShutdownTimeout`).', { default: 180 }),
      switchoverDelay: S.int32('The time in seconds that is allowed for a primary PostgreSQL instance to gracefully shutdown during a switchover. Default value is 3600 seconds (1 hour).', { default: 3600 }),
      failoverDelay: S.int32('The amount of time (in seconds) to wait before triggering a failover after the primary PostgreSQL instance in the cluster was detected to be unhealthy', { default: 0 }),
      affinity: S.any('Affinity/Anti-affinity rules for Pods'),
      topologySpreadConstraints: S.anyList('TopologySpreadConstraints specifies how to spread matching pods among the given topology.'),
      resources: S.resources('Resources requirements of every generated Pod. Please refer to https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/ for more information.'),
      ephemeralVolumesSizeLimit: S.obj({ shm: S.quantity('Shm is the size limit of the shared memory volume'), temporaryData: S.quantity('TemporaryData is the size limit of the temporary data volume') }, 'EphemeralVolumesSizeLimit allows the user to set the limits for the ephemeral volumes'),
      priorityClassName: S.str('Name of the priority class which will be used in every generated Pod, if the PriorityClass specified does not exist, the pod will not be able to schedule.'),
      schedulerName: S.str('If specified, the pod will be dispatched by specified Kubernetes scheduler. If not specified, the pod will be dispatched by the default scheduler.'),
      primaryUpdateStrategy: S.enumOf(['unsupervised', 'supervised'], 'Deployment strategy to follow to upgrade the primary server during a rolling update procedure, after all replicas have been successfully updated: it can be automated (`unsupervised` - default) or manual (`supervised`)', { default: 'unsupervised' }),
      primaryUpdateMethod: S.enumOf(['switchover', 'restart'], 'Method to follow to upgrade the primary server during a rolling update procedure, after all replicas have been successfully updated: it can be with a switchover (`switchover`) or in-place (`restart` - default)', { default: 'restart' }),
      backup: S.obj(
        {
          barmanObjectStore: S.any('The configuration for the barman-cloud tool suite'),
          retentionPolicy: S.str('RetentionPolicy is the retention policy to be used for backups and WALs (i.e. \'60d\'). The retention policy is expressed in the form of `XXu` where `XX` is a positive integer and `u` is in `[dwm]` - days, weeks, months. It\'s currently only applicable when using the BarmanObjectStore method.', { pattern: '^[1-9][0-9]*[dwm]$' }),
          target: S.enumOf(['primary', 'prefer-standby'], 'The policy to decide which instance should perform backups. Available options are empty string, which will default to `prefer-standby` policy, `primary` to have backups run always on primary instances, `prefer-standby` to have backups run preferably on the most updated standby, if available.', { default: 'prefer-standby' }),
          volumeSnapshot: S.any('VolumeSnapshot provides the configuration for the execution of volume snapshot backups.'),
        },
        'The configuration to be used for backups',
      ),
      nodeMaintenanceWindow: S.obj({ inProgress: S.bool('Is there a node maintenance activity in progress?', { default: false }), reusePVC: S.bool('Reuse the existing PVC (wait for the node to come up again) or not (recreate it elsewhere - when `instances` >1)', { default: true }) }, 'Define a maintenance window for the Kubernetes nodes'),
      monitoring: S.obj(
        {
          enablePodMonitor: S.bool('Enable or disable the `PodMonitor`', { default: false }),
          disableDefaultQueries: S.bool('Whether the default queries should be injected. Set it to `true` if you don\'t want to inject default queries into the cluster. Default: false.', { default: false }),
          customQueriesConfigMap: S.anyList('The list of config maps containing the custom queries'),
          customQueriesSecret: S.anyList('The list of secrets containing the custom queries'),
          tls: S.any('Configure TLS communication for the metrics endpoint. Changing tls.enabled option will force a rollout of all instances.'),
          podMonitorMetricRelabelings: S.anyList('The list of metric relabelings for the `PodMonitor`. Applied to samples before ingestion.'),
          podMonitorRelabelings: S.anyList('The list of relabelings for the `PodMonitor`. Applied to samples before scraping.'),
        },
        'The configuration of the monitoring infrastructure of this cluster',
      ),
      externalClusters: S.anyList('The list of external clusters which are used in the configuration'),
      logLevel: S.enumOf(['error', 'warning', 'info', 'debug', 'trace'], "The instances' log level, one of the following values: error, warning, info (default), debug, trace", { default: 'info' }),
      projectedVolumeTemplate: S.any('Template to be used to define projected volumes, projected volumes will be mounted under `/projected` base folder'),
      env: S.anyList('Env follows the Env format to pass environment variables to the pods created in the cluster'),
      envFrom: S.anyList('EnvFrom follows the EnvFrom format to pass environment variables sources to the pods to be used by Env'),
      managed: S.any('The configuration that is used by the portions of PostgreSQL that are managed by the instance manager'),
      seccompProfile: S.any('The SeccompProfile applied to every Pod and Container. Defaults to: `RuntimeDefault`'),
      tablespaces: S.anyList('The tablespaces configuration'),
      enablePDB: S.bool('Manage the `PodDisruptionBudget` resources within the cluster. When configured as `true` (default setting), the pod disruption budgets will safeguard the primary node from being terminated. Conversely, setting it to `false` will result in the absence of any `PodDisruptionBudget` resource, permitting the shutdown of all nodes hosting the PostgreSQL cluster. This latter configuration is advisable for any PostgreSQL cluster employed for development/staging purposes.', { default: true }),
      plugins: S.anyList('The plugins configuration, containing any plugin to be loaded with the corresponding configuration'),
      replicationSlots: S.any('Replication slots management configuration'),
      postgresUID: S.int('The UID of the `postgres` user inside the image, defaults to `26`', { format: 'int64', default: 26 }),
      postgresGID: S.int('The GID of the `postgres` user inside the image, defaults to `26`', { format: 'int64', default: 26 }),
      ephemeralVolumeSource: S.any('EphemeralVolumeSource allows the user to configure the source of ephemeral volumes.'),
    },
    'Specification of the desired behavior of the cluster. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
    ['instances'],
  );
}

function clusterStatus() {
  return S.obj(
    {
      instances: S.int('The total number of PVC Groups detected in the cluster. It may differ from the number of existing instance pods.'),
      readyInstances: S.int('The total number of ready instances in the cluster. It is equal to the number of ready instance pods.'),
      instancesStatus: S.map(S.strings(), 'InstancesStatus indicates in which status the instances are'),
      instancesReportedState: S.map(S.obj({ isPrimary: S.bool('indicates if an instance is the primary one'), timeLineID: S.int('indicates on which TimelineId the instance is'), ip: S.str('IP address of the instance') }, undefined, ['isPrimary']), 'The reported state of the instances during the last reconciliation loop'),
      instanceNames: S.strings('List of instance names in the cluster'),
      latestGeneratedNode: S.int('ID of the latest generated node (used to avoid node name clashing)'),
      currentPrimary: S.str('Current primary instance'),
      currentPrimaryTimestamp: S.str('The timestamp when the last actual promotion to primary has occurred'),
      targetPrimary: S.str('Target primary instance, this is different from the previous one during a switchover or a failover'),
      targetPrimaryTimestamp: S.str('The timestamp when the last request for a new primary has occurred'),
      timelineID: S.int('The timeline of the Postgres cluster'),
      pvcCount: S.int32('How many PVCs have been created by this cluster'),
      jobCount: S.int32('How many Jobs have been created by this cluster'),
      danglingPVC: S.strings('List of all the PVCs created by this cluster and still available which are not attached to a Pod'),
      initializingPVC: S.strings('List of all the PVCs that are being initialized by this cluster'),
      healthyPVC: S.strings('List of all the PVCs not dangling nor initializing'),
      unusablePVC: S.strings('List of all the PVCs that are unusable because another PVC is missing'),
      writeService: S.str('Current write pod'),
      readService: S.str('Current list of read pods'),
      phase: S.str('Current phase of the cluster'),
      phaseReason: S.str('Reason for the current phase'),
      conditions: S.arr(S.metaCondition(), 'Conditions for cluster object'),
      certificates: S.any('The configuration for the CA and related certificates, initialized with defaults.'),
      secretsResourceVersion: S.stringMap('The list of resource versions of the secrets managed by the operator. Every change here is done in the interest of the instance manager, which will refresh the secret data'),
      topology: S.any('Instances topology.'),
      image: S.str('Image contains the image name used by the pods'),
      pgDataImageInfo: S.obj({ image: S.str('Image is the image name'), majorVersion: S.int('MajorVersion is the major version of the image') }, 'PGDataImageInfo contains the details of the latest image that has run on the current data directory.', ['image', 'majorVersion']),
      systemID: S.str('SystemID is the latest detected PostgreSQL SystemID'),
      cloudNativePGCommitHash: S.str('The commit hash number of which this operator running'),
      cloudNativePGOperatorHash: S.str('The hash of the binary of the operator'),
      firstRecoverabilityPoint: S.str('The first recoverability point, stored as a date in RFC3339 format. This field is calculated from the content of FirstRecoverabilityPointByMethod'),
      lastSuccessfulBackup: S.str('Last successful backup, stored as a date in RFC3339 format This field is calculated from the content of LastSuccessfulBackupByMethod'),
      managedRolesStatus: S.any('ManagedRolesStatus reports the state of the managed roles in the cluster'),
      switchReplicaClusterStatus: S.obj({ inProgress: S.bool('InProgress indicates if there is an ongoing procedure of switching a cluster to a replica cluster.') }, 'SwitchReplicaClusterStatus is the status of the switch to replica cluster'),
    },
    'Most recently observed status of the cluster. This data may not be up to date. Populated by the system. Read-only. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status',
    undefined,
    { 'x-kubernetes-preserve-unknown-fields': true },
  );
}

export function cnpgCrds(): CustomResourceDefinition[] {
  return [
    crd({
      group: CNPG_GROUP,
      kind: 'Cluster',
      plural: 'clusters',
      annotations: { 'controller-gen.kubebuilder.io/version': 'v0.16.1' },
      versions: [
        {
          name: 'v1',
          schema: rootSchema('Cluster is the Schema for the PostgreSQL API', clusterSpec(), clusterStatus(), ['metadata', 'spec']),
          status: true,
          scale: { specReplicasPath: '.spec.instances', statusReplicasPath: '.status.instances' },
          printerColumns: [
            { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
            { name: 'Instances', type: 'integer', description: 'Number of instances', jsonPath: '.status.instances' },
            { name: 'Ready', type: 'integer', description: 'Number of ready instances', jsonPath: '.status.readyInstances' },
            { name: 'Status', type: 'string', description: 'Cluster current status', jsonPath: '.status.phase' },
            { name: 'Primary', type: 'string', description: 'Primary pod', jsonPath: '.status.currentPrimary' },
          ],
        },
      ],
    }),
  ];
}

/**
 * Printers for apps/v1 and core/v1 pod controllers: Deployment, ReplicaSet, StatefulSet, DaemonSet,
 * ReplicationController (printers.go `printDeployment`, `printReplicaSet`, ...).
 * `spec.replicas` falls back to 1, the value the API server defaults it to.
 */
import type { KubeObject } from '../api/types';
import {
  ageColumn,
  at,
  column,
  containerCells,
  containersColumn,
  formatLabelSelector,
  formatLabels,
  imagesColumn,
  int,
  labelSelectorString,
  nameColumn,
  str,
} from './format';
import { timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

const name = (o: KubeObject): string => str(o.metadata.name);
const age = (o: KubeObject, now: number): string => timestampSince(o.metadata.creationTimestamp, now);
const replicas = (o: KubeObject): number => int(at(o, 'spec', 'replicas'), 1);
const podContainers = (o: KubeObject): [string, string] => containerCells(at(o, 'spec', 'template', 'spec', 'containers'));

export const deploymentPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    column('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
  ],
  row(o: KubeObject, now: number): TableCell[] {
    const status = at(o, 'status');
    const [containers, images] = podContainers(o);
    return [
      name(o),
      `${int(at(status, 'readyReplicas'))}/${replicas(o)}`,
      int(at(status, 'updatedReplicas')),
      int(at(status, 'availableReplicas')),
      age(o, now),
      containers,
      images,
      labelSelectorString(at(o, 'spec', 'selector')) ?? '<invalid>',
    ];
  },
};

function replicaCountsPrinter(selectorOf: (o: KubeObject) => string): Printer {
  return {
    columns: [
      nameColumn(),
      column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
      column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
      column('Ready', 'integer', 'The number of ready replicas for this replica set.'),
      ageColumn(),
      containersColumn(),
      imagesColumn(),
      column('Selector', 'string', 'Selector is a label query over pods that should match the replica count.', 1),
    ],
    row(o: KubeObject, now: number): TableCell[] {
      const [containers, images] = podContainers(o);
      return [
        name(o),
        replicas(o),
        int(at(o, 'status', 'replicas')),
        int(at(o, 'status', 'readyReplicas')),
        age(o, now),
        containers,
        images,
        selectorOf(o),
      ];
    },
  };
}

export const replicaSetPrinter = replicaCountsPrinter((o) => formatLabelSelector(at(o, 'spec', 'selector')));
/** ReplicationController selectors are plain label maps. */
export const replicationControllerPrinter = replicaCountsPrinter((o) => formatLabels(at(o, 'spec', 'selector')));

export const statefulSetPrinter: Printer = {
  columns: [nameColumn(), column('Ready', 'string', 'Number of the pod with ready state'), ageColumn(), containersColumn(), imagesColumn()],
  row(o: KubeObject, now: number): TableCell[] {
    const [containers, images] = podContainers(o);
    return [name(o), `${int(at(o, 'status', 'readyReplicas'))}/${replicas(o)}`, age(o, now), containers, images];
  },
};

export const daemonSetPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
    column('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    column('Ready', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.'),
    column('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
    ageColumn(),
    containersColumn(),
    imagesColumn(),
    column('Selector', 'string', 'A label query over pods that are managed by the daemon set.', 1),
  ],
  row(o: KubeObject, now: number): TableCell[] {
    const status = at(o, 'status');
    const [containers, images] = podContainers(o);
    return [
      name(o),
      int(at(status, 'desiredNumberScheduled')),
      int(at(status, 'currentNumberScheduled')),
      int(at(status, 'numberReady')),
      int(at(status, 'updatedNumberScheduled')),
      int(at(status, 'numberAvailable')),
      formatLabels(at(o, 'spec', 'template', 'spec', 'nodeSelector')),
      age(o, now),
      containers,
      images,
      formatLabelSelector(at(o, 'spec', 'selector')),
    ];
  },
};

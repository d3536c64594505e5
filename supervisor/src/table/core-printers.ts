/**
 * core/v1 printers other than Pod, Service and Event: Namespace, Node, ConfigMap, Secret,
 * ServiceAccount, ResourceQuota (printers.go `printNamespace`, `printNode`, ...).
 */
import type { KubeObject } from '../api/types';
import { ageColumn, at, column, keyCount, list, nameColumn, quantity, record, str } from './format';
import { timestampSince } from './human-duration';
import type { Printer, TableCell } from './types';

const name = (o: KubeObject): string => str(o.metadata.name);
const age = (o: KubeObject, now: number): string => timestampSince(o.metadata.creationTimestamp, now);

export const namespacePrinter: Printer = {
  columns: [nameColumn(), column('Status', 'string', 'The status of the namespace'), ageColumn()],
  row: (o, now) => [name(o), str(at(o, 'status', 'phase')), age(o, now)],
};

export const configMapPrinter: Printer = {
  columns: [nameColumn(), column('Data', 'string', 'Data contains the configuration data.'), ageColumn()],
  row: (o, now) => [name(o), keyCount(at(o, 'data')) + keyCount(at(o, 'binaryData')), age(o, now)],
};

export const secretPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    column('Data', 'string', 'Data contains the secret data.'),
    ageColumn(),
  ],
  row: (o, now) => [name(o), str(at(o, 'type')), keyCount(at(o, 'data')), age(o, now)],
};

export const serviceAccountPrinter: Printer = {
  columns: [nameColumn(), column('Secrets', 'string', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.'), ageColumn()],
  row: (o, now) => [name(o), list(at(o, 'secrets')).length, age(o, now)],
};

const NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_ROLE_LABEL = 'kubernetes.io/role';

/** printers.go `findNodeRoles`: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role=<role>`, sorted. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(NODE_ROLE_PREFIX)) {
      const role = key.slice(NODE_ROLE_PREFIX.length);
      if (role !== '') roles.add(role);
    } else if (key === NODE_ROLE_LABEL && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function nodeStatus(node: KubeObject): string {
  const ready = list(at(node, 'status', 'conditions')).findLast((c) => at(c, 'type') === 'Ready');
  const status = [ready === undefined ? 'Unknown' : at(ready, 'status') === 'True' ? 'Ready' : 'NotReady'];
  if (at(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: KubeObject, type: string): string {
  const found = list(at(node, 'status', 'addresses')).find((a) => at(a, 'type') === type);
  return found === undefined ? '<none>' : str(at(found, 'address'));
}

export const nodePrinter: Printer = {
  columns: [
    nameColumn(),
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    ageColumn(),
    column('Version', 'string', 'Kubelet Version reported by the node.'),
    column('Internal-IP', 'string', 'List of addresses reachable to the node.', 1),
    column('External-IP', 'string', 'List of addresses reachable to the node.', 1),
    column('OS-Image', 'string', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
    column('Kernel-Version', 'string', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
    column('Container-Runtime', 'string', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
  ],
  row(node: KubeObject, now: number): TableCell[] {
    const info = at(node, 'status', 'nodeInfo');
    const roles = nodeRoles(node).join(',');
    return [
      name(node),
      nodeStatus(node),
      roles || '<none>',
      age(node, now),
      str(at(info, 'kubeletVersion')),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      str(at(info, 'osImage')) || '<unknown>',
      str(at(info, 'kernelVersion')) || '<unknown>',
      str(at(info, 'containerRuntimeVersion')) || '<unknown>',
    ];
  },
};

/** printers.go `printResourceQuota`: `resource: used/hard` for each hard limit, split into requests and `limits.*`. */
function quotaColumns(quota: KubeObject): [string, string] {
  const hard = record(at(quota, 'status', 'hard'));
  const used = record(at(quota, 'status', 'used'));
  const requests: string[] = [];
  const limits: string[] = [];
  for (const resource of Object.keys(hard).sort()) {
    const pieces = resource.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limits : requests;
    target.push(`${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`);
  }
  return [requests.join(', '), limits.join(', ')];
}

export const resourceQuotaPrinter: Printer = {
  // Kubernetes 1.32 order; later releases (kubernetes#129419) moved Age to the end.
  columns: [
    nameColumn(),
    ageColumn(),
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
  ],
  row(o: KubeObject, now: number): TableCell[] {
    const [requests, limits] = quotaColumns(o);
    return [name(o), age(o, now), requests, limits];
  },
};

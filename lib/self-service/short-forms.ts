import type { FieldBinding } from './field-errors';

/**
 * The short create forms of the self-service catalogue, as data: which object paths each field
 * writes (so server refusals land next to it), which field drives which quota (so a quota
 * refusal does too), and for operator-backed services the 2–4 fields that matter, with
 * defaults from the starting object — curated for the services the Supervisor ships, read
 * from the kind's schema for any other.
 */
export type KeyFieldType = 'integer' | 'string' | 'quantity' | 'boolean' | 'storageClass';

export interface KeyField {
  id: string;
  label: string;
  path: (string | number)[];
  type: KeyFieldType;
  help?: string;
  min?: number;
  max?: number;
  options?: string[];
}

export const VM_BINDINGS: FieldBinding[] = [
  { field: 'name', kind: 'VirtualMachine', paths: ['metadata.name'] },
  { field: 'image', kind: 'VirtualMachine', paths: ['spec.image', 'spec.imageName'] },
  { field: 'class', kind: 'VirtualMachine', paths: ['spec.className'] },
  { field: 'storageClass', kind: 'VirtualMachine', paths: ['spec.storageClass'] },
  { field: 'power', kind: 'VirtualMachine', paths: ['spec.powerState'] },
  { field: 'sshKey', kind: 'VirtualMachine', paths: ['spec.bootstrap'] },
  { field: 'sshKey', kind: 'Secret', paths: ['stringData', 'data'] },
  { field: 'name', kind: 'Secret', paths: ['metadata.name'] },
];

export const VM_QUOTA_FIELDS: Record<string, string> = { cpu: 'class', memory: 'class', storage: 'storageClass', 'count/virtualmachines.vmoperator.vmware.com': 'name' };

export const APP_BINDINGS: FieldBinding[] = [
  { field: 'name', kind: 'Deployment', paths: ['metadata.name'] },
  { field: 'image', kind: 'Deployment', paths: ['spec.template.spec.containers.0.image'] },
  { field: 'replicas', kind: 'Deployment', paths: ['spec.replicas'] },
  { field: 'port', kind: 'Deployment', paths: ['spec.template.spec.containers.0.ports'] },
  { field: 'name', kind: 'Service', paths: ['metadata.name'] },
  { field: 'expose', kind: 'Service', paths: ['spec.type'] },
  { field: 'port', kind: 'Service', paths: ['spec.ports'] },
];

export const APP_QUOTA_FIELDS: Record<string, string> = { cpu: 'replicas', memory: 'replicas', pods: 'replicas', services: 'expose', 'count/services': 'expose', 'services.loadbalancers': 'expose', 'count/deployments.apps': 'name' };

const pvcSize = (...path: (string | number)[]) => [...path, 'resources', 'requests', 'storage'];

/** Key fields of the services the Supervisor offers (by descriptor id). */
export const SERVICE_KEY_FIELDS: Record<string, KeyField[]> = {
  'clusters.postgresql.cnpg.io': [
    { id: 'instances', label: 'Instances', path: ['spec', 'instances'], type: 'integer', min: 1, max: 9, help: 'One primary plus replicas; 3 gives high availability.' },
    { id: 'size', label: 'Storage size per instance', path: ['spec', 'storage', 'size'], type: 'quantity', help: 'For example 1Gi or 20Gi.' },
    { id: 'storageClass', label: 'Storage class', path: ['spec', 'storage', 'storageClass'], type: 'storageClass' },
  ],
  'cassandradatacenters.cassandra.datastax.com': [
    { id: 'size', label: 'Nodes', path: ['spec', 'size'], type: 'integer', min: 1, max: 12 },
    { id: 'storage', label: 'Storage per node', path: pvcSize('spec', 'storageConfig', 'cassandraDataVolumeClaimSpec'), type: 'quantity' },
    { id: 'storageClass', label: 'Storage class', path: ['spec', 'storageConfig', 'cassandraDataVolumeClaimSpec', 'storageClassName'], type: 'storageClass' },
  ],
  'tfjobs.kubeflow.org': [
    { id: 'workers', label: 'Workers', path: ['spec', 'tfReplicaSpecs', 'Worker', 'replicas'], type: 'integer', min: 1, max: 16 },
    { id: 'image', label: 'Training image', path: ['spec', 'tfReplicaSpecs', 'Worker', 'template', 'spec', 'containers', 0, 'image'], type: 'string' },
  ],
  'tenants.minio.min.io': [
    { id: 'servers', label: 'Servers', path: ['spec', 'pools', 0, 'servers'], type: 'integer', min: 1, max: 16 },
    { id: 'volumes', label: 'Volumes per server', path: ['spec', 'pools', 0, 'volumesPerServer'], type: 'integer', min: 1, max: 16 },
    { id: 'size', label: 'Volume size', path: pvcSize('spec', 'pools', 0, 'volumeClaimTemplate', 'spec'), type: 'quantity' },
  ],
};

interface SchemaNode {
  type?: string | string[];
  default?: unknown;
  title?: string;
  description?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

function typeOf(n: SchemaNode): KeyFieldType | undefined {
  const t = Array.isArray(n.type) ? n.type.find((x) => x !== 'null') : n.type;
  if (t === 'integer' || t === 'number') return 'integer';
  if (t === 'boolean') return 'boolean';
  if (t === 'string') return 'string';
  return undefined;
}

function words(key: string): string {
  const w = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * For a kind without curated fields: up to `max` scalar fields of `spec`, required ones first,
 * then those with a schema default, in schema order.
 */
export function schemaKeyFields(specSchema: unknown, max = 3): KeyField[] {
  const spec = (specSchema ?? {}) as SchemaNode;
  const entries = Object.entries(spec.properties ?? {}).filter(([, n]) => typeOf(n));
  const required = new Set(spec.required ?? []);
  const score = ([k, n]: [string, SchemaNode]) => (required.has(k) ? 0 : n.default !== undefined ? 1 : 2);
  return entries
    .filter((e) => score(e) < 2)
    .sort((a, b) => score(a) - score(b))
    .slice(0, max)
    .map(([k, n]) => ({
      id: k,
      label: n.title ?? words(k),
      path: ['spec', k],
      type: typeOf(n)!,
      help: n.description?.split(/(?<=\.)\s/)[0],
      ...(n.minimum !== undefined ? { min: n.minimum } : {}),
      ...(n.maximum !== undefined ? { max: n.maximum } : {}),
      ...(n.enum ? { options: n.enum.map(String) } : {}),
    }));
}

/** Bindings and quota fields of a service's short form. */
export function serviceBindings(kind: string, fields: readonly KeyField[]): { bindings: FieldBinding[]; quotaFields: Record<string, string> } {
  const bindings: FieldBinding[] = [{ field: 'name', kind, paths: ['metadata.name'] }, ...fields.map((f) => ({ field: f.id, kind, paths: [f.path.map(String).join('.')] }))];
  const count = fields.find((f) => f.type === 'integer')?.id;
  const size = fields.find((f) => f.type === 'quantity')?.id;
  const quotaFields: Record<string, string> = {};
  if (count) Object.assign(quotaFields, { cpu: count, memory: count, pods: count });
  if (size) quotaFields.storage = size;
  return { bindings, quotaFields };
}

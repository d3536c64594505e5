import type { FormHints } from '../forms/hints';
import type { KubeObject } from '../k8s/types';

/**
 * A kind as the console presents it: API identity, how its lists look, how healthy an object
 * is, where it sits in the inventory tree, what can be done to it. Plain data and pure
 * functions; tables, the tree, forms, search and the proxy allowlist all read the same registry.
 */
export type Health = 'healthy' | 'progressing' | 'warning' | 'error' | 'unknown';

export interface StatusSummary {
  health: Health;
  /** Short text for a badge or a Status column, e.g. "Running", "PoweredOff", "3/3 ready". */
  text: string;
  /** Plain-language reasons it is not healthy, most important first ("why is this VM not ready"). */
  reasons?: string[];
}

export type CellValue = string | number | undefined;

export interface Column {
  id: string;
  header: string;
  cell(obj: KubeObject, now: number): CellValue;
  /** Defaults to the cell value. */
  sortValue?(obj: KubeObject, now: number): string | number;
  align?: 'left' | 'right';
  /** Relative width weight for the virtualised table (default 1). */
  width?: number;
  /** 1 = shown on wide screens only. */
  priority?: 0 | 1;
}

export interface SummaryField {
  label: string;
  value: CellValue;
  /** An object this field refers to, for a link. */
  ref?: ObjectRef;
  /** Render as monospace (IDs, IPs, images). */
  mono?: boolean;
}

export interface ObjectRef {
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type ActionId = 'delete' | 'vm-power-on' | 'vm-power-off' | 'vm-suspend' | 'vm-restart' | 'scale' | 'cordon' | 'uncordon';

export type IconName =
  | 'vm'
  | 'pod'
  | 'workload'
  | 'service'
  | 'database'
  | 'job'
  | 'host'
  | 'namespace'
  | 'network'
  | 'storage'
  | 'config'
  | 'secret'
  | 'event'
  | 'image'
  | 'class'
  | 'package'
  | 'cluster'
  | 'generic';

/** Where objects of a kind appear in the inventory tree. */
export interface TreePlacement {
  /** Group label under a namespace, e.g. "Virtual Machines", "vSphere Pods", "Workloads", "PostgreSQL clusters". */
  group: string;
  /** Ordering of groups under a namespace (lower first). */
  order: number;
  /** Operator-backed services are grouped per kind under "Services". */
  service?: boolean;
}

export interface ResourceDescriptor {
  /** Stable id used in URLs and code, e.g. "virtualmachines.vmoperator.vmware.com". */
  id: string;
  group: string;
  /** Acceptable versions, most preferred first; the served one is chosen from discovery. */
  versions: string[];
  resource: string;
  kind: string;
  namespaced: boolean;
  label: string;
  labelPlural: string;
  icon: IconName;
  columns: Column[];
  status(obj: KubeObject): StatusSummary;
  summary?(obj: KubeObject): SummaryField[];
  actions: ActionId[];
  tree?: TreePlacement;
  /** Included in global search. */
  searchable?: boolean;
  /** Subresources the console uses (also the proxy's allowed list for this kind). */
  subresources?: string[];
  /** How its generated create/edit form is shaped (field order, groups, steps, widgets, help, starting object). */
  form?: FormHints;
}

export function descriptorId(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

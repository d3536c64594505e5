import { genericStatus } from '../health/conditions';
import { ageColumn, nameColumn, namespaceColumn } from './columns';
import { CORE_DESCRIPTORS } from './descriptors/core';
import { OPERATOR_DESCRIPTORS } from './descriptors/operator-services';
import { VM_DESCRIPTORS } from './descriptors/vm-service';
import { WORKLOAD_DESCRIPTORS } from './descriptors/workloads';
import { descriptorId, type ResourceDescriptor } from './types';

/**
 * The one registry of kinds the console knows well. Any other kind found in discovery (CRDs
 * included) gets a generic descriptor, whose list columns come from the server's Table output.
 */
export const DESCRIPTORS: readonly ResourceDescriptor[] = [...VM_DESCRIPTORS, ...CORE_DESCRIPTORS, ...WORKLOAD_DESCRIPTORS, ...OPERATOR_DESCRIPTORS];

const byId = new Map(DESCRIPTORS.map((d) => [d.id, d]));
const byKind = new Map(DESCRIPTORS.map((d) => [`${d.group}/${d.kind}`, d]));

export function descriptorById(id: string): ResourceDescriptor | undefined {
  return byId.get(id);
}

export function descriptorForKind(group: string, kind: string): ResourceDescriptor | undefined {
  return byKind.get(`${group}/${kind}`);
}

export interface DiscoveredResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

/** A descriptor for any served kind: the registry's if known, otherwise a generic one. */
export function descriptorFor(r: DiscoveredResource): ResourceDescriptor {
  const known = byId.get(descriptorId(r.group, r.resource));
  if (known) return known;
  return {
    id: descriptorId(r.group, r.resource),
    group: r.group,
    versions: [r.version],
    resource: r.resource,
    kind: r.kind,
    namespaced: r.namespaced,
    label: r.kind,
    labelPlural: r.resource,
    icon: 'generic',
    actions: r.verbs.includes('delete') ? ['delete'] : [],
    columns: r.namespaced ? [nameColumn, namespaceColumn, ageColumn] : [nameColumn, ageColumn],
    status: genericStatus,
  };
}

/** Kinds shown side by side under each namespace in the inventory tree, in tree order. */
export function treeDescriptors(): ResourceDescriptor[] {
  return DESCRIPTORS.filter((d) => d.tree).sort((a, b) => a.tree!.order - b.tree!.order);
}

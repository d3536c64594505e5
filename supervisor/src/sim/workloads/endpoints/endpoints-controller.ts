import type { KubeObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor } from '../../../controllers/controller-context';
import type { SystemClient } from '../../../controllers/kit/system-client';
import { splitKey } from '../../../controllers/work-queue';
import { timestamp } from '../../../core/metadata';
import type { StoreEvent } from '../../../storage/store';
import { stableStringify } from '../../../util/stable-json';
import { keyOf, startController } from '../kit/controller-loop';
import type { Indexes, ObjectIndex } from '../kit/object-index';
import { controllerRef } from '../../../controllers/kit/owner-refs';
import { isNotFound } from '../kit/pod-control';
import { deepCopy } from '../kit/pod-template';
import type { Pod } from '../kit/types';
import { endpointSubsets, isHeadless, sliceGroups, type Service, type SliceGroup } from './endpoint-compute';

/**
 * The Endpoints and EndpointSlice controllers: for every Service with a selector, an Endpoints
 * object of the same name and EndpointSlices `<service>-xxxxx` (owned by the Service, labelled
 * `kubernetes.io/service-name` and managed-by `endpointslice-controller.k8s.io`, a placeholder
 * slice when nothing is selected), rewritten whenever a selected pod changes.
 */
export const SERVICE_NAME = 'kubernetes.io/service-name';
export const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const HEADLESS = 'service.kubernetes.io/headless';
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

function selects(svc: Service, labels: Record<string, string> | undefined): boolean {
  const selector = svc.spec?.selector;
  if (!selector) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function managedLabels(svc: Service): Record<string, string> {
  const labels = { ...(svc.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels[HEADLESS] = '';
  else delete labels[HEADLESS];
  return labels;
}

export function startEndpointsController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const services = indexes.of<Service>('core/services');
  const pods = indexes.of<Pod>('core/pods');
  const slices = indexes.of('discovery.k8s.io/endpointslices');
  const zoneOf = (node: string): string | undefined => ctx.core.store.get('core/nodes', '', node)?.obj.metadata.labels?.['topology.kubernetes.io/zone'];

  const podKeys = (e: StoreEvent): string[] => {
    const keys: string[] = [];
    for (const svc of services.inNamespace(e.namespace)) {
      if (selects(svc, e.cur.obj.metadata.labels) || (e.prev && selects(svc, e.prev.obj.metadata.labels))) keys.push(keyOf(e.namespace, svc.metadata.name));
    }
    return keys;
  };
  const sliceKeys = (e: StoreEvent): string[] => {
    const name = e.cur.obj.metadata.labels?.[SERVICE_NAME];
    return name && e.cur.obj.metadata.labels?.[MANAGED_BY] === SLICE_CONTROLLER ? [keyOf(e.namespace, name)] : [];
  };

  startController(ctx, {
    name: 'endpoint-controller',
    primary: 'core/services',
    watches: [
      { table: 'core/pods', keys: podKeys },
      { table: 'core/endpoints', keys: (e) => [keyOf(e.namespace, e.name)] },
      { table: 'discovery.k8s.io/endpointslices', keys: sliceKeys },
    ],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const svc = services.get(namespace, name);
      if (!svc) {
        if (ctx.core.store.get('core/endpoints', namespace, name) && !(namespace === 'default' && name === 'kubernetes')) deleteIgnoringMissing(client, 'v1', 'endpoints', namespace, name);
        return;
      }
      if (!svc.spec?.selector || svc.spec.type === 'ExternalName' || svc.metadata.deletionTimestamp) return;
      const selected = pods.inNamespace(namespace).filter((p) => selects(svc, p.metadata.labels));
      syncEndpoints(ctx, client, svc, selected);
      syncSlices(client, slices, svc, sliceGroups(svc, selected, zoneOf));
    },
  });
}

function deleteIgnoringMissing(client: SystemClient, apiVersion: string, resource: string, namespace: string, name: string): void {
  try {
    client.delete(apiVersion, resource, namespace, name);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

function syncEndpoints(ctx: ControllerContext, client: SystemClient, svc: Service, pods: Pod[]): void {
  const ns = svc.metadata.namespace ?? '';
  const name = svc.metadata.name ?? '';
  const subsets = endpointSubsets(svc, pods);
  const labels = managedLabels(svc);
  const existing = ctx.core.store.get('core/endpoints', ns, name)?.obj;
  const now = timestamp(new Date());
  if (!existing) {
    client.create('v1', 'endpoints', { metadata: { name, namespace: ns, labels, annotations: { [TRIGGER_TIME]: now } }, ...(subsets.length ? { subsets } : {}) });
    return;
  }
  if (stableStringify(existing.subsets ?? []) === stableStringify(subsets) && stableStringify(existing.metadata.labels ?? {}) === stableStringify(labels)) return;
  const next = deepCopy(existing);
  next.metadata.labels = labels;
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [TRIGGER_TIME]: now };
  if (subsets.length) next.subsets = subsets;
  else delete next.subsets;
  client.update('v1', 'endpoints', next);
}

function sliceBody(svc: Service, group: SliceGroup): Record<string, unknown> {
  return { addressType: 'IPv4', endpoints: group.endpoints, ports: group.ports };
}

/** Reconciles the managed slices: reuse slices with the same ports, create the rest, delete leftovers. */
function syncSlices(client: SystemClient, slices: ObjectIndex, svc: Service, groups: SliceGroup[]): void {
  const ns = svc.metadata.namespace ?? '';
  const name = svc.metadata.name ?? '';
  const existing = slices.inNamespace(ns).filter((s) => s.metadata.labels?.[SERVICE_NAME] === name && s.metadata.labels?.[MANAGED_BY] === SLICE_CONTROLLER && !s.metadata.deletionTimestamp);
  const desired = groups.length ? groups : [{ ports: [], endpoints: [] }];
  const labels = { ...managedLabels(svc), [SERVICE_NAME]: name, [MANAGED_BY]: SLICE_CONTROLLER };
  const unused = new Set<KubeObject>(existing);
  const now = timestamp(new Date());
  for (const group of desired) {
    const body = sliceBody(svc, group);
    const match = [...unused].find((s) => stableStringify(s.ports ?? []) === stableStringify(group.ports)) ?? [...unused][0];
    if (match) {
      unused.delete(match);
      if (stableStringify({ addressType: match.addressType, endpoints: match.endpoints ?? [], ports: match.ports ?? [] }) === stableStringify(body) && stableStringify(match.metadata.labels ?? {}) === stableStringify(labels)) continue;
      const next = { ...deepCopy(match), ...body };
      next.metadata.labels = labels;
      next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [TRIGGER_TIME]: now };
      client.update('discovery.k8s.io/v1', 'endpointslices', next);
      continue;
    }
    client.create('discovery.k8s.io/v1', 'endpointslices', {
      metadata: { generateName: `${name}-`, namespace: ns, labels, annotations: { [TRIGGER_TIME]: now }, ownerReferences: [controllerRef({ ...svc, apiVersion: 'v1', kind: 'Service' })] },
      ...body,
    });
  }
  for (const s of unused) deleteIgnoringMissing(client, 'discovery.k8s.io/v1', 'endpointslices', ns, s.metadata.name ?? '');
}

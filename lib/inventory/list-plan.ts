import { rulesAllow, type ResourceRule } from '../k8s/access';
import type { KubeList, KubeObject } from '../k8s/types';
import { collectionPath } from '../resources/paths';
import type { ResourceDescriptor } from '../resources/types';
import type { HostsInput, NamespaceContents } from './types';

/**
 * Which live lists the tree needs, and how their results become the tree's input. Lists are
 * asked for only for expanded namespaces (and the Hosts branch when it is expanded). A kind the
 * user may list and watch across all namespaces is read with one cluster-wide list, shared by
 * every namespace; otherwise one list per namespace where the rules allow it. Nothing is asked
 * before the access decision is known, so nothing answers 403.
 */
export interface ServedKind {
  d: ResourceDescriptor;
  version: string;
}

export interface PlanInput {
  kinds: readonly ServedKind[];
  /** Namespaces whose contents are wanted. */
  namespaces: readonly string[];
  /** Whether the Hosts branch is expanded (and the user may list and watch nodes). */
  hosts: boolean;
  /** Cluster-wide list+watch right per kind id; undefined while unknown. */
  clusterAccess(id: string): boolean | undefined;
  /** A namespace's rules (SelfSubjectRulesReview); undefined while unknown. */
  rules(ns: string): readonly ResourceRule[] | undefined;
  /**
   * The inventory index gives the counts: list each namespace on its own even where a
   * cluster-wide list is allowed (an expanded namespace needs only its own objects), and read no
   * VMs or pods for the Hosts branch (the index places them).
   */
  perNamespace?: boolean;
}

export type Source = { path: string; clusterWide: boolean } | 'pending';

export interface ListPlan {
  /** Every collection path to list and watch, without duplicates. */
  paths: string[];
  /** The kind id each path lists. */
  kindOfPath: Map<string, string>;
  /** Per wanted namespace, per kind id: where its objects come from. Hidden kinds are absent. */
  sources: Map<string, Map<string, Source>>;
  nodesPath?: string;
}

export const NODES_PATH = '/api/v1/nodes';
const POD_KIND = 'pods';
const VM_KIND = 'virtualmachines.vmoperator.vmware.com';
const HOST_KINDS = new Set([POD_KIND, VM_KIND]);

function mayListAndWatch(rules: readonly ResourceRule[], d: ResourceDescriptor): boolean {
  return rulesAllow([...rules], 'list', d.group, d.resource) && rulesAllow([...rules], 'watch', d.group, d.resource);
}

export function planLists(input: PlanInput): ListPlan {
  const paths = new Set<string>();
  const kindOfPath = new Map<string, string>();
  const add = (path: string, id: string) => {
    paths.add(path);
    kindOfPath.set(path, id);
  };
  const sources = new Map<string, Map<string, Source>>();
  for (const ns of input.namespaces) sources.set(ns, new Map());
  for (const { d, version } of input.kinds) {
    const cluster = input.clusterAccess(d.id);
    const clusterPath = collectionPath(d, version);
    const shared = cluster === true && !input.perNamespace;
    if ((shared && input.namespaces.length > 0) || (cluster === true && input.hosts && !input.perNamespace && HOST_KINDS.has(d.id))) add(clusterPath, d.id);
    for (const ns of input.namespaces) {
      const perNs = sources.get(ns)!;
      if (shared) {
        perNs.set(d.id, { path: clusterPath, clusterWide: true });
        continue;
      }
      if (cluster === undefined) {
        perNs.set(d.id, 'pending');
        continue;
      }
      if (cluster === true) {
        const path = collectionPath(d, version, ns);
        add(path, d.id);
        perNs.set(d.id, { path, clusterWide: false });
        continue;
      }
      const rules = input.rules(ns);
      if (!rules) perNs.set(d.id, 'pending');
      else if (mayListAndWatch(rules, d)) {
        const path = collectionPath(d, version, ns);
        add(path, d.id);
        perNs.set(d.id, { path, clusterWide: false });
      }
    }
  }
  if (input.hosts) add(NODES_PATH, 'nodes');
  return { paths: [...paths], kindOfPath, sources, ...(input.hosts ? { nodesPath: NODES_PATH } : {}) };
}

export interface ListResult {
  /** The whole list; undefined while loading. */
  data?: KubeList;
  /** A large list's first pages while the rest arrives (see `namespaceComplete`). */
  partial?: KubeList;
  /** Plain-language reason, when the list failed and there is nothing to show. */
  error?: string;
}

const byNamespaceCache = new WeakMap<KubeList, Map<string, KubeObject[]>>();

/** A cluster-wide list split per namespace, computed once per list version. */
export function itemsByNamespace(list: KubeList): Map<string, KubeObject[]> {
  let out = byNamespaceCache.get(list);
  if (!out) {
    out = new Map();
    for (const o of list.items) {
      const ns = o.metadata.namespace ?? '';
      const l = out.get(ns);
      if (l) l.push(o);
      else out.set(ns, [o]);
    }
    byNamespaceCache.set(list, out);
  }
  return out;
}

/**
 * Whether a cluster-wide list's first pages already hold all of a namespace: the API server
 * lists in namespace/name order, so once a page reaches a later namespace, this one is whole.
 */
export function namespaceComplete(partial: KubeList, ns: string): boolean {
  const last = partial.items[partial.items.length - 1]?.metadata.namespace;
  return last !== undefined && last > ns;
}

export function assembleContents(plan: ListPlan, kinds: readonly ServedKind[], results: ReadonlyMap<string, ListResult>): Map<string, NamespaceContents> {
  const out = new Map<string, NamespaceContents>();
  for (const [ns, perKind] of plan.sources) {
    const lists = new Map<string, KubeObject[] | undefined>();
    const errors: string[] = [];
    for (const { d } of kinds) {
      const source = perKind.get(d.id);
      if (!source) continue;
      if (source === 'pending') {
        lists.set(d.id, undefined);
        continue;
      }
      const r = results.get(source.path);
      const data = r?.data ?? (source.clusterWide && r?.partial && namespaceComplete(r.partial, ns) ? r.partial : undefined);
      if (data) lists.set(d.id, source.clusterWide ? (itemsByNamespace(data).get(ns) ?? []) : data.items);
      else if (r?.error) errors.push(`${d.labelPlural} could not be loaded: ${r.error}`);
      else lists.set(d.id, undefined);
    }
    out.set(ns, { lists, errors });
  }
  return out;
}

/** The Hosts branch's input: nodes, and every VM and pod loaded anywhere (deduplicated). */
export function assembleHosts(plan: ListPlan, requested: boolean, results: ReadonlyMap<string, ListResult>): HostsInput {
  const nodes = plan.nodesPath ? results.get(plan.nodesPath) : undefined;
  const vms = new Map<string, KubeObject>();
  const pods = new Map<string, KubeObject>();
  for (const path of plan.paths) {
    const items = results.get(path)?.data?.items;
    if (!items) continue;
    const kind = plan.kindOfPath.get(path);
    const target = kind === POD_KIND ? pods : kind === VM_KIND ? vms : undefined;
    if (!target) continue;
    for (const o of items) target.set(o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`, o);
  }
  return {
    ...(nodes?.data ? { nodes: nodes.data.items } : {}),
    requested,
    vms: [...vms.values()],
    pods: [...pods.values()],
    errors: nodes?.error ? [`Hosts could not be loaded: ${nodes.error}`] : [],
  };
}

import type { KubeObject } from '../k8s/types';
import type { Health, IconName, ResourceDescriptor } from '../resources/types';
import type { HostUse, IndexSearchGroup } from '../inventory-index/summary-types';
import type { NamespaceCounts } from './summary-counts';

/**
 * The inventory tree as plain data: built from live lists by `buildTree`, filtered by
 * `filterTree`, flattened for rendering by `flattenTree`. Nothing here knows about React.
 */
export type TreeIcon = IconName | 'supervisor' | 'hosts' | 'folder' | 'loading' | 'info' | 'problem';

export type TreeNodeType = 'root' | 'namespace' | 'group' | 'object' | 'hosts' | 'host' | 'message';

export interface TreeNode {
  /** Stable across rebuilds: `ns:team-a`, `ns:team-a/group:Virtual Machines`, `obj:pods/team-a/web-1`, `host:esxi-01`… */
  id: string;
  type: TreeNodeType;
  label: string;
  /** Secondary text, e.g. the namespace of a VM listed under its host. */
  detail?: string;
  icon: TreeIcon;
  /**
   * Objects and hosts: their own health. Containers (root, namespaces, groups, Hosts): the worst
   * health below them. Undefined while nothing is known (no badge is drawn).
   */
  health?: Health;
  /** An object's status text, e.g. "PoweredOn" or "CrashLoopBackOff". */
  statusText?: string;
  /** How many objects the node stands for (a group's objects, a host's VMs and pods…). */
  count?: number;
  /** Counts in words, e.g. "12 Virtual Machines: 2 warning". */
  summary?: string;
  /** The page this node opens. */
  href?: string;
  /** Undefined for leaves. */
  children?: TreeNode[];
  /** Expandable, but the children are loaded only once it is expanded. */
  lazy?: boolean;
}

/** A namespace the user may see; the object only when namespaces can be listed. */
export interface NamespaceInput {
  name: string;
  object?: KubeObject;
}

/** What is known inside one namespace that has been asked for. */
export interface NamespaceContents {
  /**
   * Per tree kind the user may list here (descriptor id): its objects in this namespace, or
   * undefined while loading. Kinds absent from the map are hidden (not served or not allowed).
   */
  lists: ReadonlyMap<string, readonly KubeObject[] | undefined>;
  /** Failures to show, already in plain words. */
  errors: readonly string[];
}

/** The Hosts branch; only given when the user may list nodes. */
export interface HostsInput {
  /** Undefined until the nodes are loaded (the branch is lazy until expanded). */
  nodes?: readonly KubeObject[];
  /** Whether the nodes were asked for (expanded), so "not loaded" means "loading". */
  requested: boolean;
  /** VMs and pods known anywhere, placed under hosts by status.nodeName / spec.nodeName. */
  vms: readonly KubeObject[];
  pods: readonly KubeObject[];
  errors: readonly string[];
  /**
   * With the inventory index, hosts are counted from it (`use`) and an expanded host's VMs and
   * pods come from it (`objects`: per expanded host, undefined while loading); `vms` and `pods`
   * are then empty.
   */
  placed?: { use: Readonly<Record<string, HostUse>>; objects: ReadonlyMap<string, readonly IndexSearchGroup[] | undefined> };
}

export interface InventoryInput {
  /** The root's label: the cluster's name from the kubeconfig. */
  clusterName: string;
  namespaces: readonly NamespaceInput[];
  /** Tree kinds in tree order (`treeDescriptors()` limited to what discovery serves). */
  kinds: readonly ResourceDescriptor[];
  /** Namespaces whose contents were asked for; the others stay lazy. */
  contents: ReadonlyMap<string, NamespaceContents>;
  /** Undefined hides the Hosts branch. */
  hosts?: HostsInput;
  /** The namespaces themselves are still being found out. */
  namespacesLoading?: boolean;
  /** Counts from the inventory index (see `treeCounts`), when it covers every tree kind. */
  counts?: (ns: string) => NamespaceCounts;
}

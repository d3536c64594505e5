import type { Health } from '../resources/types';

/**
 * What the console server's inventory index answers (GET /api/inventory and
 * /api/inventory/search). The index lists and watches, with the signed-in user's own token,
 * every inventory kind the user may list and watch in all namespaces, and keeps only a small
 * projection of each object (name, namespace, labels, health, status text), so the browser gets
 * counts and search results without loading every object.
 */
export type HealthCounts = { total: number } & Partial<Record<Health, number>>;

export type KindState =
  /** The first list is still being read. */
  | { state: 'loading' }
  /** Every object is counted; `stale` while the watch is reconnecting after a failure. */
  | { state: 'ready'; stale?: true }
  | { state: 'error'; message: string };

export interface InventorySummary {
  /** Opaque; pass it back as `after` to wait for the next change. */
  generation: string;
  /** Per indexed kind id (descriptor id). Kinds absent here are not indexed for this user. */
  kinds: Record<string, KindState & { counts?: HealthCounts; buckets?: Record<string, number> }>;
  /** Namespace → kind id → counts, for kinds whose state is `ready`. Empty kinds are absent. */
  namespaces: Record<string, Record<string, HealthCounts>>;
  /**
   * Per host: CPU cores and memory bytes allocated by its pods and VMs, and how many are placed
   * there (`hostAllocation`'s terms), summed over the indexed pods and VMs.
   */
  hosts: Record<string, HostUse>;
}

export interface HostUse {
  cpu: number;
  memory: number;
  pods: number;
  vms: number;
}

export interface IndexHit {
  name: string;
  namespace?: string;
  health: Health;
  /** The object's status text, e.g. "PoweredOn". */
  text: string;
  score: number;
  /** The labels that matched a term. */
  labels: [string, string][];
}

export interface IndexSearchGroup {
  kind: string;
  total: number;
  /** The best hits, best first. */
  hits: IndexHit[];
}

export interface IndexSearchResult {
  generation: string;
  kinds: Record<string, KindState>;
  groups: IndexSearchGroup[];
}

/** The pods and VMs on one host (GET /api/inventory/host?name=), for the Hosts branch. */
export interface IndexPlacedResult {
  generation: string;
  /** Per kind (VMs, then pods): how many are on the host, and the first `cap` by name. */
  groups: IndexSearchGroup[];
}

export const INVENTORY_PATH = '/api/inventory';
export const INVENTORY_SEARCH_PATH = '/api/inventory/search';
export const INVENTORY_HOST_PATH = '/api/inventory/host';

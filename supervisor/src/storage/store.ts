import { errors } from '../api/errors';
import type { KubeObject } from '../api/types';
import { Persistence } from './persistence';
import { History } from './history';

/**
 * The supervisor's object store: an in-memory index of every object (the read path), backed by
 * SQLite (the durable path). Every write gets the next value of one global resourceVersion
 * counter, is made durable, and is then delivered synchronously, in order, to subscribers.
 *
 * Objects handed out are shared and must be treated as immutable; `clone()` gives a private copy.
 * Tables are named by storage key ("core/pods", "apps/deployments", "example.com/widgets");
 * two API views of one resource (core/v1 and events.k8s.io/v1 events) share a table.
 */
export interface Stored {
  readonly obj: KubeObject;
  /** The object serialized once at write time; list and watch responses reuse it. */
  readonly json: string;
  readonly rv: number;
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: EventType;
  readonly rv: number;
  readonly table: string;
  readonly namespace: string;
  readonly name: string;
  /** For DELETED, the last state stamped with the deletion's resourceVersion. */
  readonly cur: Stored;
  readonly prev?: Stored;
}

export type Subscriber = (event: StoreEvent) => void;

interface Table {
  readonly objects: Map<string, Stored>;
  sorted: Stored[] | null;
  /** Per-namespace slices of `sorted`, built on demand and dropped with it. */
  byNamespace: Map<string, Stored[]> | null;
  readonly subscribers: Set<Subscriber>;
}

export function objectKey(namespace: string, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

function persistKey(table: string, namespace: string, name: string): string {
  return `${table}|${namespace}|${name}`;
}

export class Store {
  private readonly tables = new Map<string, Table>();
  private readonly anySubscribers = new Set<Subscriber>();
  readonly history: History;
  private currentRv: number;

  constructor(private readonly persistence: Persistence, historyCapacity = 200_000) {
    this.currentRv = persistence.lastResourceVersion();
    for (const row of persistence.loadAll()) {
      const [table, namespace, name] = row.key.split('|') as [string, string, string];
      this.table(table).objects.set(objectKey(namespace, name), { obj: JSON.parse(row.data) as KubeObject, json: row.data, rv: row.rv });
      if (row.rv > this.currentRv) this.currentRv = row.rv;
    }
    this.history = new History(historyCapacity, this.currentRv);
  }

  get resourceVersion(): number {
    return this.currentRv;
  }

  private table(name: string): Table {
    let t = this.tables.get(name);
    if (!t) {
      t = { objects: new Map(), sorted: null, byNamespace: null, subscribers: new Set() };
      this.tables.set(name, t);
    }
    return t;
  }

  get(table: string, namespace: string, name: string): Stored | undefined {
    return this.tables.get(table)?.objects.get(objectKey(namespace, name));
  }

  /** Current objects of a table ordered by namespace/name (the order continue tokens rely on). */
  list(table: string, namespace?: string): Stored[] {
    const t = this.tables.get(table);
    if (!t) return [];
    if (!t.sorted) {
      t.sorted = [...t.objects.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
    }
    if (!namespace) return t.sorted;
    if (!t.byNamespace) {
      t.byNamespace = new Map();
      for (const s of t.sorted) {
        const ns = s.obj.metadata.namespace ?? '';
        let list = t.byNamespace.get(ns);
        if (!list) t.byNamespace.set(ns, (list = []));
        list.push(s);
      }
    }
    return t.byNamespace.get(namespace) ?? [];
  }

  count(table: string, namespace?: string): number {
    const t = this.tables.get(table);
    if (!t) return 0;
    if (!namespace) return t.objects.size;
    let n = 0;
    for (const s of t.objects.values()) if (s.obj.metadata.namespace === namespace) n++;
    return n;
  }

  tableNames(): string[] {
    return [...this.tables.keys()];
  }

  /**
   * The state of a table as of an older resourceVersion, rebuilt by undoing later events.
   * Throws 410 Expired when the history no longer reaches back that far.
   */
  listAt(table: string, rv: number, namespace?: string): Stored[] {
    if (rv >= this.currentRv) return this.list(table, namespace);
    if (rv < this.history.startRv) throw errors.expired(`too old resource version: ${rv} (${this.currentRv})`);
    const state = new Map<string, Stored>();
    for (const s of this.list(table, namespace)) state.set(objectKey(s.obj.metadata.namespace ?? '', s.obj.metadata.name ?? ''), s);
    const later = this.history.since(rv).filter((e) => e.table === table && (!namespace || e.namespace === namespace));
    for (let i = later.length - 1; i >= 0; i--) {
      const e = later[i]!;
      const key = objectKey(e.namespace, e.name);
      if (e.type === 'ADDED') state.delete(key);
      else if (e.prev) state.set(key, e.prev);
    }
    return [...state.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
  }

  /** Creates or replaces an object; `obj` is taken over by the store (do not mutate it afterwards). */
  put(table: string, obj: KubeObject): Stored {
    const namespace = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const t = this.table(table);
    const key = objectKey(namespace, name);
    const prev = t.objects.get(key);
    const rv = this.currentRv + 1;
    obj.metadata.resourceVersion = String(rv);
    const json = JSON.stringify(obj);
    this.persistence.put(persistKey(table, namespace, name), rv, json);
    this.currentRv = rv;
    const cur: Stored = { obj, json, rv };
    t.objects.set(key, cur);
    t.sorted = null;
    t.byNamespace = null;
    this.emit(t, { type: prev ? 'MODIFIED' : 'ADDED', rv, table, namespace, name, cur, prev });
    return cur;
  }

  remove(table: string, namespace: string, name: string): Stored | undefined {
    const t = this.tables.get(table);
    const key = objectKey(namespace, name);
    const prev = t?.objects.get(key);
    if (!t || !prev) return undefined;
    const rv = this.currentRv + 1;
    const last = JSON.parse(prev.json) as KubeObject;
    last.metadata.resourceVersion = String(rv);
    const json = JSON.stringify(last);
    this.persistence.remove(persistKey(table, namespace, name), rv);
    this.currentRv = rv;
    t.objects.delete(key);
    t.sorted = null;
    t.byNamespace = null;
    const cur: Stored = { obj: last, json, rv };
    this.emit(t, { type: 'DELETED', rv, table, namespace, name, cur, prev });
    return cur;
  }

  private emit(t: Table, event: StoreEvent): void {
    this.history.append(event);
    for (const s of t.subscribers) s(event);
    for (const s of this.anySubscribers) s(event);
  }

  /** Live events of one table (or of every table when `table` is '*'), delivered synchronously after each write. */
  subscribe(table: string, subscriber: Subscriber): () => void {
    const set = table === '*' ? this.anySubscribers : this.table(table).subscribers;
    set.add(subscriber);
    return () => set.delete(subscriber);
  }

  /** Groups writes; they already share one commit per event-loop turn (kept for call sites that batch explicitly). */
  batch(fn: () => void): void {
    fn();
  }

  /** Resolves once every write made so far is durable; the API acknowledges writes only after it. */
  durable(): Promise<void> {
    return this.persistence.durable();
  }

  close(): void {
    this.persistence.close();
  }
}

export function clone<T>(stored: Stored): T {
  return JSON.parse(stored.json) as T;
}

import type { KubeObject } from '../../../api/types';
import type { Store, StoreEvent } from '../../../storage/store';
import { controllerOf } from '../../../controllers/kit/owner-refs';

/**
 * An in-memory index of one store table by namespace and by controller owner uid, kept current
 * from the store's event stream. Controllers list "the pods of this ReplicaSet" or "the services
 * of this namespace" from it instead of scanning whole tables (the scale seed holds 100,000
 * objects). Objects handed out are the store's shared copies: read-only.
 */
export class ObjectIndex<T extends KubeObject = KubeObject> {
  private readonly byNamespace = new Map<string, Map<string, T>>();
  private readonly byOwner = new Map<string, Map<string, T>>();
  private readonly unsubscribe: () => void;

  constructor(
    private readonly store: Store,
    readonly table: string,
  ) {
    for (const s of store.list(table)) this.add(s.obj as T);
    this.unsubscribe = store.subscribe(table, (e) => this.apply(e));
  }

  private apply(e: StoreEvent): void {
    if (e.prev) this.remove(e.prev.obj as T);
    if (e.type !== 'DELETED') this.add(e.cur.obj as T);
  }

  private add(obj: T): void {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    let names = this.byNamespace.get(ns);
    if (!names) this.byNamespace.set(ns, (names = new Map()));
    names.set(name, obj);
    const owner = controllerOf(obj)?.uid;
    if (owner) {
      let owned = this.byOwner.get(owner);
      if (!owned) this.byOwner.set(owner, (owned = new Map()));
      owned.set(`${ns}/${name}`, obj);
    }
  }

  private remove(obj: T): void {
    const ns = obj.metadata.namespace ?? '';
    const name = obj.metadata.name ?? '';
    const names = this.byNamespace.get(ns);
    names?.delete(name);
    if (names?.size === 0) this.byNamespace.delete(ns);
    const owner = controllerOf(obj)?.uid;
    if (owner) {
      const owned = this.byOwner.get(owner);
      owned?.delete(`${ns}/${name}`);
      if (owned?.size === 0) this.byOwner.delete(owner);
    }
  }

  get(namespace: string, name: string): T | undefined {
    return this.store.get(this.table, namespace, name)?.obj as T | undefined;
  }

  inNamespace(namespace: string): T[] {
    return [...(this.byNamespace.get(namespace)?.values() ?? [])];
  }

  /** Objects whose controller owner reference has this uid. */
  ownedBy(uid: string | undefined): T[] {
    return uid ? [...(this.byOwner.get(uid)?.values() ?? [])] : [];
  }

  stop(): void {
    this.unsubscribe();
  }
}

/** One index per table, shared by every controller of the workloads part. */
export class Indexes {
  private readonly indexes = new Map<string, ObjectIndex>();

  constructor(private readonly store: Store) {}

  of<T extends KubeObject = KubeObject>(table: string): ObjectIndex<T> {
    let index = this.indexes.get(table);
    if (!index) this.indexes.set(table, (index = new ObjectIndex(this.store, table)));
    return index as unknown as ObjectIndex<T>;
  }

  stop(): void {
    for (const index of this.indexes.values()) index.stop();
    this.indexes.clear();
  }
}

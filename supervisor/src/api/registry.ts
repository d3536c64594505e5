import type { ResourceType } from './resource-type';
import { apiVersionOf } from './types';
import { sortKubeVersions } from '../crd/crd-versions';

/**
 * The set of resources the server serves right now: built-in kinds, fixed at start, plus one
 * entry per served version of every Established CRD. Discovery, OpenAPI, routing and
 * authorization all read from here; listeners hear about every change so cached discovery
 * and OpenAPI documents can be rebuilt.
 */
export interface GroupVersionEntry {
  group: string;
  version: string;
  resources: ResourceType[];
}

export class Registry {
  private readonly builtins: ResourceType[] = [];
  private readonly custom = new Map<string, ResourceType[]>();
  private readonly byPath = new Map<string, ResourceType>();
  private readonly listeners = new Set<() => void>();
  private preferred = new Map<string, string>();
  private generation = 0;

  constructor(builtins: ResourceType[], private readonly builtinPreferred: Record<string, string>) {
    this.builtins.push(...builtins);
    this.rebuild();
  }

  /** A counter bumped on every change; caches key on it. */
  get version(): number {
    return this.generation;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the served versions of one CRD (empty to remove them), with its preferred version. */
  setCustom(crdName: string, types: ResourceType[]): void {
    if (types.length === 0) this.custom.delete(crdName);
    else this.custom.set(crdName, types);
    this.rebuild();
    for (const l of this.listeners) l();
  }

  private rebuild(): void {
    this.generation++;
    this.byPath.clear();
    for (const rt of this.all()) this.byPath.set(`${rt.group}/${rt.version}/${rt.resource}`, rt);
    const versions = new Map<string, string[]>();
    for (const rt of this.all()) {
      const list = versions.get(rt.group) ?? [];
      if (!list.includes(rt.version)) list.push(rt.version);
      versions.set(rt.group, list);
    }
    this.preferred = new Map();
    for (const [group, list] of versions) {
      const fixed = this.builtinPreferred[group];
      this.preferred.set(group, fixed && list.includes(fixed) ? fixed : sortKubeVersions(list)[0]!);
    }
  }

  all(): ResourceType[] {
    const out = [...this.builtins];
    for (const types of this.custom.values()) out.push(...types);
    return out;
  }

  lookup(group: string, version: string, resource: string): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${resource}`);
  }

  /** Finds the type serving a kind at an apiVersion (used for owner references and protobuf bodies). */
  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    return this.all().find((rt) => apiVersionOf(rt.group, rt.version) === apiVersion && rt.kind === kind);
  }

  /** The type that reads a storage table in its storage version (no conversion), for controllers. */
  forTable(table: string): ResourceType | undefined {
    const all = this.all().filter((rt) => rt.table === table);
    return all.find((rt) => rt.version === rt.storageVersion && !rt.view) ?? all[0];
  }

  /** Every storage table of stored (non-virtual) kinds, once each, with its canonical type. */
  tables(): ResourceType[] {
    const seen = new Map<string, ResourceType>();
    for (const rt of this.all()) if (!rt.virtual && !seen.has(rt.table)) seen.set(rt.table, this.forTable(rt.table)!);
    return [...seen.values()];
  }

  /** The preferred version's type for a group/resource, e.g. for garbage collection across versions. */
  preferredFor(group: string, resource: string): ResourceType | undefined {
    const v = this.preferred.get(group);
    return v ? this.lookup(group, v, resource) : undefined;
  }

  preferredVersion(group: string): string | undefined {
    return this.preferred.get(group);
  }

  /** Group versions ordered like upstream discovery: core first, then groups by first registration. */
  groupVersions(): GroupVersionEntry[] {
    const map = new Map<string, GroupVersionEntry>();
    for (const rt of this.all()) {
      const key = `${rt.group}/${rt.version}`;
      let entry = map.get(key);
      if (!entry) {
        entry = { group: rt.group, version: rt.version, resources: [] };
        map.set(key, entry);
      }
      entry.resources.push(rt);
    }
    return [...map.values()];
  }

  groups(): { name: string; versions: string[]; preferred: string }[] {
    const out = new Map<string, string[]>();
    for (const gv of this.groupVersions()) {
      if (gv.group === '') continue;
      const list = out.get(gv.group) ?? [];
      list.push(gv.version);
      out.set(gv.group, list);
    }
    return [...out.entries()].map(([name, versions]) => {
      const preferred = this.preferred.get(name)!;
      return { name, versions: [preferred, ...sortKubeVersions(versions.filter((v) => v !== preferred))], preferred };
    });
  }
}

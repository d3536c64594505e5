import 'server-only';
import { placedOn, summarize, searchIndex, type IndexedKind } from '../../inventory-index/aggregate';
import type { IndexPlacedResult, IndexSearchResult, InventorySummary, KindState } from '../../inventory-index/summary-types';
import { AGGREGATED_ACCEPT, parseAggregatedDiscovery } from '../../k8s/discovery';
import { DESCRIPTORS } from '../../resources/registry';
import { collectionPath } from '../../resources/paths';
import { descriptorId, type ResourceDescriptor } from '../../resources/types';
import type { SearchQuery } from '../../search/query';
import { searchDescriptors } from '../../search/kinds';
import { upstreamJson, UpstreamUnavailable } from '../upstream';
import { listGate, startKindFeed, type KindFeed } from './kind-feed';

/**
 * One user's inventory index: every inventory or searchable kind the cluster serves and the user
 * may list and watch in all namespaces (asked with SelfSubjectAccessReview, so nothing is read
 * that the user could not read with kubectl). Changes bump a generation; waiters are woken at
 * most every COALESCE_MS, so a burst of events becomes one answer.
 */
export interface UserIndex {
  /** Resolves once discovery and access are decided (feeds may still be loading). */
  ready: Promise<void>;
  summary(): InventorySummary;
  /** The best `cap` matches per kind, for the kinds in `order` (descriptor ids), in that order. */
  search(q: SearchQuery, cap: number, order: readonly string[]): IndexSearchResult;
  /** The pods and VMs placed on a host, at most `cap` of each. */
  placed(host: string, cap: number): IndexPlacedResult;
  /** Resolves when the generation differs from `after`, or after `maxMs`, or on abort. */
  waitForChange(after: string, maxMs: number, signal: AbortSignal): Promise<void>;
  lastUsed: number;
  stop(): void;
}

const COALESCE_MS = 150;
/** What runs on a host: VMs, then vSphere Pods. */
const PLACED_ORDER = ['virtualmachines.vmoperator.vmware.com', 'pods'];
const RECHECK_MS = 60_000;
const INDEXED: readonly ResourceDescriptor[] = (() => {
  const seen = new Set<string>();
  const out: ResourceDescriptor[] = [];
  for (const d of [...DESCRIPTORS.filter((x) => x.tree), ...searchDescriptors()]) {
    if (seen.has(d.id) || !d.namespaced) continue;
    seen.add(d.id);
    out.push(d);
  }
  return out;
})();

async function servedVersions(token: string): Promise<Map<string, string>> {
  const [core, groups] = await Promise.all([upstreamJson(token, 'GET', '/api', undefined, AGGREGATED_ACCEPT), upstreamJson(token, 'GET', '/apis', undefined, AGGREGATED_ACCEPT)]);
  const out = new Map<string, string>();
  for (const r of [...parseAggregatedDiscovery(core.body), ...parseAggregatedDiscovery(groups.body)]) out.set(descriptorId(r.group, r.resource), r.version);
  return out;
}

async function mayListAndWatch(token: string, d: ResourceDescriptor): Promise<boolean> {
  const review = (verb: string) =>
    upstreamJson(token, 'POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { verb, group: d.group, resource: d.resource } },
    }).then((r) => (r.body as { status?: { allowed?: boolean } })?.status?.allowed === true);
  const [list, watch] = await Promise.all([review('list'), review('watch')]);
  return list && watch;
}

export function createUserIndex(token: string): UserIndex {
  const feeds = new Map<string, KindFeed>();
  const gate = listGate();
  let generation = 0;
  let cached: InventorySummary | undefined;
  let stopped = false;
  const waiters = new Set<() => void>();
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;

  const onChange = () => {
    generation++;
    cached = undefined;
    wakeTimer ??= setTimeout(() => {
      wakeTimer = undefined;
      for (const w of [...waiters]) w();
    }, COALESCE_MS);
  };

  // Which kinds to index is decided again every RECHECK_MS: a kind the user lost the right to
  // list or watch is dropped, a newly served or newly allowed one (a CRD installed) is added.
  const decide = async () => {
    const versions = await servedVersions(token);
    const served = INDEXED.filter((d) => versions.has(d.id));
    const allowed = await Promise.all(served.map((d) => mayListAndWatch(token, d)));
    if (stopped) return;
    const keep = new Set<string>();
    let changed = false;
    served.forEach((d, i) => {
      if (!allowed[i]) return;
      keep.add(d.id);
      if (feeds.has(d.id)) return;
      feeds.set(d.id, startKindFeed(token, d, collectionPath(d, versions.get(d.id)!), onChange, gate));
      changed = true;
    });
    for (const [id, f] of feeds) {
      if (keep.has(id)) continue;
      f.stop();
      feeds.delete(id);
      changed = true;
    }
    // Waiters are woken only when the set of kinds changed, not by every re-check.
    if (changed) onChange();
  };
  // A connection reset on the first requests is retried a few times before the index gives up
  // (the route then answers 503 and the browser retries with back-off).
  const ready = (async () => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await decide();
      } catch (e) {
        if (!(e instanceof UpstreamUnavailable) || attempt >= 2 || stopped) throw e;
        await new Promise((r) => setTimeout(r, 300 * (attempt + 1)));
      }
    }
  })();
  const recheck = setInterval(() => void decide().catch(() => undefined), RECHECK_MS);
  recheck.unref?.();

  const kinds = () => feeds as ReadonlyMap<string, IndexedKind>;
  const index: UserIndex = {
    ready,
    lastUsed: Date.now(),
    summary() {
      cached ??= summarize(kinds(), String(generation));
      return cached;
    },
    search(q, cap, order) {
      const states: Record<string, KindState> = {};
      for (const [id, f] of feeds) states[id] = f.state;
      return { generation: String(generation), kinds: states, groups: searchIndex(q, kinds(), order, cap) };
    },
    placed(host, cap) {
      return { generation: String(generation), groups: placedOn(kinds(), host, PLACED_ORDER, cap) };
    },
    waitForChange(after, maxMs, signal) {
      if (after !== String(generation)) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, maxMs);
        waiters.add(done);
        signal.addEventListener('abort', done);
      });
    },
    stop() {
      stopped = true;
      clearInterval(recheck);
      for (const f of feeds.values()) f.stop();
      feeds.clear();
      for (const w of [...waiters]) w();
    },
  };
  return index;
}

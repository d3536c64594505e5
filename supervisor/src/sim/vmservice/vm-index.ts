import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { CapacityConsumer } from '../contracts';
import { conditionsOf, getCondition } from './conditions';
import { COND } from './constants';
import { appliedSize } from './resources';

/**
 * An in-memory index of the stored VirtualMachines, kept current from store events, answering
 * what the controller asks often without scanning every VM: VMs by namespace and host, the
 * capacity powered-on VMs hold, the addresses in use, and which VMs wait for quota or a host.
 */
interface Entry {
  vm: KubeObject;
  namespace: string;
  node: string;
  ips: string[];
}

/** A VM holds host capacity while powered on, and from the moment a power-on or resume starts. */
export function consumerOf(key: string, vm: KubeObject): CapacityConsumer | undefined {
  const status = isObject(vm.status) ? vm.status : {};
  const node = typeof status.nodeName === 'string' ? status.nodeName : '';
  if (!node) return undefined;
  const op = getCondition(conditionsOf(status), COND.powerStateSynced);
  const starting = op?.status === 'False' && (op.reason === 'PoweringOn' || op.reason === 'Resuming');
  if (status.powerState !== 'PoweredOn' && !starting) return undefined;
  return { key, node, requests: appliedSize(vm) };
}

function ipsOf(vm: KubeObject): string[] {
  const cfg = isObject(vm.status) && isObject(vm.status.network) && isObject(vm.status.network.config) ? vm.status.network.config : {};
  const out: string[] = [];
  for (const i of Array.isArray(cfg.interfaces) ? cfg.interfaces : []) {
    const addrs = isObject(i) && isObject(i.ip) && Array.isArray(i.ip.addresses) ? i.ip.addresses : [];
    for (const a of addrs) out.push(String(a).split('/')[0]!);
  }
  return out;
}

function addTo(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

function removeFrom(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  s?.delete(v);
  if (s?.size === 0) m.delete(k);
}

export class VmIndex {
  private readonly byKey = new Map<string, Entry>();
  private readonly byNamespace = new Map<string, Set<string>>();
  private readonly byNode = new Map<string, Set<string>>();
  private readonly consumers_ = new Map<string, CapacityConsumer>();
  private readonly quotaBlocked = new Set<string>();
  private readonly placementBlocked_ = new Set<string>();

  update(key: string, vm: KubeObject): void {
    this.remove(key);
    const namespace = vm.metadata.namespace ?? '';
    const node = isObject(vm.status) && typeof vm.status.nodeName === 'string' ? vm.status.nodeName : '';
    this.byKey.set(key, { vm, namespace, node, ips: ipsOf(vm) });
    addTo(this.byNamespace, namespace, key);
    if (node) addTo(this.byNode, node, key);
    const consumer = consumerOf(key, vm);
    if (consumer) this.consumers_.set(key, consumer);
    const conds = conditionsOf(vm.status);
    if (getCondition(conds, COND.powerStateSynced)?.reason === 'ExceededQuota') this.quotaBlocked.add(key);
    if (getCondition(conds, COND.placementReady)?.status === 'False') this.placementBlocked_.add(key);
  }

  remove(key: string): void {
    const e = this.byKey.get(key);
    if (!e) return;
    this.byKey.delete(key);
    removeFrom(this.byNamespace, e.namespace, key);
    if (e.node) removeFrom(this.byNode, e.node, key);
    this.consumers_.delete(key);
    this.quotaBlocked.delete(key);
    this.placementBlocked_.delete(key);
  }

  *entries(namespace?: string): IterableIterator<[string, KubeObject]> {
    const keys = namespace === undefined ? this.byKey.keys() : (this.byNamespace.get(namespace) ?? new Set<string>()).values();
    for (const k of keys) yield [k, this.byKey.get(k)!.vm];
  }

  namespaceKeys(namespace: string): string[] {
    return [...(this.byNamespace.get(namespace) ?? [])];
  }

  /** Addresses used by the namespace's VMs other than `exceptUid`. */
  ipsIn(namespace: string, exceptUid: string): Set<string> {
    const out = new Set<string>();
    for (const k of this.byNamespace.get(namespace) ?? []) {
      const e = this.byKey.get(k)!;
      if (e.vm.metadata.uid !== exceptUid) e.ips.forEach((ip) => out.add(ip));
    }
    return out;
  }

  consumers(): CapacityConsumer[] {
    return [...this.consumers_.values()];
  }

  onNode(node: string): string[] {
    return [...(this.byNode.get(node) ?? [])];
  }

  /** Nodes that have VMs on them. */
  nodes(): string[] {
    return [...this.byNode.keys()];
  }

  quotaBlockedIn(namespace: string): string[] {
    return [...this.quotaBlocked].filter((k) => this.byKey.get(k)?.namespace === namespace);
  }

  placementBlocked(): string[] {
    return [...this.placementBlocked_];
  }
}

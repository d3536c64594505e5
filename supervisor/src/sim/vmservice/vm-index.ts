import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { CapacityConsumer } from '../contracts';
import { conditionsOf, getCondition } from './conditions';
import { COND } from './constants';
import { appliedSize } from './resources';

/**
 * An in-memory index of the stored VirtualMachines, kept current from store events, answering
 * what the controller asks often: VMs by namespace and host, the capacity powered-on VMs hold,
 * the addresses in use, and which VMs wait for quota or a host.
 */
interface Entry {
  vm: KubeObject;
  namespace: string;
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

export class VmIndex {
  private readonly entries_ = new Map<string, Entry>();

  update(key: string, vm: KubeObject): void {
    this.entries_.set(key, { vm, namespace: vm.metadata.namespace ?? '', ips: ipsOf(vm) });
  }

  remove(key: string): void {
    this.entries_.delete(key);
  }

  *entries(namespace?: string): IterableIterator<[string, KubeObject]> {
    for (const [k, e] of this.entries_) if (namespace === undefined || e.namespace === namespace) yield [k, e.vm];
  }

  namespaceKeys(namespace: string): string[] {
    return [...this.entries(namespace)].map(([k]) => k);
  }

  /** Addresses used by the namespace's VMs other than `exceptUid`. */
  ipsIn(namespace: string, exceptUid: string): Set<string> {
    const out = new Set<string>();
    for (const e of this.entries_.values()) if (e.namespace === namespace && e.vm.metadata.uid !== exceptUid) e.ips.forEach((ip) => out.add(ip));
    return out;
  }

  consumers(): CapacityConsumer[] {
    const out: CapacityConsumer[] = [];
    for (const [k, e] of this.entries_) {
      const c = consumerOf(k, e.vm);
      if (c) out.push(c);
    }
    return out;
  }

  onNode(node: string): string[] {
    return [...this.entries_].filter(([, e]) => isObject(e.vm.status) && e.vm.status.nodeName === node).map(([k]) => k);
  }

  quotaBlockedIn(namespace: string): string[] {
    return [...this.entries(namespace)].filter(([, vm]) => getCondition(conditionsOf(vm.status), COND.powerStateSynced)?.reason === 'ExceededQuota').map(([k]) => k);
  }

  placementBlocked(): string[] {
    return [...this.entries_].filter(([, e]) => getCondition(conditionsOf(e.vm.status), COND.placementReady)?.status === 'False').map(([k]) => k);
  }
}

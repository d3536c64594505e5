import { randomUUID } from 'node:crypto';
import type { KubeObject } from '../../api/types';
import type { ControllerContext } from '../../controllers/controller-context';
import { timestamp } from '../../core/metadata';
import { seedVmCatalog, VM_SERVICE_CRDS } from '../vmservice';
import { whenCrdsServed, whenServed } from './when-served';
import { scaleTfJob } from './scale-instances';
import { scaleNamespace, scaleNode, scalePod, scaleService, scaleVm, settleScalePod } from './scale-objects';
import { vmSettler } from './settle-vm';
import { bigFirst, roundRobin } from './scale-spread';

/**
 * `--seed scale --namespaces N --vms N --pods N --services N [--service-instances N]
 * [--big-namespace-vms N]`: a large, settled inventory for the benchmark. Services are core
 * Services; service instances are operator-backed (finished TFJobs, scale-instances.ts). Objects
 * go round-robin over the namespaces, except that `--big-namespace-vms` fills the first
 * namespace with exactly that many VMs (scale-spread.ts). They are written straight to storage
 * in batched transactions (each object is complete, as its controllers would have left it: pods
 * bound and Running, VMs powered off, jobs finished), so 100,000 objects take seconds rather
 * than the minutes the object API's per-write fsync would.
 */
const BATCH = 2000;
/** The only hosts: the demo's four are not written, so `kubectl get nodes` lists exactly these. */
const HOSTS = 32;

export async function seedScale(ctx: ControllerContext): Promise<string> {
  const { store, config } = ctx.core;
  const { namespaces, vms, pods, services, serviceInstances, bigNamespaceVms } = config.scale;
  await whenCrdsServed(ctx, VM_SERVICE_CRDS);
  if (serviceInstances > 0) await whenServed(ctx, 'kubeflow.org', 'v1', 'tfjobs');
  const now = timestamp(new Date());
  const nsNames = Array.from({ length: Math.max(1, namespaces) }, (_, i) => `scale-${String(i + 1).padStart(3, '0')}`);
  const nodes = Array.from({ length: HOSTS }, (_, i) => `esxi-${String(i + 101).padStart(3, '0')}.vsphere.local`);
  const write = (table: string, objects: Iterable<KubeObject>): number => {
    let n = 0;
    let batch: KubeObject[] = [];
    const flush = (): void => {
      store.batch(() => {
        for (const o of batch) store.put(table, o);
      });
      batch = [];
    };
    for (const o of objects) {
      o.metadata.uid ??= randomUUID();
      o.metadata.creationTimestamp ??= now;
      batch.push(o);
      n++;
      if (batch.length === BATCH) flush();
    }
    if (batch.length) flush();
    return n;
  };
  const nodeObjects = nodes.map((name, i) => scaleNode(name, i));
  let total = write('core/nodes', nodeObjects);
  total += write('core/namespaces', nsNames.map(scaleNamespace));
  seedVmCatalog(ctx, nsNames.slice(0, 10));
  const spread = function* <T>(placed: Iterable<[string, number]>, make: (ns: string, i: number) => T): Generator<T> {
    for (const [ns, i] of placed) yield make(ns, i);
  };
  // Pods started an hour ago, in exactly the state (status, annotations) their spherelet would
  // give them now, so it finds nothing to write or record when it takes them over.
  const nowMs = Date.now();
  const started = timestamp(new Date(nowMs - 3600_000));
  const settledPod = (ns: string, i: number): KubeObject => {
    const node = nodeObjects[i % nodeObjects.length]!;
    return settleScalePod(scalePod(ns, i, node.metadata.name!, started), node, nowMs, ctx.clock.scale);
  };
  total += write('core/pods', spread(roundRobin(pods, nsNames), settledPod));
  total += write('core/services', spread(roundRobin(services, nsNames), (ns, i) => scaleService(ns, i)));
  const finished = timestamp(new Date(nowMs - 600_000));
  total += write('kubeflow.org/tfjobs', spread(roundRobin(serviceInstances, nsNames), (ns, i) => scaleTfJob(ns, i, started, finished)));
  const settler = vmSettler(store, ctx.clock.scale);
  const seededAt = new Date(nowMs);
  total += write('vmoperator.vmware.com/virtualmachines', spread(bigFirst(vms, nsNames, bigNamespaceVms), (ns, i) => settler.settle(scaleVm(ns, i, now), seededAt)));
  return `${total} objects (${nodes.length} hosts, ${nsNames.length} namespaces, ${pods} pods, ${services} services, ${serviceInstances} service instances, ${vms} VMs)`;
}

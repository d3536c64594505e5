import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../testing/eventually';
import { API_VERSION, FINALIZER_VM, VMS } from '../vmservice/constants';
import { seedVmCatalog } from '../vmservice/seed-catalog';
import { createVmTestCore, standardObjects, vmManifest, type VmTestCore } from '../vmservice/testing/vm-test-core';
import { scaleVm } from './scale-objects';
import { vmSettler } from './settle-vm';

/**
 * A settled seeded VM is left alone by the running VM controller: no status write, no patch,
 * no event. The controller's queue is first in, first out, so once a VM created after it has
 * been reconciled, the seeded one has been looked at too.
 */
describe('vmSettler', () => {
  let t: VmTestCore;
  const NS = 'scale-001';
  beforeEach(async () => {
    t = await createVmTestCore(200);
    standardObjects(t.client, NS);
    seedVmCatalog(t.ctx, [NS]);
  });
  afterEach(() => t.dispose());

  it('writes VMs the controller has nothing to do for', async () => {
    const now = new Date();
    const settler = vmSettler(t.store, t.ctx.clock.scale);
    const seeded = [0, 1, 2].map((i) => {
      const vm = settler.settle(scaleVm(NS, i, now.toISOString().replace(/\.\d+Z$/, 'Z')), now);
      vm.metadata.creationTimestamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
      return t.store.put('vmoperator.vmware.com/virtualmachines', vm);
    });
    t.client.create(API_VERSION, VMS, { ...vmManifest(NS, 'marker'), spec: { ...vmManifest(NS, 'marker').spec as object, powerState: 'PoweredOff' } });
    await eventually(() => t.client.get(API_VERSION, VMS, NS, 'marker')?.metadata.finalizers?.includes(FINALIZER_VM), 'the marker VM reconciled');
    await eventually(() => (t.client.get(API_VERSION, VMS, NS, 'marker')?.status as { conditions?: unknown[] } | undefined)?.conditions, 'the marker VM’s status');
    for (const s of seeded) {
      const now2 = t.client.get(API_VERSION, VMS, NS, s.obj.metadata.name!)!;
      expect(now2.metadata.resourceVersion).toBe(s.obj.metadata.resourceVersion);
      expect(now2.status).toMatchObject({ powerState: 'PoweredOff' });
      expect((now2.status as { hardware?: unknown }).hardware).toBeDefined();
    }
    const names = new Set(seeded.map((s) => s.obj.metadata.name));
    expect(t.client.list('v1', 'events', NS).filter((e) => names.has((e.involvedObject as { name: string }).name))).toEqual([]);
  });
});

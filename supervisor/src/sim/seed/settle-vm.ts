import { randomUUID } from 'node:crypto';
import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import type { Store } from '../../storage/store';
import { FINALIZER_VM } from '../vmservice/constants';
import { lookupsFrom } from '../vmservice/vm-admission';
import { finalStatus, newRuntime } from '../vmservice/vm-draft';
import { reconcileVm, type VmEnv } from '../vmservice/vm-reconcile';

/**
 * Seeded powered-off VMs in the state the VM controller would leave them in: its finalizer,
 * the spec defaults the CRD adds on the controller's first write, and the status (hardware,
 * volumes, storage, conditions) of a reconcile, so the controller has nothing to write when it
 * takes them over. Only for VMs that stay off: nothing here places, powers on or allocates.
 */
export interface VmSettler {
  settle(vm: KubeObject, now: Date): KubeObject;
}

const SPEC_DEFAULTS = { promoteDisksMode: 'Online' };

export function vmSettler(store: Store, scale: number): VmSettler {
  const refuse = (what: string) => () => {
    throw new Error(`a seeded powered-off VM must not ${what}`);
  };
  const env: VmEnv = {
    lookups: lookupsFrom(store),
    rt: newRuntime(),
    place: refuse('be placed'),
    isReady: () => false,
    quotaFit: () => ({ ok: true }),
    pvcSize: () => undefined,
    secretExists: () => false,
    snapshot: () => undefined,
    snapshotBytes: () => 0,
    allocateIp: refuse('get an address'),
  };
  return {
    settle(vm, now) {
      // The status derives disk UUIDs from the uid: it must be the one stored.
      vm.metadata.uid ??= randomUUID();
      vm.metadata.finalizers = [...(vm.metadata.finalizers ?? []), FINALIZER_VM];
      vm.spec = { ...SPEC_DEFAULTS, ...(isObject(vm.spec) ? vm.spec : {}) };
      const { draft } = reconcileVm(env, vm, now, scale);
      vm.status = finalStatus(draft);
      return vm;
    },
  };
}

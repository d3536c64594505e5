import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor } from '../../../controllers/controller-context';
import { splitKey } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';
import { keyOf, startController } from '../kit/controller-loop';
import { PV_PROTECTION } from './storage-admission';
import { PROVISIONER_FINALIZER } from './volume-object';

/**
 * The volume side of storage: the PV controller's phases (Available, Bound, Released once the
 * claim is gone) and reclaim policy (Delete removes the volume, Retain keeps it Released), the
 * external-provisioner's deletion of the backing CNS volume (its finalizer), and pv-protection
 * (a deleted volume keeps `kubernetes.io/pv-protection` while it is Bound).
 */
interface ClaimRef {
  namespace?: string;
  name?: string;
  uid?: string;
}

function claimRefOf(pv: KubeObject): ClaimRef | undefined {
  return isObject(pv.spec) && isObject(pv.spec.claimRef) ? (pv.spec.claimRef as ClaimRef) : undefined;
}

function phaseOf(obj: KubeObject): string | undefined {
  return isObject(obj.status) && typeof obj.status.phase === 'string' ? obj.status.phase : undefined;
}

export function startVolumeController(ctx: ControllerContext): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const provisionerClient = clientFor(ctx, 'csi-provisioner');
  const { store } = ctx.core;

  const claimKeys = (e: StoreEvent): string[] => {
    const keys = [keyOf('', `pvc-${e.cur.obj.metadata.uid}`)];
    const spec = isObject(e.cur.obj.spec) ? e.cur.obj.spec : {};
    if (typeof spec.volumeName === 'string' && spec.volumeName) keys.push(keyOf('', spec.volumeName));
    return keys;
  };

  startController(ctx, {
    name: 'persistentvolume-controller',
    primary: 'core/persistentvolumes',
    watches: [{ table: 'core/persistentvolumeclaims', keys: claimKeys }],
    sync(key) {
      const { name } = splitKey(key);
      const pv = store.get('core/persistentvolumes', '', name)?.obj;
      if (!pv) return;
      const ref = claimRefOf(pv);
      const claim = ref ? store.get('core/persistentvolumeclaims', ref.namespace ?? '', ref.name ?? '')?.obj : undefined;
      const claimGone = !!ref && (!claim || (ref.uid !== undefined && claim.metadata.uid !== ref.uid));
      if (pv.metadata.deletionTimestamp) {
        const finalizers = pv.metadata.finalizers ?? [];
        const keep = finalizers.filter((f) => f !== PROVISIONER_FINALIZER && !(f === PV_PROTECTION && (claimGone || phaseOf(pv) !== 'Bound')));
        if (keep.length !== finalizers.length) {
          const c = finalizers.includes(PROVISIONER_FINALIZER) ? provisionerClient : client;
          c.patch('v1', 'persistentvolumes', '', name, { metadata: { finalizers: keep.length ? keep : null } });
        }
        return;
      }
      let phase = 'Available';
      if (ref && !claimGone) {
        const spec = claim && isObject(claim.spec) ? claim.spec : {};
        phase = spec.volumeName === name || phaseOf(pv) === 'Bound' ? 'Bound' : 'Available';
      } else if (claimGone) phase = 'Released';
      if (phaseOf(pv) !== phase) client.updateStatus('v1', 'persistentvolumes', { ...pv, status: { ...(isObject(pv.status) ? pv.status : {}), phase, lastPhaseTransitionTime: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') } });
      const policy = isObject(pv.spec) ? pv.spec.persistentVolumeReclaimPolicy : undefined;
      if (phase === 'Released' && policy === 'Delete') provisionerClient.delete('v1', 'persistentvolumes', '', name);
    },
  });
}

import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';
import type { ControllerContext } from '../../../controllers/controller-context';
import { clientFor, recorderFor } from '../../../controllers/controller-context';
import { splitKey } from '../../../controllers/work-queue';
import type { StoreEvent } from '../../../storage/store';
import { keyOf, startController } from '../kit/controller-loop';
import type { Indexes } from '../kit/object-index';
import { isAlreadyExists } from '../kit/pod-control';
import { isPodTerminal } from '../kit/pod-state';
import { deepCopy } from '../kit/pod-template';
import { PVC_PROTECTION } from './storage-admission';
import { accessModes, claimClass, claimStorage, CSI_DRIVER, podUsesClaim, volumeFor, volumeName } from './volume-object';

/**
 * The claim side of storage: the PV controller's binder (it names the provisioner in the
 * claim's annotations, waits for a first consumer under WaitForFirstConsumer, binds a volume
 * created for the claim), the vSphere CSI external-provisioner (it creates `pvc-<uid>` for
 * classes whose provisioner is csi.vsphere.vmware.com, after a short simulated delay), and the
 * pvc-protection controller (a deleted claim keeps its finalizer while a pod still uses it).
 */
const PROVISION_MS = 3000;
const SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const WAITING = (p: string): string =>
  `Waiting for a volume to be created either by the external provisioner '${p}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`;

export function startClaimController(ctx: ControllerContext, indexes: Indexes): void {
  const client = clientFor(ctx, 'kube-controller-manager');
  const provisionerClient = clientFor(ctx, 'csi-provisioner');
  const pvEvents = recorderFor(ctx, 'persistentvolume-controller');
  const provisionerEvents = recorderFor(ctx, `${CSI_DRIVER}_vsphere-csi-controller-7c9d8b6f5d-x2xkq_6f1c0e1a-7b1e-4a57-9d0b-3c1f2a4e5d60`);
  const claims = indexes.of('core/persistentvolumeclaims');
  const pods = indexes.of('core/pods');
  const provisioningSince = new Map<string, number>();

  const podKeys = (e: StoreEvent): string[] => {
    const keys: string[] = [];
    for (const s of [e.cur, e.prev]) {
      const spec = s && isObject(s.obj.spec) ? s.obj.spec : {};
      for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
        if (isObject(v) && isObject(v.persistentVolumeClaim)) keys.push(keyOf(e.namespace, String(v.persistentVolumeClaim.claimName)));
      }
    }
    return keys;
  };
  const volumeKeys = (e: StoreEvent): string[] => {
    const ref = isObject(e.cur.obj.spec) && isObject(e.cur.obj.spec.claimRef) ? e.cur.obj.spec.claimRef : undefined;
    return ref ? [keyOf(String(ref.namespace), String(ref.name))] : [];
  };
  const classKeys = (): string[] => allPending();
  const allPending = (): string[] => ctx.core.store.list('core/persistentvolumeclaims').filter((s) => (s.obj.status as { phase?: string } | undefined)?.phase === 'Pending').map((s) => keyOf(s.obj.metadata.namespace, s.obj.metadata.name));

  const controller = startController(ctx, {
    name: 'persistentvolume-binder',
    primary: 'core/persistentvolumeclaims',
    watches: [
      { table: 'core/pods', keys: podKeys },
      { table: 'core/persistentvolumes', keys: volumeKeys },
      { table: 'storage.k8s.io/storageclasses', keys: classKeys },
    ],
    sync(key) {
      const { namespace, name } = splitKey(key);
      const claim = claims.get(namespace, name);
      if (!claim) {
        provisioningSince.delete(key);
        return;
      }
      if (claim.metadata.deletionTimestamp) return protect(claim);
      const spec = isObject(claim.spec) ? claim.spec : {};
      if (typeof spec.volumeName === 'string' && spec.volumeName) return syncBound(claim, spec.volumeName);
      const className = claimClass(claim);
      if (!className) return;
      const sc = ctx.core.store.get('storage.k8s.io/storageclasses', '', className)?.obj;
      if (!sc) {
        pvEvents.record(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
        return;
      }
      const provisioner = typeof sc.provisioner === 'string' ? sc.provisioner : '';
      let node = claim.metadata.annotations?.[SELECTED_NODE];
      if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !node) {
        node = firstConsumerNode(claim);
        if (!node) {
          pvEvents.record(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
          return;
        }
        client.patch('v1', 'persistentvolumeclaims', namespace, name, { metadata: { annotations: { [SELECTED_NODE]: node } } });
        return;
      }
      if (claim.metadata.annotations?.['volume.kubernetes.io/storage-provisioner'] !== provisioner) {
        client.patch('v1', 'persistentvolumeclaims', namespace, name, { metadata: { annotations: { 'volume.beta.kubernetes.io/storage-provisioner': provisioner, 'volume.kubernetes.io/storage-provisioner': provisioner } } });
        pvEvents.record(claim, 'Normal', 'ExternalProvisioning', WAITING(provisioner));
        return;
      }
      if (provisioner !== CSI_DRIVER) return;
      const since = provisioningSince.get(key);
      if (since === undefined) {
        provisioningSince.set(key, Date.now());
        provisionerEvents.record(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${namespace}/${name}"`);
        controller.requeueAfter(key, PROVISION_MS);
        return;
      }
      if (Date.now() - since < ctx.clock.real(PROVISION_MS)) return controller.requeueAfter(key, PROVISION_MS);
      provisioningSince.delete(key);
      const zone = node ? ctx.core.store.get('core/nodes', '', node)?.obj.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
      try {
        provisionerClient.create('v1', 'persistentvolumes', volumeFor(claim, sc, zone));
      } catch (e) {
        if (!isAlreadyExists(e)) {
          provisionerEvents.record(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${className}": ${(e as Error).message}`);
          throw e;
        }
      }
      provisionerEvents.record(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${volumeName(claim)}`);
      bind(claim, volumeName(claim));
    },
  });

  const firstConsumerNode = (claim: KubeObject): string | undefined => {
    for (const pod of pods.inNamespace(claim.metadata.namespace ?? '')) {
      const node = isObject(pod.spec) && typeof pod.spec.nodeName === 'string' ? pod.spec.nodeName : '';
      if (node && podUsesClaim(pod, claim.metadata.name ?? '')) return node;
    }
    return undefined;
  };

  /** syncClaim for an unbound claim whose volume exists: claim.spec.volumeName, bind annotations, Bound status. */
  const bind = (claim: KubeObject, pvName: string): void => {
    const pv = ctx.core.store.get('core/persistentvolumes', '', pvName)?.obj;
    if (!pv) return;
    const copy = deepCopy(claim);
    (copy.spec as Record<string, unknown>).volumeName = pvName;
    copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), 'pv.kubernetes.io/bind-completed': 'yes', 'pv.kubernetes.io/bound-by-controller': 'yes' };
    const updated = client.update('v1', 'persistentvolumeclaims', copy);
    syncBound(updated, pvName);
  };

  const syncBound = (claim: KubeObject, pvName: string): void => {
    const pv = ctx.core.store.get('core/persistentvolumes', '', pvName)?.obj;
    const pvSpec = pv && isObject(pv.spec) ? pv.spec : undefined;
    const status = pvSpec
      ? { phase: 'Bound', accessModes: (pvSpec.accessModes as string[] | undefined) ?? accessModes(claim), capacity: (pvSpec.capacity as Record<string, string> | undefined) ?? { storage: claimStorage(claim) } }
      : { phase: 'Lost' };
    if (JSON.stringify(claim.status ?? {}) === JSON.stringify(status)) return;
    client.updateStatus('v1', 'persistentvolumeclaims', { ...claim, status });
    if (!pvSpec) pvEvents.record(claim, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
  };

  /** pvc-protection: drop the finalizer once no pod that is not finished uses the claim. */
  const protect = (claim: KubeObject): void => {
    const finalizers = claim.metadata.finalizers ?? [];
    if (!finalizers.includes(PVC_PROTECTION)) return;
    const inUse = pods.inNamespace(claim.metadata.namespace ?? '').some((p) => !isPodTerminal(p) && podUsesClaim(p, claim.metadata.name ?? ''));
    if (inUse) return;
    const rest = finalizers.filter((f) => f !== PVC_PROTECTION);
    client.patch('v1', 'persistentvolumeclaims', claim.metadata.namespace ?? '', claim.metadata.name ?? '', { metadata: { finalizers: rest.length ? rest : null } });
  };
}

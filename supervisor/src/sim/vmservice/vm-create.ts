import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { timestamp } from '../../core/metadata';
import { getCondition, markFalse, markTrue, removeCondition, sinceMs } from './conditions';
import { ANNOTATION_MANAGER_ID, API_VERSION, COND, VCENTER_UUID } from './constants';
import type { GuestProfile } from './guest-os';
import { moid } from './identity';
import { classSize, hardwareStatus } from './resources';
import { emit, mergePatch, since, specOf, wake, type Draft, type Json, type VmRuntime } from './vm-draft';
import { configuredNetwork, controllersStatus, guestStatus, planInterfaces, storageStatus, volumesStatus } from './vm-status';

/**
 * Deploying a VM: the prerequisite conditions (class, image, storage, bootstrap, network) that
 * vm-operator checks before it clones, the clone itself (VirtualMachineCreated False/Creating
 * for as long as the image takes to deploy) and the status a freshly created VM reports.
 */
export interface CreateFacts {
  cls?: KubeObject;
  image?: KubeObject;
  storageClassOk: boolean;
  bootstrapSecretOk: boolean;
  profile: GuestProfile;
  /** Addresses already used by other VMs in the namespace. */
  allocateIp: (iface: string) => string;
  pvcSize: (claim: string) => number | undefined;
}

const obj = (v: unknown): Json => (isObject(v) ? v : {});
const PREREQUISITES: string[] = [COND.classReady, COND.imageReady, COND.storageReady, COND.bootstrapReady, COND.networkReady];

/** Sets the prerequisite conditions; returns whether the VM can be created. */
export function prerequisites(d: Draft, f: CreateFacts): boolean {
  const spec = specOf(d.vm);
  const className = String(spec.className ?? '');
  d.conds = f.cls ? markTrue(d.conds, COND.classReady, d.now) : markFalse(d.conds, COND.classReady, 'NotFound', `virtualmachineclasses.vmoperator.vmware.com "${className}" not found`, d.now);
  const ref = obj(spec.image);
  const plural = ref.kind === 'ClusterVirtualMachineImage' ? 'clustervirtualmachineimages' : 'virtualmachineimages';
  const imageReady = f.image && (obj(f.image.status).conditions as { type?: string; status?: string }[] | undefined)?.find((c) => c.type === 'Ready')?.status !== 'False';
  if (!f.image) d.conds = markFalse(d.conds, COND.imageReady, 'NotFound', `${plural}.vmoperator.vmware.com "${String(ref.name ?? '')}" not found`, d.now);
  else if (!imageReady) d.conds = markFalse(d.conds, COND.imageReady, 'NotReady', `VirtualMachineImage ${String(ref.name ?? '')} is not ready`, d.now);
  else d.conds = markTrue(d.conds, COND.imageReady, d.now);
  const sc = String(spec.storageClass ?? '');
  d.conds = f.storageClassOk ? markTrue(d.conds, COND.storageReady, d.now) : markFalse(d.conds, COND.storageReady, 'NotFound', `storageclasses.storage.k8s.io "${sc}" not found`, d.now);
  if (isObject(spec.bootstrap)) {
    d.conds = f.bootstrapSecretOk ? markTrue(d.conds, COND.bootstrapReady, d.now) : markFalse(d.conds, COND.bootstrapReady, 'NotFound', 'the bootstrap data Secret was not found', d.now);
  } else d.conds = removeCondition(d.conds, COND.bootstrapReady);
  d.conds = obj(spec.network).disabled === true ? removeCondition(d.conds, COND.networkReady) : markTrue(d.conds, COND.networkReady, d.now);
  return !!f.cls && !!imageReady && f.storageClassOk && f.bootstrapSecretOk;
}

/** Creating: starts the clone, waits for it, then writes the created VM's status. Returns true once created. */
export function reconcileCreate(d: Draft, f: CreateFacts, rt: VmRuntime): boolean {
  const created = getCondition(d.conds, COND.created);
  if (created?.status === 'True') return true;
  const failing = (): string => d.conds.filter((c) => PREREQUISITES.includes(c.type) && c.status === 'False').map((c) => c.message).join(', ');
  const before = failing();
  if (!prerequisites(d, f)) {
    // One event per distinct failure, not one per reconcile.
    if (failing() !== before) emit(d, 'Warning', 'CreateFailure', failing());
    return false;
  }
  if (created?.reason !== 'Creating') {
    const ref = obj(specOf(d.vm).image);
    const display = String(obj(f.image?.status).name ?? ref.name ?? '');
    d.conds = markFalse(d.conds, COND.created, 'Creating', `Deploying virtual machine from ${String(ref.kind)} ${String(ref.name)} (${display})`, d.now);
    rt.opStart.set(d.uid, d.nowMs);
    d.status.powerState = 'PoweredOff';
    wake(d, f.profile.createMs);
    return false;
  }
  const elapsed = since(d, rt.opStart.get(d.uid) ?? sinceMs(d.conds, COND.created));
  if (elapsed < f.profile.createMs) {
    wake(d, f.profile.createMs - elapsed);
    return false;
  }
  finishCreate(d, f);
  rt.opStart.delete(d.uid);
  return true;
}

function finishCreate(d: Draft, f: CreateFacts): void {
  const vm = d.vm;
  const spec = specOf(vm);
  const size = classSize(f.cls!);
  const plans = planInterfaces(vm, f.allocateIp);
  const volumes = volumesStatus(vm, f.image, f.pvcSize);
  const imageHw = Number(obj(f.image?.status).hardwareVersion ?? 13) || 13;
  Object.assign(d.status, {
    uniqueID: moid('vm', vm.metadata.uid ?? ''),
    biosUUID: String(spec.biosUUID ?? ''),
    instanceUUID: String(spec.instanceUUID ?? ''),
    class: { apiVersion: API_VERSION, kind: 'VirtualMachineClass', name: f.cls!.metadata.name },
    hardwareVersion: Math.max(imageHw, Number(spec.minHardwareVersion ?? 0) || 0, volumes.length > 1 ? 15 : 0),
    hardware: { ...hardwareStatus(size), controllers: controllersStatus(volumes) },
    volumes,
    storage: storageStatus(vm, f.image, size.memory, 0),
    network: configuredNetwork(vm, plans),
    guest: guestStatus(f.profile),
    changeBlockTracking: obj(spec.advanced).changeBlockTracking === true,
    powerState: 'PoweredOff',
    provider: { creationTimestamp: timestamp(d.now) },
  });
  d.conds = markTrue(d.conds, COND.created, d.now);
  d.conds = markTrue(d.conds, COND.classConfigSynced, d.now);
  d.conds = markFalse(d.conds, COND.tools, 'VirtualMachineToolsNotRunning', '', d.now);
  mergePatch(d, { metadata: { annotations: { [ANNOTATION_MANAGER_ID]: VCENTER_UUID } } });
  emit(d, 'Normal', 'CreateSuccess', 'Create success');
  wake(d, 0);
}

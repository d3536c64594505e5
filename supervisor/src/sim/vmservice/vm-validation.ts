import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { stableStringify } from '../../util/stable-json';
import { ANNOTATION_FIRST_BOOT_DONE, CVMI_KIND, LABEL_ZONE, VMI_KIND } from './constants';
import { forbidden, immutable, invalid, required } from './field-errors';
import { imageByRef, type ImageLookups } from './image-resolution';

/**
 * vm-operator's validating webhook for VirtualMachines (webhooks/virtualmachine/validation),
 * the parts a console exercises: image, class and storage class on create, power state and
 * restart rules, bootstrap providers, volumes, immutable fields and system-owned annotations.
 * Returns field error texts; an empty list admits the object.
 */
type Json = Record<string, unknown>;

export interface VmLookups extends ImageLookups {
  vmClass(namespace: string, name: string): KubeObject | undefined;
  storageClass(name: string): KubeObject | undefined;
  quotas(namespace: string): KubeObject[];
}

const obj = (v: unknown): Json => (isObject(v) ? v : {});
const SUPPORTED_KINDS = `supported: ${VMI_KIND}; ${CVMI_KIND}`;

function validateStorageClass(vm: KubeObject, l: VmLookups): string[] {
  const sc = obj(vm.spec).storageClass;
  if (typeof sc !== 'string' || !sc) return [];
  if (!l.storageClass(sc)) return [invalid('spec.storageClass', sc, `Storage policy ${sc} does not exist`)];
  // A namespace whose quotas name storage classes only allows those (the storage policies assigned to it).
  const keys = l.quotas(vm.metadata.namespace ?? '').flatMap((q) => Object.keys(obj(obj(q.spec).hard)));
  const scoped = keys.filter((k) => k.includes('.storageclass.storage.k8s.io/'));
  if (scoped.length && !scoped.some((k) => k.startsWith(`${sc}.storageclass.storage.k8s.io/`))) {
    return [invalid('spec.storageClass', sc, `Storage policy is not associated with the namespace ${vm.metadata.namespace ?? ''}`)];
  }
  return [];
}

function validateBootstrap(vm: KubeObject): string[] {
  const b = obj(obj(vm.spec).bootstrap);
  const errs: string[] = [];
  const has = (k: string): boolean => isObject(b[k]);
  if (has('cloudInit') && (has('linuxPrep') || has('sysprep') || has('vAppConfig'))) errs.push(forbidden('spec.bootstrap.cloudInit', 'CloudInit may not be used with any other bootstrap provider'));
  if (has('cloudInit') && isObject(obj(b.cloudInit).cloudConfig) && isObject(obj(b.cloudInit).rawCloudConfig)) errs.push(invalid('spec.bootstrap.cloudInit', 'cloudInit', 'cloudConfig and rawCloudConfig are mutually exclusive'));
  if (has('linuxPrep') && has('sysprep')) errs.push(forbidden('spec.bootstrap.linuxPrep', 'LinuxPrep may not be used with either CloudInit or Sysprep bootstrap providers'));
  if (has('sysprep')) {
    const s = obj(b.sysprep);
    if (isObject(s.sysprep) && isObject(s.rawSysprep)) errs.push(invalid('spec.bootstrap.sysprep', 'sysPrep', 'sysprep and rawSysprep are mutually exclusive'));
    else if (!isObject(s.sysprep) && !isObject(s.rawSysprep)) errs.push(invalid('spec.bootstrap.sysprep', 'sysPrep', 'either sysprep or rawSysprep must be provided'));
  }
  return errs;
}

function validateVolumes(vm: KubeObject): string[] {
  const errs: string[] = [];
  const seen = new Set<string>();
  const volumes = Array.isArray(obj(vm.spec).volumes) ? (obj(vm.spec).volumes as unknown[]) : [];
  volumes.forEach((v, i) => {
    const vol = obj(v);
    const path = `spec.volumes[${i}]`;
    if (typeof vol.name !== 'string' || !vol.name) errs.push(required(`${path}.name`));
    else if (seen.has(vol.name)) errs.push(`${path}.name: Duplicate value: ${JSON.stringify(vol.name)}`);
    else seen.add(vol.name);
    if (!isObject(vol.persistentVolumeClaim)) errs.push(required(`${path}.persistentVolumeClaim`));
  });
  return errs;
}

function validateAnnotations(vm: KubeObject, old: KubeObject | undefined, privileged: boolean): string[] {
  if (privileged) return [];
  const key = ANNOTATION_FIRST_BOOT_DONE;
  if ((vm.metadata.annotations ?? {})[key] !== (old?.metadata.annotations ?? {})[key]) {
    return [forbidden(`metadata.annotations[${key}]`, 'modifying this annotation is not allowed for non-admin users')];
  }
  return [];
}

export function validateVmCreate(vm: KubeObject, l: VmLookups, privileged: boolean): string[] {
  const s = obj(vm.spec);
  const ns = vm.metadata.namespace ?? '';
  const errs: string[] = [];
  const image = s.image;
  if (!isObject(image)) errs.push(required('spec.image'));
  else if (!image.kind) errs.push(required('spec.image.kind', SUPPORTED_KINDS));
  else if (image.kind !== VMI_KIND && image.kind !== CVMI_KIND) errs.push(invalid('spec.image.kind', image.kind, SUPPORTED_KINDS));
  else if (!imageByRef(l, ns, image)) errs.push(invalid('spec.image.name', image.name, `no VM image exists for "${String(image.name)}" in namespace or cluster scope`));
  if (typeof s.className !== 'string' || !s.className) errs.push(required('spec.className'));
  else if (!l.vmClass(ns, s.className)) errs.push(invalid('spec.className', s.className, `virtualmachineclasses.vmoperator.vmware.com "${s.className}" not found`));
  errs.push(...validateStorageClass(vm, l), ...validateBootstrap(vm), ...validateVolumes(vm));
  if (s.powerState === 'Suspended') errs.push(invalid('spec.powerState', s.powerState, "cannot set a new VM's power state to Suspended"));
  if (s.nextRestartTime) errs.push(invalid('spec.nextRestartTime', s.nextRestartTime, 'cannot restart VM on create'));
  if (s.currentSnapshotName) errs.push(forbidden('spec.currentSnapshotName', 'cannot revert a VM that does not exist yet'));
  errs.push(...validateAnnotations(vm, undefined, privileged));
  return errs;
}

function changed(a: unknown, b: unknown): boolean {
  return stableStringify(a ?? null) !== stableStringify(b ?? null);
}

export function validateVmUpdate(vm: KubeObject, old: KubeObject, l: VmLookups, privileged: boolean): string[] {
  const s = obj(vm.spec);
  const o = obj(old.spec);
  const errs: string[] = [];
  for (const f of ['imageName', 'image', 'storageClass']) if (changed(s[f], o[f])) errs.push(immutable(`spec.${f}`, s[f] ?? ''));
  for (const f of ['biosUUID', 'instanceUUID']) if (o[f] && changed(s[f], o[f])) errs.push(immutable(`spec.${f}`, s[f] ?? ''));
  if (changed(obj(s.reserved).resourcePolicyName, obj(o.reserved).resourcePolicyName)) errs.push(immutable('spec.reserved.resourcePolicyName', obj(s.reserved).resourcePolicyName ?? ''));
  if (typeof s.className !== 'string' || !s.className) errs.push(required('spec.className'));
  else if (s.className !== o.className && !l.vmClass(vm.metadata.namespace ?? '', s.className)) {
    errs.push(invalid('spec.className', s.className, `virtualmachineclasses.vmoperator.vmware.com "${s.className}" not found`));
  }
  const ifaces = (x: Json): unknown[] => (Array.isArray(obj(x.network).interfaces) ? (obj(x.network).interfaces as unknown[]) : []);
  if (ifaces(s).length !== ifaces(o).length) errs.push(forbidden('spec.network.interfaces', 'network interfaces cannot be added or removed'));
  if (!s.powerState) errs.push(invalid('spec.powerState', '', 'cannot set power state to empty string'));
  else if (o.powerState === 'PoweredOff' && s.powerState === 'Suspended') errs.push(invalid('spec.powerState', s.powerState, 'cannot suspend a VM that is powered off'));
  else if (o.powerState === 'PoweredOn' && s.powerState === 'PoweredOn') {
    if (changed(s.bootstrap, o.bootstrap)) errs.push(forbidden('spec.bootstrap', 'updates to this field is not allowed when VM power is on'));
    if (changed(s.guestID, o.guestID)) errs.push(forbidden('spec.guestID', 'updates to this field is not allowed when VM power is on'));
  }
  if (typeof s.nextRestartTime === 'string' && s.nextRestartTime !== o.nextRestartTime && Number.isNaN(Date.parse(s.nextRestartTime))) {
    errs.push(invalid('spec.nextRestartTime', s.nextRestartTime, 'must be formatted as RFC3339Nano'));
  }
  const oldZone = old.metadata.labels?.[LABEL_ZONE];
  if (oldZone && vm.metadata.labels?.[LABEL_ZONE] !== oldZone) errs.push(immutable(`metadata.labels[${LABEL_ZONE}]`, vm.metadata.labels?.[LABEL_ZONE] ?? ''));
  const oldMin = Number(o.minHardwareVersion ?? 0);
  if (Number(s.minHardwareVersion ?? 0) < oldMin) errs.push(invalid('spec.minHardwareVersion', s.minHardwareVersion ?? 0, 'cannot downgrade hardware version'));
  errs.push(...validateBootstrap(vm), ...validateVolumes(vm), ...validateAnnotations(vm, old, privileged));
  return errs;
}

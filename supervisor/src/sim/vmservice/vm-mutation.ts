import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { ANNOTATION_CREATED_AT_BUILD, ANNOTATION_CREATED_AT_SCHEMA, VERSION } from './constants';
import { forbidden, invalid } from './field-errors';
import { imageByRef, resolveImageName, type ImageLookups } from './image-resolution';

/**
 * vm-operator's mutating webhook for VirtualMachines (webhooks/virtualmachine/mutation): on
 * create it records the created-at annotations, adds the default network interface, defaults
 * the power state, the instance and BIOS UUIDs (and cloud-init's instance ID), and resolves
 * spec.imageName to spec.image; on update it turns `nextRestartTime: now` into a timestamp.
 * Each function mutates `vm` in place and returns the denial message, if any.
 */
type Json = Record<string, unknown>;

export const BUILD_VERSION = 'v1.9.1-0-g3f0a1c2';

function spec(vm: KubeObject): Json {
  if (!isObject(vm.spec)) vm.spec = {};
  return vm.spec as Json;
}

export function mutateVmOnCreate(vm: KubeObject, images: ImageLookups, privileged: boolean, newUuid: () => string): string | undefined {
  const s = spec(vm);
  vm.metadata.annotations = { ...(vm.metadata.annotations ?? {}), [ANNOTATION_CREATED_AT_BUILD]: BUILD_VERSION, [ANNOTATION_CREATED_AT_SCHEMA]: VERSION };
  const net = isObject(s.network) ? s.network : undefined;
  if (!net?.disabled) {
    const network = net ?? (s.network = {});
    const ifaces = Array.isArray(network.interfaces) ? network.interfaces : [];
    if (ifaces.length === 0) network.interfaces = [{ name: 'eth0', network: { apiVersion: 'vmware.com/v1alpha1', kind: 'VirtualNetwork' } }];
    else for (const i of ifaces) if (isObject(i) && !isObject(i.network)) i.network = { apiVersion: 'vmware.com/v1alpha1', kind: 'VirtualNetwork' };
  }
  if (!s.powerState) s.powerState = 'PoweredOn';
  if (!privileged && s.instanceUUID) return forbidden('spec.instanceUUID', 'only privileged users may set this field');
  if (!privileged && s.biosUUID) return forbidden('spec.biosUUID', 'only privileged users may set this field');
  s.instanceUUID ||= newUuid();
  s.biosUUID ||= newUuid();
  const bootstrap = isObject(s.bootstrap) ? s.bootstrap : undefined;
  if (bootstrap && isObject(bootstrap.cloudInit) && !bootstrap.cloudInit.instanceID) bootstrap.cloudInit.instanceID = s.biosUUID;
  if (typeof s.imageName === 'string' && s.imageName) {
    const r = resolveImageName(images, vm.metadata.namespace ?? '', s.imageName);
    if (!r.ok) return r.message;
    if (isObject(s.image) && (s.image.kind !== r.ref.kind || s.image.name !== r.ref.name)) return invalid('spec.imageName', s.imageName, 'must refer to the same resource as spec.image');
    s.image = { ...r.ref };
    s.imageName = r.ref.name;
  } else if (isObject(s.image) && typeof s.image.name === 'string' && imageByRef(images, vm.metadata.namespace ?? '', s.image)) {
    s.imageName = s.image.name;
  }
  return undefined;
}

export function mutateVmOnUpdate(vm: KubeObject, old: KubeObject, images: ImageLookups, now: Date): string | undefined {
  const s = spec(vm);
  const o = isObject(old.spec) ? old.spec : {};
  // A manifest re-applied with the display name it was created with still means the same image.
  if (typeof s.imageName === 'string' && s.imageName !== o.imageName && isObject(o.image)) {
    const r = resolveImageName(images, vm.metadata.namespace ?? '', s.imageName);
    if (r.ok && r.ref.kind === o.image.kind && r.ref.name === o.image.name) s.imageName = o.imageName;
  }
  const next = typeof s.nextRestartTime === 'string' ? s.nextRestartTime : '';
  const prev = typeof o.nextRestartTime === 'string' ? o.nextRestartTime : '';
  if (next === '') {
    if (prev) s.nextRestartTime = prev;
    return undefined;
  }
  if (next.toLowerCase() === 'now') {
    if (o.powerState !== 'PoweredOn') return invalid('spec.nextRestartTime', next, 'can only restart powered on vm');
    s.nextRestartTime = rfc3339Nano(now);
    return undefined;
  }
  if (next === prev) return undefined;
  return invalid('spec.nextRestartTime', next, 'may only be set to "now"');
}

/** Go's time.RFC3339Nano in UTC: fractional seconds without trailing zeros. */
export function rfc3339Nano(d: Date): string {
  return d.toISOString().replace(/\.(\d*?)0*Z$/, (_m, frac: string) => (frac ? `.${frac}Z` : 'Z'));
}

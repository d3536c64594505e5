import { createHash } from 'node:crypto';
import type { KubeObject } from '../../api/types';
import { isObject } from '../../api/types';
import { clientFor, recorderFor, type ControllerContext } from '../../controllers/controller-context';
import { splitKey, WorkQueue } from '../../controllers/work-queue';
import { timestamp } from '../../core/metadata';
import { conditionsOf, isTrue, markFalse, markTrue, type Condition } from './conditions';
import { API_VERSION, COMPONENT, CONTENT_LIBRARIES, COND, IMAGES, IMAGE_REGISTRY_API_VERSION, LABEL_LIBRARY_DEFAULT, MANAGER_NAME, PUBLISH_REQUESTS, VMS, table } from './constants';
import { uuidFrom } from './identity';
import { imageByRef } from './image-resolution';
import { lookupsFrom } from './vm-admission';
import { imageObject } from './seed-images';
import { createWithStatus } from './seed-kit';

/**
 * VirtualMachinePublishRequest: validates the source VM and the target content library,
 * "uploads" the VM as an OVF template (Uploaded False/Uploading for a while), then realizes the
 * item as a VirtualMachineImage in the namespace; SourceValid, TargetValid, Uploaded,
 * ImageAvailable and Complete report each step, `ready` is true once all are.
 */
type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (isObject(v) ? v : {});
export const UPLOAD_MS = 20_000;

/** The VMI name vm-operator derives from a content library item UUID. */
export function vmiName(itemUuid: string): string {
  return `vmi-${createHash('sha1').update(itemUuid.replace(/-/g, '')).digest('hex').slice(0, 17)}`;
}

export function startPublishController(ctx: ControllerContext): void {
  const { store } = ctx.core;
  const client = clientFor(ctx, MANAGER_NAME);
  const recorder = recorderFor(ctx, COMPONENT.publish);
  const lookups = lookupsFrom(store);
  const started = new Map<string, number>();

  const write = (req: KubeObject, status: Json, conds: Condition[]): void => {
    const all = ['SourceValid', 'TargetValid', 'Uploaded', 'ImageAvailable', 'Complete'];
    const ready = all.every((t) => isTrue(conds, t));
    client.updateStatus(API_VERSION, PUBLISH_REQUESTS, { ...req, status: { ...status, conditions: conds, ready } });
  };

  const process = (key: string): void => {
    const { namespace: ns, name } = splitKey(key);
    const req = client.get(API_VERSION, PUBLISH_REQUESTS, ns, name);
    if (!req || req.metadata.deletionTimestamp) return void started.delete(key);
    const now = new Date();
    const status: Json = { ...obj(req.status) };
    let conds = conditionsOf(req.status);
    if (isTrue(conds, 'Complete')) {
      const ttl = obj(req.spec).ttlSecondsAfterFinished;
      if (typeof ttl === 'number') {
        const left = Date.parse(String(status.completionTime)) + ctx.clock.real(ttl * 1000) - Date.now();
        if (left <= 0) client.delete(API_VERSION, PUBLISH_REQUESTS, ns, name);
        else setTimeout(() => queue.add(key), left).unref();
      }
      return;
    }
    status.startTime ??= timestamp(now);
    const spec = obj(req.spec);
    const sourceName = String(obj(spec.source).name || name);
    const vm = client.get(API_VERSION, VMS, ns, sourceName);
    status.sourceRef = { name: sourceName, apiVersion: API_VERSION, kind: 'VirtualMachine' };
    if (!vm) conds = markFalse(conds, 'SourceValid', 'SourceVirtualMachineNotExist', `VirtualMachine ${sourceName} does not exist`, now);
    else if (!isTrue(conditionsOf(vm.status), COND.created)) conds = markFalse(conds, 'SourceValid', 'SourceVirtualMachineNotCreated', `VirtualMachine ${sourceName} has not been created`, now);
    else conds = markTrue(conds, 'SourceValid', now);
    const location = obj(obj(spec.target).location);
    const libraries = client.list(IMAGE_REGISTRY_API_VERSION, CONTENT_LIBRARIES, ns);
    const library = location.name ? libraries.find((l) => l.metadata.name === location.name) : libraries.find((l) => l.metadata.labels?.[LABEL_LIBRARY_DEFAULT] !== undefined);
    const itemName = String(obj(obj(spec.target).item).name || `${sourceName}-image`);
    const itemDescription = obj(obj(spec.target).item).description;
    status.targetRef = { item: { name: itemName, ...(itemDescription ? { description: itemDescription } : {}) }, location: { name: library?.metadata.name ?? location.name ?? '', apiVersion: IMAGE_REGISTRY_API_VERSION, kind: 'ContentLibrary' } };
    const duplicate = lookups.namespaceImages(ns).some((i) => obj(i.status).name === itemName);
    if (!library) conds = markFalse(conds, 'TargetValid', 'TargetContentLibraryNotExist', location.name ? `ContentLibrary ${String(location.name)} does not exist` : 'no default ContentLibrary (labeled imageregistry.vmware.com/default) in the namespace', now);
    else if (obj(library.spec).writable !== true) conds = markFalse(conds, 'TargetValid', 'TargetContentLibraryNotWritable', `ContentLibrary ${library.metadata.name} is not writable`, now);
    else if (duplicate && !isTrue(conds, 'Uploaded')) conds = markFalse(conds, 'TargetValid', 'TargetItemAlreadyExists', `an item named ${itemName} already exists in ContentLibrary ${library.metadata.name}`, now);
    else conds = markTrue(conds, 'TargetValid', now);
    if (!isTrue(conds, 'SourceValid') || !isTrue(conds, 'TargetValid')) {
      conds = markFalse(conds, 'Uploaded', 'NotStarted', '', now);
      conds = markFalse(conds, 'Complete', 'HasNotBeenUploaded', '', now);
      write(req, status, conds);
      return;
    }
    if (!started.has(key) && !isTrue(conds, 'Uploaded')) {
      started.set(key, Date.now());
      status.attempts = Number(status.attempts ?? 0) + 1;
      status.lastAttemptTime = timestamp(now);
      conds = markFalse(conds, 'Uploaded', 'Uploading', `Uploading VirtualMachine ${sourceName} to ContentLibrary ${library!.metadata.name}`, now);
      conds = markFalse(conds, 'ImageAvailable', 'ImageUnavailable', '', now);
      conds = markFalse(conds, 'Complete', 'HasNotBeenUploaded', '', now);
      write(req, status, conds);
      ctx.clock.after(UPLOAD_MS, () => queue.add(key));
      return;
    }
    const elapsed = ctx.clock.scale * (Date.now() - (started.get(key) ?? 0));
    if (!isTrue(conds, 'Uploaded') && elapsed < UPLOAD_MS) return void ctx.clock.after(UPLOAD_MS - elapsed, () => queue.add(key));
    const itemUuid = uuidFrom(`clitem:${req.metadata.uid}`);
    const imageName = vmiName(itemUuid);
    if (!client.get(API_VERSION, IMAGES, ns, imageName)) {
      const source = imageByRef(lookups, ns, obj(vm!.spec).image);
      createWithStatus(client, API_VERSION, IMAGES, imageObject(imageName, ns, itemName, itemUuid, source, vm!));
    }
    conds = markTrue(conds, 'Uploaded', now);
    conds = markTrue(conds, 'ImageAvailable', now);
    conds = markTrue(conds, 'Complete', now);
    write(req, { ...status, imageName, completionTime: timestamp(now) }, conds);
    started.delete(key);
    recorder.record(req, 'Normal', 'PublishSuccess', `Published VirtualMachine ${sourceName} as VirtualMachineImage ${imageName} (${itemName})`);
    queue.add(key);
  };

  const queue = new WorkQueue('virtualmachinepublishrequest-controller', process);
  const unsubscribe = store.subscribe(table(PUBLISH_REQUESTS), (e) => e.type !== 'DELETED' && queue.add(`${e.namespace}/${e.name}`));
  for (const s of store.list(table(PUBLISH_REQUESTS))) queue.add(`${s.obj.metadata.namespace}/${s.obj.metadata.name}`);
  ctx.onStop(() => {
    unsubscribe();
    queue.stop();
  });
}

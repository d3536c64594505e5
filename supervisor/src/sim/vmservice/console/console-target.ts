import type { KubeObject } from '../../../api/types';
import { isObject } from '../../../api/types';
import type { Store } from '../../../storage/store';
import { parseQuantity } from '../../../util/quantity';
import { conditionsOf, getCondition, sinceMs } from '../conditions';
import { COND, VMS, table } from '../constants';
import { profileForImage } from '../guest-os';
import { imageByRef } from '../image-resolution';
import { lookupsFrom } from '../vm-admission';
import type { VmRuntime } from '../vm-draft';
import { bootDisk, hostNameOf, plannedFromStatus } from '../vm-status';
import type { ConsoleInfo } from './boot-transcript';
import type { ConsoleTarget } from './console-server';
import type { Ticket } from './ticket';

/**
 * What the console of a ticket's VM shows: the guest (from its image), its hardware and
 * address (from its status), and how far it has booted (the VM controller's runtime, or the
 * PowerStateSynced condition after a restart).
 */
export function consoleTargetFor(store: Store, rt: VmRuntime, scale: number): (t: Ticket) => ConsoleTarget | undefined {
  const lookups = lookupsFrom(store);
  return (t) => {
    const vm = store.get(table(VMS), t.namespace, t.vmName)?.obj;
    if (!vm || !isObject(vm.status) || vm.status.powerState !== 'PoweredOn') return undefined;
    const info = consoleInfo(vm, imageByRef(lookups, t.namespace, isObject(vm.spec) ? vm.spec.image : undefined));
    const conds = conditionsOf(vm.status);
    const start = rt.bootStart.get(vm.metadata.uid ?? '') ?? (getCondition(conds, COND.tools)?.status === 'True' ? 0 : sinceMs(conds, COND.powerStateSynced));
    const elapsedMs = start ? (Date.now() - start) * scale : 24 * 3_600_000;
    return { info: { ...info, bootedAt: new Date(start || Date.now() - elapsedMs) }, elapsedMs };
  };
}

export function consoleInfo(vm: KubeObject, image: KubeObject | undefined): ConsoleInfo {
  const status = isObject(vm.status) ? vm.status : {};
  const spec = isObject(vm.spec) ? vm.spec : {};
  const hw = isObject(status.hardware) ? status.hardware : {};
  const profile = profileForImage(image);
  const plan = plannedFromStatus(vm)[0];
  const hasIp = isObject(status.network) && typeof status.network.primaryIP4 === 'string';
  const firmware = isObject(image?.status) && image.status.firmware === 'EFI' ? 'EFI' : 'BIOS';
  const bootstrap = isObject(spec.bootstrap) ? spec.bootstrap : {};
  return {
    family: profile.family,
    hostname: hostNameOf(vm),
    prettyName: profile.prettyName,
    version: profile.version,
    kernel: profile.kernel,
    firmware,
    cpus: Number(isObject(hw.cpu) ? hw.cpu.total : 1) || 1,
    memoryBytes: parseQuantity(isObject(hw.memory) ? hw.memory.total : undefined) ?? 2 ** 31,
    diskBytes: bootDisk(vm, image).capacity,
    ...(hasIp || plan ? { ip: plan?.ip, gateway: plan?.gateway } : {}),
    prefix: plan?.prefix ?? 20,
    mac: plan?.mac ?? '00:50:56:00:00:01',
    biosUUID: String(status.biosUUID ?? spec.biosUUID ?? ''),
    toolsMs: profile.toolsMs,
    ipMs: profile.ipMs,
    bootstrapMs: profile.bootstrapMs,
    cloudInit: isObject(bootstrap.cloudInit),
    bootedAt: new Date(),
  };
}


import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { classSize, hardwareStatus, quotaFit, quotaView, vmQuotaUsage } from './resources';
import { vmClassObject, CLASS_SIZES } from './seed-catalog';

const GiB = 2 ** 30;

describe('VM sizing and quota', () => {
  it('reads a guaranteed class: hardware and reservation', () => {
    const cls = vmClassObject('team-a', true, CLASS_SIZES[2]!);
    expect(classSize(cls)).toEqual({ cpus: 2, memory: 8 * GiB, reservedCpu: 2, reservedMemory: 8 * GiB });
    expect(hardwareStatus(classSize(cls))).toEqual({ cpu: { total: 2, reservation: 4800 }, memory: { total: '8Gi', reservation: '8Gi' } });
    expect(classSize(vmClassObject('team-a', false, CLASS_SIZES[0]!))).toMatchObject({ reservedCpu: 0, reservedMemory: 0 });
  });

  it('charges a VM its applied size only while powered on', () => {
    const vm = (powerState: string): KubeObject => ({ metadata: { name: 'web-01' }, status: { powerState, hardware: { cpu: { total: 4 }, memory: { total: '16Gi' } } } });
    expect(vmQuotaUsage(vm('PoweredOn'))).toEqual({ 'requests.cpu': 4, 'limits.cpu': 4, cpu: 4, 'requests.memory': 16 * GiB, 'limits.memory': 16 * GiB, memory: 16 * GiB });
    expect(vmQuotaUsage(vm('PoweredOff'))).toEqual({});
    expect(vmQuotaUsage(vm('Suspended'))).toEqual({});
  });

  it('refuses what does not fit with the ResourceQuota admission wording', () => {
    const quota = quotaView({ metadata: { name: 'team-a-quota' }, spec: { hard: { 'requests.cpu': '16', 'requests.memory': '64Gi', 'count/virtualmachines.vmoperator.vmware.com': '20' } } });
    const used = { 'requests.cpu': 14, 'requests.memory': 20 * GiB };
    expect(quotaFit([quota], used, {}, { 'requests.cpu': 2, 'requests.memory': 4 * GiB })).toEqual({ ok: true });
    expect(quotaFit([quota], used, {}, { 'requests.cpu': 4, 'requests.memory': 8 * GiB })).toEqual({
      ok: false,
      quota: 'team-a-quota',
      message: 'exceeded quota: team-a-quota, requested: requests.cpu=4, used: requests.cpu=14, limited: requests.cpu=16',
    });
    const mem = quotaFit([quota], { 'requests.memory': 60 * GiB }, {}, { 'requests.memory': 8 * GiB });
    expect(mem).toMatchObject({ ok: false, message: 'exceeded quota: team-a-quota, requested: requests.memory=8Gi, used: requests.memory=60Gi, limited: requests.memory=64Gi' });
  });
});

import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { actionPermission, cordonPatch, currentReplicas, deleteOptions, scalePatch } from './actions';
import { descriptorById } from './registry';
import { powerActionState, powerPatch, powerProgress, restartPending } from './vm-power';

const vmDescriptor = descriptorById('virtualmachines.vmoperator.vmware.com')!;

function vm(spec: Record<string, unknown>, status: Record<string, unknown>): KubeObject {
  return { apiVersion: 'vmoperator.vmware.com/v1alpha3', kind: 'VirtualMachine', metadata: { name: 'web-01', namespace: 'team-a' }, spec: { className: 'best-effort-small', ...spec }, status };
}

const synced = (status: string, reason?: string, message?: string) => ({ type: 'VirtualMachinePowerStateSynced', status, reason, message, lastTransitionTime: '2026-01-01T10:00:00Z' });

describe('VM power actions', () => {
  it('are merge patches of spec.powerState and its mode fields', () => {
    expect(powerPatch('on')).toEqual({ spec: { powerState: 'PoweredOn' } });
    expect(powerPatch('off', 'Soft')).toEqual({ spec: { powerState: 'PoweredOff', powerOffMode: 'Soft' } });
    expect(powerPatch('off', 'Hard')).toEqual({ spec: { powerState: 'PoweredOff', powerOffMode: 'Hard' } });
    expect(powerPatch('suspend', 'TrySoft')).toEqual({ spec: { powerState: 'Suspended', suspendMode: 'TrySoft' } });
    expect(powerPatch('restart')).toEqual({ spec: { nextRestartTime: 'now' } });
  });

  it('are offered when they make sense', () => {
    const on = vm({ powerState: 'PoweredOn' }, { powerState: 'PoweredOn' });
    expect(powerActionState(on, 'on')).toEqual({ enabled: false, reason: 'The VM is already powered on.' });
    expect(powerActionState(on, 'off').enabled).toBe(true);
    expect(powerActionState(on, 'restart').enabled).toBe(true);
    const off = vm({ powerState: 'PoweredOff' }, { powerState: 'PoweredOff' });
    expect(powerActionState(off, 'suspend')).toEqual({ enabled: false, reason: 'Only a powered-on VM can be suspended.' });
    expect(powerActionState(off, 'restart').enabled).toBe(false);
    expect(powerActionState(off, 'on').enabled).toBe(true);
  });

  it('report progress from the PowerStateSynced condition until the state matches', () => {
    expect(powerProgress(vm({ powerState: 'PoweredOff' }, { powerState: 'PoweredOn', conditions: [synced('True')] }))).toEqual({ busy: true, text: 'Powering off… (TrySoft)', problem: undefined });
    expect(powerProgress(vm({ powerState: 'PoweredOff', powerOffMode: 'Soft' }, { powerState: 'PoweredOn', conditions: [synced('False', 'PoweringOff', 'Shutting down the guest operating system')] }))).toEqual({
      busy: true,
      text: 'Powering off… (Soft)',
    });
    expect(powerProgress(vm({ powerState: 'PoweredOn' }, { powerState: 'PoweredOff', conditions: [synced('False', 'PoweringOn', 'Powering on the virtual machine')] }))).toEqual({ busy: true, text: 'Powering on…' });
    expect(powerProgress(vm({ powerState: 'PoweredOff' }, { powerState: 'PoweredOff', conditions: [synced('True')] }))).toEqual({ busy: false, text: 'PoweredOff', problem: undefined });
  });

  it('surface a refusal (quota) as a problem, not progress', () => {
    const p = powerProgress(vm({ powerState: 'PoweredOn' }, { powerState: 'PoweredOff', conditions: [synced('False', 'ExceededQuota', 'exceeded quota: requests.cpu=16, used 14, requested 4')] }));
    expect(p).toEqual({ busy: false, text: 'Powering on…', problem: 'exceeded quota: requests.cpu=16, used 14, requested 4' });
  });

  it('see a requested restart until lastRestartTime catches up', () => {
    const asked = vm({ powerState: 'PoweredOn', nextRestartTime: '2026-01-01T10:05:00Z' }, { powerState: 'PoweredOn', lastRestartTime: '2026-01-01T09:00:00Z', conditions: [synced('True')] });
    expect(restartPending(asked)).toBe(true);
    expect(powerProgress(asked)).toEqual({ busy: true, text: 'Restarting…' });
    const done = vm({ powerState: 'PoweredOn', nextRestartTime: '2026-01-01T10:05:00Z' }, { powerState: 'PoweredOn', lastRestartTime: '2026-01-01T10:05:01Z' });
    expect(restartPending(done)).toBe(false);
  });
});

describe('action requests', () => {
  it('need the verb and subresource an access review checks', () => {
    expect(actionPermission('delete', vmDescriptor)).toEqual({ verb: 'delete', group: 'vmoperator.vmware.com', resource: 'virtualmachines' });
    expect(actionPermission('vm-power-off', vmDescriptor)).toEqual({ verb: 'patch', group: 'vmoperator.vmware.com', resource: 'virtualmachines' });
    expect(actionPermission('scale', descriptorById('deployments.apps')!)).toEqual({ verb: 'patch', group: 'apps', resource: 'deployments/scale' });
    expect(actionPermission('cordon', descriptorById('nodes')!)).toEqual({ verb: 'patch', group: '', resource: 'nodes' });
  });

  it('build delete options, scale and cordon patches', () => {
    expect(deleteOptions('Foreground')).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Foreground' });
    expect(scalePatch(3)).toEqual({ spec: { replicas: 3 } });
    expect(cordonPatch(true)).toEqual({ spec: { unschedulable: true } });
    expect(cordonPatch(false)).toEqual({ spec: { unschedulable: null } });
    expect(currentReplicas({ spec: { replicas: 4 } })).toBe(4);
    expect(currentReplicas({ spec: { instances: 3 } })).toBe(3);
    expect(currentReplicas({ spec: {} })).toBe(1);
  });
});

describe('VM summary', () => {
  it('links the image it was deployed from', () => {
    const fromCluster = vm({ image: { kind: 'ClusterVirtualMachineImage', name: 'vmi-0a0044d7c690bcbea' } }, {});
    expect(vmDescriptor.summary!(fromCluster).find((f) => f.label === 'Image')).toMatchObject({ value: 'vmi-0a0044d7c690bcbea', ref: { group: 'vmoperator.vmware.com', kind: 'ClusterVirtualMachineImage', namespace: undefined, name: 'vmi-0a0044d7c690bcbea' } });
    const fromNamespace = vm({ image: { kind: 'VirtualMachineImage', name: 'vmi-1' } }, {});
    expect(vmDescriptor.summary!(fromNamespace).find((f) => f.label === 'Image')!.ref).toEqual({ group: 'vmoperator.vmware.com', kind: 'VirtualMachineImage', namespace: 'team-a', name: 'vmi-1' });
    expect(vmDescriptor.summary!(vm({ imageName: 'ubuntu' }, {})).find((f) => f.label === 'Image')!.ref).toBeUndefined();
  });
});

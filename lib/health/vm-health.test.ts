import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/types';
import { vmStatus } from './vm-health';

/** VirtualMachines as the embedded supervisor's VM Service reports them (v1alpha5). */
const T = '2026-11-26T02:10:00Z';
const ok = (type: string) => ({ type, status: 'True', reason: 'True', lastTransitionTime: T });
const SETTLED = ['VirtualMachineBootstrapReady', 'VirtualMachineClassReady', 'VirtualMachineCreated', 'VirtualMachineImageReady', 'VirtualMachineNetworkReady', 'VirtualMachinePowerStateSynced', 'VirtualMachineStorageReady'].map(ok);
const toolsNotRunning = { type: 'VirtualMachineTools', status: 'False', reason: 'VirtualMachineToolsNotRunning', lastTransitionTime: T };

function vm(spec: string, status: string, conditions: object[], ip?: string): KubeObject {
  return {
    apiVersion: 'vmoperator.vmware.com/v1alpha5',
    kind: 'VirtualMachine',
    metadata: { name: 'build-agent-01', namespace: 'team-a', uid: 'u1', resourceVersion: '1' },
    spec: { className: 'best-effort-small', powerState: spec },
    status: { powerState: status, conditions, ...(ip ? { network: { primaryIP4: ip } } : {}) },
  };
}

describe('vmStatus', () => {
  it('calls a VM that is off or suspended on purpose healthy, though its tools are not running', () => {
    expect(vmStatus(vm('PoweredOff', 'PoweredOff', [...SETTLED, toolsNotRunning]))).toEqual({ health: 'healthy', text: 'PoweredOff', reasons: [] });
    expect(vmStatus(vm('Suspended', 'Suspended', [...SETTLED, toolsNotRunning])).health).toBe('healthy');
  });

  it('still warns about a stopped VM whose other conditions fail', () => {
    const drift = { type: 'VirtualMachineClassConfigurationSynced', status: 'False', reason: 'ClassConfigurationChanged', lastTransitionTime: T };
    const s = vmStatus(vm('PoweredOff', 'PoweredOff', [...SETTLED, drift, toolsNotRunning]));
    expect(s.health).toBe('warning');
    expect(s.reasons).toEqual(['VirtualMachineClassConfigurationSynced: ClassConfigurationChanged']);
  });

  it('warns about a running VM whose tools are not running', () => {
    expect(vmStatus(vm('PoweredOn', 'PoweredOn', [...SETTLED, toolsNotRunning], '192.168.128.10')).health).toBe('warning');
  });

  it('is healthy when on with an address and nothing failing', () => {
    expect(vmStatus(vm('PoweredOn', 'PoweredOn', SETTLED, '192.168.128.10'))).toEqual({ health: 'healthy', text: 'PoweredOn' });
  });
});

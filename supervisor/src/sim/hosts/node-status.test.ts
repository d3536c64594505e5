import { describe, expect, it } from 'vitest';
import { DEMO_HOSTS, nodeManifest, profileFor, stableUuid } from './host-catalog';
import { allocatableFor, capacityFor, kubeletConditions, kubeletStatus, readyStatus, statusReportDue, unknownConditions, type NodeCondition } from './node-status';
import { nodeObject, readyConditions } from './testing/fixtures';
import { parseQuantity } from '../../util/quantity';

describe('host catalog', () => {
  it('has four hosts in two zones with agent role labels and vsphere provider IDs', () => {
    expect(DEMO_HOSTS.map((h) => `${h.name}@${h.zone}`)).toEqual(['esxi-01.vsphere.local@zone-a', 'esxi-02.vsphere.local@zone-a', 'esxi-03.vsphere.local@zone-b', 'esxi-04.vsphere.local@zone-b']);
    const node = nodeManifest(DEMO_HOSTS[2]!);
    expect(node.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'esxi-03.vsphere.local', 'node-role.kubernetes.io/agent': '', 'topology.kubernetes.io/zone': 'zone-b', 'topology.kubernetes.io/region': 'region-1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
    expect((node.spec as { providerID: string }).providerID).toMatch(/^vsphere:\/\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableUuid('x')).toBe(stableUuid('x'));
  });

  it('gives hosts registered by clients a deterministic profile in their labelled zone', () => {
    expect(profileFor('edge-1', { 'topology.kubernetes.io/zone': 'zone-c' })).toEqual(profileFor('edge-1', { 'topology.kubernetes.io/zone': 'zone-c' }));
    expect(profileFor('edge-1', { 'topology.kubernetes.io/zone': 'zone-c' }).zone).toBe('zone-c');
  });

  it('keeps allocatable slightly below capacity', () => {
    for (const h of DEMO_HOSTS) {
      const cap = capacityFor(h);
      const alloc = allocatableFor(h);
      for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
        expect(parseQuantity(alloc[r])!).toBeLessThan(parseQuantity(cap[r])!);
        expect(parseQuantity(alloc[r])!).toBeGreaterThan(parseQuantity(cap[r])! * 0.85);
      }
      expect(alloc.pods).toBe(cap.pods);
    }
  });
});

describe('kubelet status', () => {
  it('posts the four kubelet conditions with kubelet reasons, keeping transition times while unchanged', () => {
    const first = kubeletConditions([], 'T1');
    expect(first.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'False', 'KubeletHasSufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ]);
    const later = kubeletConditions(first, 'T2');
    expect(later.every((c) => c.lastHeartbeatTime === 'T2' && c.lastTransitionTime === 'T1')).toBe(true);
    const unknown = unknownConditions(later, 'T3', 'T0')!;
    const back = kubeletConditions(unknown, 'T4');
    expect(back.find((c) => c.type === 'Ready')).toMatchObject({ status: 'True', lastTransitionTime: 'T4', message: 'kubelet is posting ready status' });
  });

  it('fills machine facts from the profile but keeps what the Node already reports', () => {
    const host = DEMO_HOSTS[0]!;
    const status = kubeletStatus(host, {}, 'T1', true);
    expect(status.capacity).toEqual(capacityFor(host));
    expect(status.addresses).toEqual([{ type: 'InternalIP', address: '10.10.10.11' }, { type: 'Hostname', address: 'esxi-01.vsphere.local' }]);
    expect(status.daemonEndpoints).toEqual({ kubeletEndpoint: { Port: 10250 } });
    expect(status.nodeInfo).toMatchObject({ kubeletVersion: expect.stringMatching(/^v1\.32\.\d+-sph-[0-9a-f]+$/), osImage: 'VMware ESXi 8.0.3', operatingSystem: 'linux', architecture: 'amd64' });
    const custom = kubeletStatus(host, { capacity: { cpu: '8', memory: '32Gi', pods: '20' }, allocatable: { cpu: '8', memory: '32Gi', pods: '20' } }, 'T2', false);
    expect(custom.capacity).toEqual({ cpu: '8', memory: '32Gi', pods: '20' });
    const bootID = (status.nodeInfo as { bootID: string }).bootID;
    expect((kubeletStatus(host, status, 'T3', false).nodeInfo as { bootID: string }).bootID).toBe(bootID);
    expect((kubeletStatus(host, status, 'T3', true).nodeInfo as { bootID: string }).bootID).not.toBe(bootID);
  });

  it('reports unchanged status only every 5 minutes, but at once when not Ready or incomplete', () => {
    const node = nodeObject('esxi-01', {});
    (node.status as Record<string, unknown>).nodeInfo = { kubeletVersion: 'v1.32.4-sph-7c1e6f2' };
    (node.status as Record<string, unknown>).addresses = [];
    expect(statusReportDue(node, 10_000)).toBe(false);
    expect(statusReportDue(node, 300_000)).toBe(true);
    expect(statusReportDue(nodeObject('esxi-01', { ready: 'Unknown' }), 0)).toBe(true);
    expect(statusReportDue(nodeObject('esxi-01'), 0)).toBe(true);
  });
});

describe('node lifecycle rewrite', () => {
  it('turns kubelet conditions Unknown with NodeStatusUnknown, keeping the last heartbeat', () => {
    const conds = readyConditions('2026-01-01T00:00:00Z') as unknown as NodeCondition[];
    const out = unknownConditions(conds, '2026-01-01T00:01:00Z', '2025-12-31T00:00:00Z')!;
    for (const c of out) {
      expect(c).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastHeartbeatTime: '2026-01-01T00:00:00Z', lastTransitionTime: '2026-01-01T00:01:00Z' });
    }
    expect(unknownConditions(out, 'later', undefined)).toBeUndefined();
  });

  it('adds NodeStatusNeverUpdated for conditions a kubelet never posted', () => {
    const out = unknownConditions([], 'T1', 'T0')!;
    expect(out.find((c) => c.type === 'Ready')).toEqual({ type: 'Ready', status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: 'T0', lastTransitionTime: 'T1' });
    expect(readyStatus(nodeObject('x', { ready: 'Missing' }))).toBe('Missing');
  });
});

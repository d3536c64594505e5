import { describe, expect, it } from 'vitest';
import { PodIpAllocator, namespaceSegment } from './pod-ip';
import { missingAnnotations, vspherePodAnnotations } from './annotations';
import { hostIP, hostUp } from './host-view';
import { boundPod, container } from './test-fixtures';
import type { KubeObject } from '../../api/types';

describe('PodIpAllocator', () => {
  it('gives the same pod the same address, from its namespace segment', () => {
    const a = new PodIpAllocator();
    const b = new PodIpAllocator();
    const ip = a.allocate('team-a', 'uid-1');
    expect(b.allocate('team-a', 'uid-1')).toBe(ip);
    expect(a.allocate('team-a', 'uid-1')).toBe(ip);
    const segment = namespaceSegment('team-a');
    const [s0, s1, s2] = segment.split('.').map(Number);
    const [i0, i1, i2] = ip.split('.').map(Number);
    expect([i0, i1]).toEqual([s0, s1]);
    expect(i2! - s2!).toBeGreaterThanOrEqual(0);
    expect(i2! - s2!).toBeLessThanOrEqual(1);
    expect(ip).toMatch(/^10\.24[4-7]\./);
  });

  it('never hands out an address twice, even when uids collide in the hash', () => {
    const a = new PodIpAllocator();
    const ips = new Set<string>();
    for (let i = 0; i < 2000; i++) ips.add(a.allocate('team-a', `uid-${i}`));
    expect(ips.size).toBe(2000);
  });

  it('learns addresses already in use and frees them when pods go', () => {
    const taken = new PodIpAllocator().allocate('team-b', 'uid-x');
    const a = new PodIpAllocator();
    a.observe({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'old', namespace: 'team-b', uid: 'uid-old' }, status: { podIP: taken } });
    const other = a.allocate('team-b', 'uid-x');
    expect(other).not.toBe(taken);
    a.forget('uid-old');
    a.forget('uid-x');
    expect(a.allocate('team-b', 'uid-x')).toBe(taken);
  });
});

describe('vSphere Pod annotations', () => {
  const pod = boundPod({ initContainers: [container('setup', 'busybox:1.36')] });

  it('derive from the pod uid, in the shapes vSphere uses', () => {
    const a = vspherePodAnnotations(pod);
    expect(a['vmware-system-vm-uuid']).toMatch(/^50[0-9a-f]{6}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(a['vmware-system-vm-moid']).toMatch(/^vm-\d+:[0-9a-f-]{36}$/);
    expect(a['vmware-system-ephemeral-disk-uuid']).toMatch(/^6000c29[0-9a-f]-/);
    expect(JSON.parse(a['vmware-system-image-references']!)).toEqual({ setup: expect.stringMatching(/^busybox-[0-9a-f]{40}$/), nginx: expect.stringMatching(/^nginx-[0-9a-f]{40}$/) });
    expect(a.mac).toMatch(/^04:50:56:00:[0-9a-f]{2}:[0-9a-f]{2}$/);
    expect(a.vlan).toBe('None');
    expect(a.attachment_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(vspherePodAnnotations(pod)).toEqual(a);
    expect(vspherePodAnnotations(boundPod({ uid: 'another-uid' }))['vmware-system-vm-uuid']).not.toBe(a['vmware-system-vm-uuid']);
  });

  it('are added once, never overwriting what is there', () => {
    const annotated: KubeObject = { ...pod, metadata: { ...pod.metadata, annotations: { ...vspherePodAnnotations(pod), mac: 'kept' } } };
    expect(missingAnnotations(annotated)).toBeUndefined();
    const partial: KubeObject = { ...pod, metadata: { ...pod.metadata, annotations: { mac: 'kept' } } };
    expect(Object.keys(missingAnnotations(partial)!)).not.toContain('mac');
  });
});

describe('host view', () => {
  const node = (annotations: Record<string, string> = {}, status: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'esxi-01.vsphere.local', annotations }, status });

  it('is down while failed on demand or unreachable, up otherwise', () => {
    expect(hostUp(undefined)).toBe(false);
    expect(hostUp(node())).toBe(true);
    expect(hostUp(node({ 'supervisor.glasspane.io/simulate': 'fail' }))).toBe(false);
    expect(hostUp(node({ 'supervisor.glasspane.io/simulate': 'recover' }))).toBe(true);
    expect(hostUp(node({}, { conditions: [{ type: 'Ready', status: 'Unknown' }] }))).toBe(false);
    expect(hostUp(node({}, { conditions: [{ type: 'Ready', status: 'True' }] }))).toBe(true);
    expect(hostUp(node(), { isDown: () => true })).toBe(false);
  });

  it('uses the InternalIP, or a stable management address', () => {
    expect(hostIP(node({}, { addresses: [{ type: 'Hostname', address: 'esxi-01' }, { type: 'InternalIP', address: '10.10.10.11' }] }))).toBe('10.10.10.11');
    expect(hostIP(node())).toMatch(/^10\.10\.10\.\d+$/);
    expect(hostIP(node())).toBe(hostIP(node()));
  });
});

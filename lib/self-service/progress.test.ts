import { describe, expect, it } from 'vitest';
import { genericStatus } from '../health/conditions';
import type { KubeObject } from '../k8s/types';
import { progressOf, type ProgressContext } from './progress';
import { CRASHING, CRASHING_EVENTS, event, PG_STEPS, pod, POD_EVENTS, POD_STEPS, VM_MISSING_SECRET, VM_OVER_QUOTA, VM_QUOTA_EVENTS, VM_STEPS } from './test-support/fixtures';

const ctx = (events: KubeObject[] = [], pods: KubeObject[] = []): ProgressContext => ({ events, pods, status: genericStatus });

describe('a VM’s progress line', () => {
  it('follows vm-operator from placement to ready with its IP', () => {
    const steps = Object.values(VM_STEPS).map((vm) => progressOf(vm, ctx()));
    expect(steps.map((p) => p.step)).toEqual([
      'Placing on a host',
      'Deploying from image ubuntu-22.04-server-cloudimg-amd64',
      'Powering on',
      'Booting the guest (no IP yet)',
      'Running cloud-init — 10.246.73.238',
      'Ready — 10.246.73.238',
    ]);
    expect(steps.map((p) => p.stage?.index)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(steps.map((p) => p.health)).toEqual(['progressing', 'progressing', 'progressing', 'progressing', 'progressing', 'healthy']);
  });

  it('names the quota limit when vm-operator refused the power-on', () => {
    const p = progressOf(VM_OVER_QUOTA, ctx(VM_QUOTA_EVENTS));
    expect(p.health).toBe('error');
    expect(p.step).toBe('Power-on refused by the namespace quota');
    expect(p.warning).toBe('The quota team-a-quota does not allow it: requests.cpu would be 18.75, 2.75 over the quota of 16; requests.memory would be 88.3Gi, 24.3Gi over the quota of 64Gi.');
  });

  it('stops at a setup condition that failed, with its message', () => {
    const p = progressOf(VM_MISSING_SECRET, ctx());
    expect(p).toMatchObject({ health: 'error', step: 'Cannot be created: a problem with its cloud-init data', warning: 'the bootstrap data Secret was not found' });
  });

  it('shows a VM powered off on purpose as settled', () => {
    const off = { ...VM_STEPS.ready, spec: { ...VM_STEPS.ready.spec, powerState: 'PoweredOff' }, status: { ...VM_STEPS.ready.status, powerState: 'PoweredOff', network: {} } };
    expect(progressOf(off, ctx())).toMatchObject({ health: 'healthy', step: 'Powered off' });
  });

  it('adds the newest warning while stuck, but not once ready', () => {
    const warning = event({ kind: 'VirtualMachine', name: 'probe-vm', uid: VM_STEPS.booting.metadata.uid }, 'Warning', 'UpdateFailure', 'failed to place VirtualMachine: no host has room', '49:40');
    expect(progressOf(VM_STEPS.booting, ctx([warning])).warning).toBe('failed to place VirtualMachine: no host has room');
    expect(progressOf(VM_STEPS.ready, ctx([warning])).warning).toBeUndefined();
    // A warning about another object of the same name (older uid) does not count.
    const other = event({ kind: 'VirtualMachine', name: 'probe-vm', uid: 'old' }, 'Warning', 'UpdateFailure', 'old trouble', '49:40');
    expect(progressOf(VM_STEPS.booting, ctx([other])).warning).toBeUndefined();
  });
});

describe('a CloudNativePG cluster’s progress line', () => {
  it('uses the operator’s phase, counting instances', () => {
    expect(Object.values(PG_STEPS).map((c) => progressOf(c, ctx()).step)).toEqual([
      'Setting up primary (1/3)',
      'Waiting for the instances to become active (0/3 ready)',
      'Creating a new replica (2/3)',
      'Cluster in healthy state (3/3)',
    ]);
    expect(progressOf(PG_STEPS.replica, ctx()).detail).toBe('Creating replica probe-pg-2-join');
    expect(progressOf(PG_STEPS.healthy, ctx()).health).toBe('healthy');
  });
});

describe('a pod’s progress line', () => {
  it('goes from scheduling through the image pull to running', () => {
    expect(progressOf(POD_STEPS.scheduled, ctx([POD_EVENTS.scheduled])).step).toBe('Creating the containers');
    expect(progressOf(POD_STEPS.creating, ctx([POD_EVENTS.scheduled, POD_EVENTS.pulling])).step).toBe('Pulling image "nginx:1.27"');
    expect(progressOf(POD_STEPS.creating, ctx([POD_EVENTS.scheduled, POD_EVENTS.pulling, POD_EVENTS.pulled])).step).toBe('Starting the containers');
    expect(progressOf(POD_STEPS.running, ctx())).toMatchObject({ health: 'healthy', step: 'Running — 10.247.99.2' });
  });

  it('explains a crash loop, with the back-off warning', () => {
    const p = progressOf(CRASHING, ctx(CRASHING_EVENTS));
    expect(p.health).toBe('error');
    expect(p.step).toBe('Crashing: container worker restarted 5 times — exited with 1 (Error)');
    expect(p.warning).toMatch(/^Back-off restarting failed container worker/);
  });

  it('names an image that cannot be pulled', () => {
    const bad = pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }], containerStatuses: [{ name: 'app', ready: false, state: { waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:nope"' } } }] });
    expect(progressOf(bad, ctx())).toMatchObject({ health: 'error', step: 'Cannot pull the image (ImagePullBackOff)', warning: 'Back-off pulling image "nginx:nope"' });
  });
});

describe('a Deployment’s progress line', () => {
  const dep = (ready: number): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'shop', namespace: 'team-a', uid: 'dep-1', creationTimestamp: '2026-11-26T03:52:00Z' },
    spec: { replicas: 2, selector: { matchLabels: { run: 'probe-pod' } } },
    status: { replicas: 2, updatedReplicas: 2, readyReplicas: ready, conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }] },
  });

  it('shows its least advanced pod while starting, then the ready count', () => {
    expect(progressOf(dep(1), ctx([POD_EVENTS.pulling], [POD_STEPS.creating])).step).toBe('Pulling image "nginx:1.27" — 1/2 ready');
    expect(progressOf(dep(2), ctx([], [POD_STEPS.running]))).toMatchObject({ health: 'healthy', step: 'Running — 2/2 ready' });
  });
});

describe('services', () => {
  const svc = (status: Record<string, unknown>): KubeObject => ({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachineService', metadata: { name: 'web-lb', namespace: 'team-a' }, spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80 }] }, status });
  it('waits for a load-balancer address', () => {
    expect(progressOf(svc({}), ctx()).step).toBe('Waiting for a load-balancer address');
    expect(progressOf(svc({ loadBalancer: { ingress: [{ ip: '192.168.100.106' }] } }), ctx())).toMatchObject({ health: 'healthy', step: 'Ready — 192.168.100.106' });
  });
});

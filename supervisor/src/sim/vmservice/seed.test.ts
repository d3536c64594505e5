import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually } from '../../testing/eventually';
import { conditionsOf, isTrue } from './conditions';
import { API_VERSION, CLASSES, CLUSTER_IMAGES, IMAGES, SNAPSHOTS, VM_SERVICES, VMS } from './constants';
import { installCrds } from './crds';
import { seedVmCatalog } from './seed-catalog';
import { seedVms } from './seed-vms';
import { createVmTestCore, standardObjects, type VmTestCore } from './testing/vm-test-core';

describe('VM Service seed', () => {
  let t: VmTestCore;
  const NAMESPACES = ['team-a', 'team-b', 'platform'];

  beforeEach(async () => {
    t = await createVmTestCore(200);
    for (const ns of NAMESPACES) standardObjects(t.client, ns);
    t.client.create('v1', 'resourcequotas', { metadata: { name: 'team-a-quota', namespace: 'team-a' }, spec: { hard: { 'requests.cpu': '16', 'requests.memory': '64Gi' } } });
  });
  afterEach(() => t.dispose());

  it('leaves the CRDs alone when they are already current', () => {
    expect(installCrds(t.client)).toBe(0);
  });

  it('creates the catalog: classes per namespace, cluster images, namespace images', () => {
    seedVmCatalog(t.ctx, NAMESPACES);
    seedVmCatalog(t.ctx, NAMESPACES);
    expect(t.client.list(API_VERSION, CLASSES, 'team-a').map((c) => c.metadata.name).sort()).toEqual(
      ['xsmall', 'small', 'medium', 'large', 'xlarge', '2xlarge'].flatMap((s) => [`best-effort-${s}`, `guaranteed-${s}`]).sort(),
    );
    const images = t.client.list(API_VERSION, CLUSTER_IMAGES);
    expect(images.map((i) => (i.status as { name: string }).name).sort()).toEqual(['noble-server-cloudimg-amd64', 'photon-ova_uefi-5.0-dde71ec57', 'ubuntu-22.04-server-cloudimg-amd64', 'windows-server-2022-datacenter-x64']);
    for (const i of images) expect(i.metadata.name).toMatch(/^vmi-[0-9a-f]{17}$/);
    expect(t.client.list(API_VERSION, IMAGES, 'team-a')).toHaveLength(1);
    expect(t.client.list('imageregistry.vmware.com/v1alpha1', 'contentlibraries', 'platform')).toHaveLength(1);
  });

  it('creates a dozen VMs in mixed power states that fit the quota, two services and a snapshot', async () => {
    seedVmCatalog(t.ctx, NAMESPACES);
    seedVms(t.ctx);
    seedVms(t.ctx);
    const all = () => NAMESPACES.flatMap((ns) => t.client.list(API_VERSION, VMS, ns));
    expect(all()).toHaveLength(12);
    const state = (ns: string, name: string) => (t.client.get(API_VERSION, VMS, ns, name)?.status as { powerState?: string } | undefined)?.powerState;
    await eventually(() => state('team-a', 'jumpbox') === 'Suspended', 'the jumpbox to be suspended', 20_000);
    await eventually(() => all().filter((v) => (v.status as { powerState?: string }).powerState === 'PoweredOn').length === 8, 'eight VMs on', 20_000);
    expect(all().filter((v) => (v.status as { powerState?: string }).powerState === 'PoweredOff').map((v) => v.metadata.name).sort()).toEqual(['build-agent-01', 'ci-runner-01', 'win-jump-01']);
    expect(t.client.list(API_VERSION, VM_SERVICES, 'team-a').map((s) => s.metadata.name)).toEqual(['web-lb']);
    await eventually(() => isTrue(conditionsOf(t.client.get(API_VERSION, SNAPSHOTS, 'team-a', 'db-01-before-upgrade')?.status), 'VirtualMachineSnapshotReady'), 'the snapshot', 20_000);
  });
});

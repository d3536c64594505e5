import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types';
import { eventually } from '../../testing/eventually';
import { conditionsOf, getCondition } from './conditions';
import { API_VERSION, COND, VMS } from './constants';
import { seedVmCatalog } from './seed-catalog';
import { createVmTestCore, standardObjects, vmManifest, type VmTestCore } from './testing/vm-test-core';

/**
 * The VirtualMachine controller in process (real object API and admission, fake hosts, time
 * 200x): deploy and power on to an IP, power modes, quota refusal, resize, HA failover.
 */
describe('VirtualMachine controller', () => {
  let t: VmTestCore;
  const NS = 'team-a';
  const get = (name: string): KubeObject | undefined => t.client.get(API_VERSION, VMS, NS, name);
  const status = (name: string): Record<string, unknown> => (get(name)?.status ?? {}) as Record<string, unknown>;
  const cond = (name: string, type: string) => getCondition(conditionsOf(get(name)?.status), type);
  const ip = (name: string): string | undefined => ((status(name).network ?? {}) as { primaryIP4?: string }).primaryIP4;
  const events = (name: string) => t.client.list('v1', 'events', NS).filter((e) => (e.involvedObject as { name: string }).name === name);

  beforeEach(async () => {
    t = await createVmTestCore(200);
    standardObjects(t.client, NS);
    seedVmCatalog(t.ctx, [NS]);
  });
  afterEach(() => t.dispose());

  it('deploys from the image, powers on, boots and reports an IP, tools and guest info', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'web-01'));
    await eventually(() => ip('web-01'), 'an IP');
    const s = status('web-01');
    expect(s.powerState).toBe('PoweredOn');
    expect(s.uniqueID).toMatch(/^vm-\d+$/);
    expect(s.nodeName).toMatch(/^esxi-0\d\.vsphere\.local$/);
    expect(s.zone).toMatch(/^zone-/);
    expect(get('web-01')?.metadata.labels?.['topology.kubernetes.io/zone']).toBe(s.zone);
    expect(s.guest).toEqual({ guestID: 'ubuntu64Guest', guestFullName: 'Ubuntu Linux (64-bit)' });
    expect(s.hardware).toMatchObject({ cpu: { total: 2 }, memory: { total: '4Gi' } });
    expect(s.biosUUID).toBe((get('web-01')?.spec as { biosUUID: string }).biosUUID);
    expect(cond('web-01', COND.tools)).toMatchObject({ status: 'True', reason: 'VirtualMachineToolsRunning' });
    expect(cond('web-01', COND.created)).toMatchObject({ status: 'True' });
    expect(ip('web-01')).toMatch(/^10\.24[4-7]\.\d+\.\d+$/);
    await eventually(() => cond('web-01', COND.guestBootstrap)?.status === 'True', 'cloud-init to finish');
    expect(events('web-01').map((e) => e.reason)).toEqual(expect.arrayContaining(['CreateSuccess', 'UpdateSuccess']));
    expect(t.hosts.consumers()).toEqual([{ key: `${NS}/web-01`, node: s.nodeName, requests: { cpu: 2, memory: 4 * 2 ** 30 } }]);
  });

  it('powers off softly slower than hard, and frees host capacity', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'soft'));
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'hard'));
    await eventually(() => ip('soft') && ip('hard'), 'both VMs booted');
    const timeOff = async (name: string, mode: string): Promise<number> => {
      const start = Date.now();
      t.client.patch(API_VERSION, VMS, NS, name, { spec: { powerState: 'PoweredOff', powerOffMode: mode } });
      await eventually(() => status(name).powerState === 'PoweredOff', `${name} off`);
      return Date.now() - start;
    };
    const soft = await timeOff('soft', 'Soft');
    const hard = await timeOff('hard', 'Hard');
    expect(soft).toBeGreaterThan(hard);
    expect(ip('soft')).toBeUndefined();
    expect(cond('soft', COND.tools)?.status).toBe('False');
    expect(t.hosts.consumers()).toEqual([]);
  });

  it('refuses a power-on that would exceed the namespace quota, naming the limit, and retries when room frees up', async () => {
    t.client.create('v1', 'resourcequotas', { metadata: { name: 'team-a-quota', namespace: NS }, spec: { hard: { 'requests.cpu': '4', 'requests.memory': '64Gi' } } });
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'a'));
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'b'));
    await eventually(() => status('a').powerState === 'PoweredOn' && status('b').powerState === 'PoweredOn', 'a and b on');
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'c'));
    const refused = await eventually(() => cond('c', COND.powerStateSynced)?.reason === 'ExceededQuota' && cond('c', COND.powerStateSynced), 'c refused');
    expect(refused.message).toBe('exceeded quota: team-a-quota, requested: requests.cpu=2, used: requests.cpu=4, limited: requests.cpu=4');
    expect(status('c').powerState).toBe('PoweredOff');
    const warning = await eventually(() => events('c').find((e) => e.reason === 'UpdateFailure'), 'the warning event');
    expect(warning).toMatchObject({ type: 'Warning', message: `failed to power on VirtualMachine: ${refused.message}` });
    t.client.patch(API_VERSION, VMS, NS, 'a', { spec: { powerState: 'PoweredOff', powerOffMode: 'Hard' } });
    await eventually(() => status('c').powerState === 'PoweredOn', 'c on after a powers off');
  });

  it('resizes on a class change at the next power cycle', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'grow'));
    await eventually(() => status('grow').powerState === 'PoweredOn', 'on');
    t.client.patch(API_VERSION, VMS, NS, 'grow', { spec: { className: 'best-effort-large' } });
    await eventually(() => cond('grow', COND.classConfigSynced)?.reason === 'ClassNameChanged', 'resize pending');
    expect((status('grow').hardware as { cpu: { total: number } }).cpu.total).toBe(2);
    t.client.patch(API_VERSION, VMS, NS, 'grow', { spec: { powerState: 'PoweredOff', powerOffMode: 'Hard' } });
    await eventually(() => (status('grow').hardware as { cpu: { total: number } }).cpu.total === 4, 'resized while off');
    expect(status('grow').class).toMatchObject({ name: 'best-effort-large' });
    expect(cond('grow', COND.classConfigSynced)?.status).toBe('True');
  });

  it('restarts on nextRestartTime: now and records lastRestartTime', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'rb'));
    await eventually(() => ip('rb'), 'booted');
    t.client.patch(API_VERSION, VMS, NS, 'rb', { spec: { nextRestartTime: 'now', restartMode: 'Hard' } });
    const next = String((get('rb')?.spec as { nextRestartTime: string }).nextRestartTime);
    expect(next).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    await eventually(() => status('rb').lastRestartTime, 'the restart');
    await eventually(() => ip('rb'), 'booted again');
  });

  it('restarts a VM on another host in its zone when its host fails (vSphere HA)', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'ha'));
    await eventually(() => ip('ha'), 'booted');
    const node = String(status('ha').nodeName);
    const zone = String(status('ha').zone);
    t.hosts.setReady(node, false);
    const moved = await eventually(() => status('ha').nodeName !== node && status('ha').nodeName, 'the failover', 15_000);
    expect(t.hosts.hosts.find((h) => h.name === moved)?.zone).toBe(zone);
    const e = events('ha').find((x) => x.reason === 'RestartedByHA');
    expect(e).toMatchObject({ type: 'Warning', message: `vSphere HA restarted virtual machine ha on host ${moved} in cluster domain-c8` });
    await eventually(() => ip('ha'), 'booted on the new host');
  });

  it('suspends and resumes without rebooting the guest', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'nap'));
    await eventually(() => ip('nap'), 'booted');
    t.client.patch(API_VERSION, VMS, NS, 'nap', { spec: { powerState: 'Suspended', suspendMode: 'Hard' } });
    await eventually(() => status('nap').powerState === 'Suspended', 'suspended');
    expect(t.hosts.consumers()).toEqual([]);
    t.client.patch(API_VERSION, VMS, NS, 'nap', { spec: { powerState: 'PoweredOn' } });
    await eventually(() => status('nap').powerState === 'PoweredOn' && ip('nap'), 'resumed with its IP');
  });

  it('resumes from stored state after a restart: a VM being deployed finishes, a running one keeps running', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'steady'));
    await eventually(() => ip('steady'), 'booted');
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'midway'));
    await eventually(() => cond('midway', COND.created)?.reason === 'Creating', 'deploying');
    t = await t.reopen();
    await eventually(() => ip('midway'), 'midway booted after the restart', 15_000);
    expect(status('steady')).toMatchObject({ powerState: 'PoweredOn', network: { primaryIP4: expect.any(String) } });
  });

  it('deletes through its finalizer', async () => {
    t.client.create(API_VERSION, VMS, vmManifest(NS, 'gone'));
    await eventually(() => status('gone').powerState === 'PoweredOn', 'on');
    t.client.delete(API_VERSION, VMS, NS, 'gone');
    await eventually(() => !get('gone'), 'deleted');
    expect(events('gone').map((e) => e.reason)).toContain('DeleteSuccess');
  });
});

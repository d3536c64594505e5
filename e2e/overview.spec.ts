import type { Page } from '@playwright/test';
import { expect, test, type Kubectl } from './fixtures';
import { panel, propertyValue } from './locators';
import { signInAs } from './sign-in';

/**
 * The Overview against the seeded supervisor: every host with CPU and memory bars (read through
 * their text equivalents), VM counts that agree with kubectl, the seeded crash-looping pod's
 * BackOff warnings; a VM powered off with kubectl changes the counts live, without a reload;
 * and a user without cluster-wide rights is taken to their namespace, meeting no 403.
 */
const NS = `e2e-overview-${Date.now().toString(36)}`;
const VM = 'count-me';
const GROUP = 'vmoperator.vmware.com';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface VmList {
  items: { metadata: { name: string }; status?: { powerState?: string } }[];
}

async function vmCounts(kubectl: Kubectl): Promise<Record<string, number>> {
  const { items } = await kubectl.json<VmList>(['get', 'vm', '-A']);
  const out: Record<string, number> = { Total: items.length, 'Powered on': 0, 'Powered off': 0, Suspended: 0 };
  const label: Record<string, string> = { PoweredOn: 'Powered on', PoweredOff: 'Powered off', Suspended: 'Suspended' };
  for (const vm of items) {
    const l = label[vm.status?.powerState ?? ''];
    if (l) out[l]!++;
  }
  return out;
}

/** The VM tile shows what kubectl shows, read at the same moment (the simulation keeps moving). */
async function expectVmCountsLikeKubectl(page: Page, kubectl: Kubectl): Promise<Record<string, number>> {
  const tile = panel(page, 'Virtual machines');
  let last: Record<string, number> = {};
  await expect(async () => {
    last = await vmCounts(kubectl);
    for (const [row, n] of Object.entries(last)) await expect(propertyValue(tile, row)).toHaveText(String(n), { timeout: 1500 });
  }).toPass({ timeout: 30_000 });
  return last;
}

async function powerState(kubectl: Kubectl): Promise<string> {
  return (await kubectl.run(['get', 'vm', VM, '-n', NS, '-o', 'jsonpath={.status.powerState}'])).stdout;
}

test.beforeAll(async ({ kubectl }) => {
  test.setTimeout(120_000);
  await kubectl.ok(['create', 'namespace', NS]);
  const version = (await kubectl.ok(['get', 'crd', `virtualmachines.${GROUP}`, '-o', 'jsonpath={.spec.versions[?(@.storage==true)].name}'])).trim();
  const apiVersion = `${GROUP}/${version}`;
  const cls = { apiVersion, kind: 'VirtualMachineClass', metadata: { name: 'e2e-small', namespace: NS }, spec: { controllerName: 'vmoperator.vmware.com/vsphere', hardware: { cpus: 2, memory: '2Gi' } } };
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(cls) });
  const images = await kubectl.json<{ items: { metadata: { name: string }; status?: { name?: string } }[] }>(['get', 'clustervirtualmachineimages']);
  const image = images.items.find((i) => !/windows/i.test(i.status?.name ?? ''));
  if (!image) throw new Error('the seeded supervisor has no ClusterVirtualMachineImage to deploy from');
  const vm = { apiVersion, kind: 'VirtualMachine', metadata: { name: VM, namespace: NS }, spec: { className: 'e2e-small', image: { kind: 'ClusterVirtualMachineImage', name: image.metadata.name }, powerState: 'PoweredOn' } };
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(vm) });
  await expect.poll(() => powerState(kubectl), { timeout: 60_000 }).toBe('PoweredOn');
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

test('as admin: hosts with capacity bars, VM counts as kubectl has them, recent warnings', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  const nodes = await kubectl.json<{ items: { metadata: { name: string } }[] }>(['get', 'nodes']);
  expect(nodes.items).toHaveLength(4);
  await signInAs(page, 'admin');

  const capacity = panel(page, 'Capacity');
  for (const { metadata } of nodes.items) {
    const host = escape(metadata.name);
    await expect(capacity.getByRole('img', { name: new RegExp(`^${host}: CPU [\\d.]+ of [\\d.]+ cores allocated \\(\\d+%\\)$`) })).toBeVisible();
    await expect(capacity.getByRole('img', { name: new RegExp(`^${host}: memory [\\d.]+ [KMGT]?i?B of [\\d.]+ [KMGT]?i?B allocated \\(\\d+%\\)$`) })).toBeVisible();
    await expect(capacity.getByRole('link', { name: metadata.name })).toHaveAttribute('href', `/hosts/${metadata.name}`);
  }
  await expect(capacity.getByRole('img', { name: /^Cluster: CPU [\d.]+ of [\d.]+ cores allocated \(\d+%\)$/ })).toBeVisible();
  await expect(propertyValue(panel(page, 'Health'), 'Hosts')).toHaveText('4 of 4 Ready');

  await expectVmCountsLikeKubectl(page, kubectl);
  // A bucket links to the VM list filtered to it.
  await expect(panel(page, 'Virtual machines').getByRole('link', { name: 'Powered off' })).toHaveAttribute('href', '/r/virtualmachines.vmoperator.vmware.com?filter=PoweredOff');

  // The seeded crash-looping pod keeps producing BackOff warnings; each links to its object.
  const warnings = panel(page, 'Recent warnings');
  const backOff = warnings.getByRole('row').filter({ hasText: 'BackOff' }).filter({ has: page.getByRole('link', { name: 'pod/flaky-worker' }) }).first();
  await expect(backOff).toBeVisible({ timeout: 60_000 });
  await expect(backOff.getByRole('link', { name: 'pod/flaky-worker' })).toHaveAttribute('href', '/namespaces/team-a/r/pods/flaky-worker');
});

test('a VM powered off with kubectl changes the counts live, without a reload', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  await signInAs(page, 'admin');
  const before = await expectVmCountsLikeKubectl(page, kubectl);
  // Anything on window survives only if the page is not reloaded.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

  await kubectl.ok(['patch', 'vm', VM, '-n', NS, '--type', 'merge', '-p', JSON.stringify({ spec: { powerState: 'PoweredOff', powerOffMode: 'Hard' } })]);
  await expect.poll(() => powerState(kubectl), { timeout: 30_000 }).toBe('PoweredOff');

  const after = await expectVmCountsLikeKubectl(page, kubectl);
  // The counts moved (and agree with kubectl, above) while the page stayed as it was.
  expect(after).not.toEqual(before);
  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
});

test('a user without cluster-wide rights is taken to the self-service page, with no 403', async ({ page }) => {
  const forbidden: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 403) forbidden.push(`${r.request().method()} ${r.url()}`);
  });
  await signInAs(page, 'developer');
  await page.goto('/');
  await expect(page).toHaveURL((url) => url.pathname === '/self-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Self-service' })).toBeVisible();
  expect(forbidden).toEqual([]);
});

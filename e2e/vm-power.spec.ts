import type { Page } from '@playwright/test';
import { expect, test, type Kubectl } from './fixtures';
import { signInAs } from './sign-in';

/**
 * Powering a VM off (soft: a guest shutdown) and on again from its page, watching the progress
 * live, and kubectl agreeing at each step; a power-on the namespace quota refuses, explained in
 * the dialog; and no 403 for a user without rights there. The VM is made for the test with
 * kubectl in a namespace of its own, with a VM class of its own and an image from the seeded
 * supervisor's catalog (ClusterVirtualMachineImages).
 */
const NS = `e2e-vm-${Date.now().toString(36)}`;
const VM = 'power-test';
const GROUP = 'vmoperator.vmware.com';

/** The version the cluster serves VM Service kinds at (the CRD's storage version). */
async function vmApiVersion(kubectl: Kubectl): Promise<string> {
  const v = await kubectl.ok(['get', 'crd', `virtualmachines.${GROUP}`, '-o', 'jsonpath={.spec.versions[?(@.storage==true)].name}']);
  return `${GROUP}/${v.trim()}`;
}

async function ensureCatalog(kubectl: Kubectl, apiVersion: string): Promise<string> {
  const cls = {
    apiVersion,
    kind: 'VirtualMachineClass',
    metadata: { name: 'e2e-small', namespace: NS },
    spec: { controllerName: 'vmoperator.vmware.com/vsphere', hardware: { cpus: 2, memory: '2Gi' } },
  };
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(cls) });
  const images = await kubectl.json<{ items: { metadata: { name: string }; status?: { name?: string; osInfo?: { type?: string } } }[] }>(['get', 'clustervirtualmachineimages']);
  // Any image with cloud-init (not Windows) boots quickly and runs VMware Tools, which a soft power-off needs.
  const image = images.items.find((i) => !/windows/i.test(i.status?.name ?? '') && !/windows/i.test(i.status?.osInfo?.type ?? ''));
  if (!image) throw new Error('the seeded supervisor has no ClusterVirtualMachineImage to deploy from');
  return image.metadata.name;
}

async function powerState(kubectl: Kubectl): Promise<string> {
  return (await kubectl.run(['get', 'vm', VM, '-n', NS, '-o', 'jsonpath={.status.powerState}'])).stdout;
}

async function toolsRunning(kubectl: Kubectl): Promise<boolean> {
  const r = await kubectl.run(['get', 'vm', VM, '-n', NS, '-o', 'jsonpath={.status.conditions[?(@.type=="VirtualMachineTools")].status}']);
  return r.stdout === 'True';
}

test.beforeAll(async ({ kubectl }) => {
  test.setTimeout(120_000);
  await kubectl.ok(['create', 'namespace', NS]);
  const apiVersion = await vmApiVersion(kubectl);
  const image = await ensureCatalog(kubectl, apiVersion);
  const vm = {
    apiVersion,
    kind: 'VirtualMachine',
    metadata: { name: VM, namespace: NS, labels: { app: 'power-test' } },
    spec: { className: 'e2e-small', image: { kind: 'ClusterVirtualMachineImage', name: image }, powerState: 'PoweredOn' },
  };
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(vm) });
  await expect.poll(() => powerState(kubectl), { timeout: 60_000 }).toBe('PoweredOn');
  await expect.poll(() => toolsRunning(kubectl), { timeout: 60_000 }).toBe(true);
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

const dialogNamed = (page: Page, name: string) => page.getByRole('dialog', { name });

test('powers a VM off (soft) and on from its page, and kubectl agrees', async ({ page, kubectl }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin', `/namespaces/${NS}/r/virtualmachines.${GROUP}/${VM}`);
  await expect(page.getByRole('heading', { level: 1, name: VM })).toBeVisible();
  const actions = page.getByRole('toolbar', { name: 'Actions' });
  // Already on: Power on is offered but disabled, with the reason as its description.
  await expect(actions.getByRole('button', { name: 'Power on' })).toHaveAttribute('aria-disabled', 'true');
  await expect(actions.getByRole('button', { name: 'Power on' })).toHaveAttribute('title', 'The VM is already powered on.');

  await actions.getByRole('button', { name: 'Power off' }).click();
  const off = dialogNamed(page, `Power off ${VM}?`);
  await off.getByRole('radio', { name: /Soft/ }).check();
  await off.getByRole('button', { name: 'Power off' }).click();
  await expect(off.getByRole('status')).toContainText(/Powering off… \(Soft\)|Done/);
  await expect(off.getByText(`Done: ${VM} is PoweredOff.`)).toBeVisible({ timeout: 45_000 });
  expect(await powerState(kubectl)).toBe('PoweredOff');
  expect((await kubectl.ok(['get', 'vm', VM, '-n', NS, '-o', 'jsonpath={.spec.powerOffMode}'])).trim()).toBe('Soft');
  await off.getByRole('button', { name: 'Close' }).click();
  await expect(off).toBeHidden();
  await expect(page.getByRole('main').getByText('PoweredOff', { exact: true }).first()).toBeVisible();

  await actions.getByRole('button', { name: 'Power on' }).click();
  const on = dialogNamed(page, `Power on ${VM}?`);
  await on.getByRole('button', { name: 'Power on' }).click();
  await expect(on.getByText(`Done: ${VM} is PoweredOn.`)).toBeVisible({ timeout: 45_000 });
  expect(await powerState(kubectl)).toBe('PoweredOn');
  await on.getByRole('button', { name: 'Close' }).click();
  await expect(actions.getByRole('button', { name: 'Power on' })).toHaveAttribute('aria-disabled', 'true');
});

test('a power-on the namespace quota refuses is explained in the dialog', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  await kubectl.ok(['patch', 'vm', VM, '-n', NS, '--type=merge', '-p', JSON.stringify({ spec: { powerState: 'PoweredOff', powerOffMode: 'Hard' } })]);
  await expect.poll(() => powerState(kubectl), { timeout: 30_000 }).toBe('PoweredOff');
  await kubectl.ok(['create', 'quota', 'tight', '-n', NS, '--hard=limits.cpu=1']);

  await signInAs(page, 'admin', `/namespaces/${NS}/r/virtualmachines.${GROUP}/${VM}`);
  await page.getByRole('toolbar', { name: 'Actions' }).getByRole('button', { name: 'Power on' }).click();
  const on = dialogNamed(page, `Power on ${VM}?`);
  await on.getByRole('button', { name: 'Power on' }).click();
  await expect(on.getByText(/exceeded quota: tight/)).toBeVisible({ timeout: 30_000 });
  expect(await powerState(kubectl)).toBe('PoweredOff');
  await on.getByRole('button', { name: /Close/ }).click();
  await kubectl.ok(['delete', 'quota', 'tight', '-n', NS]);
});

test('a user without rights in the namespace meets no 403, only a clear page', async ({ page }) => {
  const refused: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 403) refused.push(r.url());
  });
  await signInAs(page, 'developer', `/namespaces/${NS}/r/virtualmachines.${GROUP}/${VM}`);
  await expect(page.getByRole('heading', { name: 'No access' })).toBeVisible();
  expect(refused).toEqual([]);
});

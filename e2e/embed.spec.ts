import type { BrowserContext, FrameLocator, Page } from '@playwright/test';
import { startDemoHost, startUntrustedHost, type RunningHost } from './embed-hosts';
import { expect, readE2eEnvironment, test, type Kubectl } from './fixtures';

/**
 * Glasspane framed by other origins. The demo host (http://localhost:<port>, a different site
 * from the console's 127.0.0.1, listed in the console's GLASSPANE_FRAME_ANCESTORS) embeds the
 * console's views in a vCenter-like shell (htmlClientSdk emulation) and a portal (generic
 * contract, /glasspane-host.js). Third-party cookies are blocked, so every sign-in here goes
 * through the host's token handover and the frame session header. An untrusted origin can
 * neither frame the console nor talk to its frames, and malformed messages are ignored.
 */
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--test-third-party-cookie-phaseout'],
  },
});

const NS = `e2e-embed-${Date.now().toString(36)}`;
const VM_A = 'embed-a';
const VM_B = 'embed-b';
const GROUP = 'vmoperator.vmware.com';
const env = readE2eEnvironment();
let host: RunningHost;
let untrusted: RunningHost;

async function createVms(kubectl: Kubectl): Promise<void> {
  const version = (await kubectl.ok(['get', 'crd', `virtualmachines.${GROUP}`, '-o', 'jsonpath={.spec.versions[?(@.storage==true)].name}'])).trim();
  const apiVersion = `${GROUP}/${version}`;
  await kubectl.ok(['create', 'namespace', NS]);
  const cls = { apiVersion, kind: 'VirtualMachineClass', metadata: { name: 'e2e-small', namespace: NS }, spec: { controllerName: `${GROUP}/vsphere`, hardware: { cpus: 1, memory: '1Gi' } } };
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(cls) });
  const images = await kubectl.json<{ items: { metadata: { name: string }; status?: { name?: string } }[] }>(['get', 'clustervirtualmachineimages']);
  const image = images.items.find((i) => !/windows/i.test(i.status?.name ?? ''));
  if (!image) throw new Error('the supervisor has no ClusterVirtualMachineImage');
  for (const name of [VM_A, VM_B]) {
    const vm = { apiVersion, kind: 'VirtualMachine', metadata: { name, namespace: NS }, spec: { className: 'e2e-small', image: { kind: 'ClusterVirtualMachineImage', name: image.metadata.name }, powerState: 'PoweredOn' } };
    await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(vm) });
  }
  for (const name of [VM_A, VM_B]) {
    await expect.poll(() => kubectl.run(['get', 'vm', name, '-n', NS, '-o', 'jsonpath={.status.powerState}/{.status.uniqueID}']).then((r) => r.stdout), { timeout: 60_000 }).toMatch(/^PoweredOn\/vm-/);
  }
}

test.beforeAll(async ({ kubectl }) => {
  test.setTimeout(150_000);
  await createVms(kubectl);
  host = await startDemoHost(env);
  untrusted = await startUntrustedHost(env.consoleUrl);
});

test.afterAll(async ({ kubectl }) => {
  await host?.stop();
  await untrusted?.stop();
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

const item = (frame: FrameLocator, name: string) => frame.getByRole('treeitem', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$)`) });
const hostLog = (page: Page) => page.getByRole('log', { name: 'Host log' });
const navigator = (page: Page) => page.getByRole('navigation', { name: 'Navigator' });

async function sessionCookies(context: BrowserContext): Promise<string[]> {
  return (await context.cookies(env.consoleUrl)).map((c) => c.name);
}

test.describe('vCenter-like host (htmlClientSdk)', () => {
  test('the global view signs in with the token the host hands over, third-party cookies blocked', async ({ page, context }) => {
    await page.goto(`${host.url}/vsphere-client/`);
    const global = page.frameLocator('iframe[title="Glasspane global view"]');
    await expect(global.getByRole('tree', { name: 'Inventory' })).toBeVisible();
    await expect(item(global, NS)).toBeVisible();
    const frame = page.frames().find((f) => f.url().startsWith(`${env.consoleUrl}/embed/inventory`));
    expect(await frame!.evaluate(() => document.hasStorageAccess())).toBe(false);
    expect(await sessionCookies(context)).not.toContain('gp_session');
    await expect(hostLog(page)).toContainText('initialize → Glasspane global view');
  });

  test('the summary card follows the selected VM and the theme', async ({ page }) => {
    await page.goto(`${host.url}/vsphere-client/`);
    await navigator(page).getByRole('button', { name: VM_A, exact: true }).click();
    const card = page.frameLocator('iframe[title="Glasspane summary"]');
    await expect(card.getByRole('heading', { name: VM_A })).toBeVisible();
    await expect(card.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(card.locator('html')).toHaveAttribute('data-theme', 'dark');
    await navigator(page).getByRole('button', { name: VM_B, exact: true }).click();
    await expect(card.getByRole('heading', { name: VM_B })).toBeVisible();
    await expect(card.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.screenshot({ path: 'test-results/embed-vsphere-dark.png' });
  });

  test('an object link in the frame is routed by the host', async ({ page }) => {
    await page.goto(`${host.url}/vsphere-client/`);
    const global = page.frameLocator('iframe[title="Glasspane global view"]');
    await item(global, NS).click();
    await expect(page.getByRole('heading', { level: 1, name: NS })).toBeVisible();
    await expect(navigator(page).getByRole('button', { name: NS, exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(hostLog(page)).toContainText(`navigateTo glasspane.global → Namespace ${NS} (shown in the vSphere namespace view)`);
  });

  test('the Actions menu powers a VM off through the manifest’s modal, and kubectl agrees', async ({ page, kubectl }) => {
    test.setTimeout(90_000);
    await page.goto(`${host.url}/vsphere-client/`);
    await navigator(page).getByRole('button', { name: VM_A, exact: true }).click();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Power off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Power off (Glasspane)' });
    const modal = dialog.frameLocator('iframe');
    await expect(modal.getByRole('heading', { name: `Power off ${VM_A}?` })).toBeVisible();
    await modal.getByRole('radio', { name: /Hard/ }).check();
    await modal.getByRole('button', { name: 'Power off' }).click();
    await expect(modal.getByText(`Done: ${VM_A} is PoweredOff.`)).toBeVisible({ timeout: 45_000 });
    expect((await kubectl.ok(['get', 'vm', VM_A, '-n', NS, '-o', 'jsonpath={.status.powerState}/{.spec.powerOffMode}'])).trim()).toBe('PoweredOff/Hard');
    await modal.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(hostLog(page)).toContainText('modal closed: {"done":true,"action":"off"}');
    await expect(page.frameLocator('iframe[title="Glasspane summary"]').getByRole('button', { name: 'Power on' })).not.toHaveAttribute('aria-disabled', 'true');
  });
});

test.describe('modals the views ask the host for', () => {
  test('the summary card’s Power off opens in the host’s modal through htmlClientSdk.modal', async ({ page, kubectl }) => {
    test.setTimeout(90_000);
    await page.goto(`${host.url}/vsphere-client/`);
    await navigator(page).getByRole('button', { name: VM_B, exact: true }).click();
    const card = page.frameLocator('iframe[title="Glasspane summary"]');
    await card.getByRole('button', { name: 'Power off' }).click();
    const dialog = page.getByRole('dialog', { name: `Power off ${VM_B}` });
    const modal = dialog.frameLocator('iframe');
    await modal.getByRole('radio', { name: /Hard/ }).check();
    await modal.getByRole('button', { name: 'Power off' }).click();
    await expect(modal.getByText(`Done: ${VM_B} is PoweredOff.`)).toBeVisible({ timeout: 45_000 });
    expect((await kubectl.ok(['get', 'vm', VM_B, '-n', NS, '-o', 'jsonpath={.status.powerState}'])).trim()).toBe('PoweredOff');
    await modal.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(card.getByRole('button', { name: 'Power on' })).not.toHaveAttribute('aria-disabled', 'true');
  });
});

test.describe('portal (generic contract, /glasspane-host.js)', () => {
  test('a click on a VM in the embedded inventory sends navigate; the portal shows the VM', async ({ page, context }) => {
    await page.goto(`${host.url}/portal/`);
    const inv = inventoryFrame(page);
    await item(inv, NS).focus();
    await page.keyboard.press('ArrowRight');
    await item(inv, 'Virtual Machines').focus();
    await page.keyboard.press('ArrowRight');
    await item(inv, VM_B).click();
    await expect(hostLog(page)).toContainText(`navigate → VirtualMachine ${NS}/${VM_B}`);
    await expect(page.getByRole('status').filter({ hasText: 'Selected:' })).toHaveText(`Selected: VirtualMachine ${NS}/${VM_B} (from a Glasspane link)`);
    await expect(objectFrame(page).getByRole('heading', { level: 1, name: VM_B })).toBeVisible();
    await expect(item(inv, VM_B)).toHaveAttribute('aria-selected', 'true');
    expect(await sessionCookies(context)).not.toContain('gp_session');
  });

  test('the theme and the selected VM follow the portal without a reload', async ({ page }) => {
    await page.goto(`${host.url}/portal/`);
    const obj = objectFrame(page);
    await expect(obj.getByText('Select an object in the host to see it here.')).toBeVisible();
    await page.getByRole('combobox', { name: 'Selected VM' }).selectOption(`${NS}/${VM_A}`);
    await expect(obj.getByRole('heading', { level: 1, name: VM_A })).toBeVisible();
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(obj.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(inventoryFrame(page).locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('combobox', { name: 'Selected VM' }).selectOption(`${NS}/${VM_B}`);
    await expect(obj.getByRole('heading', { level: 1, name: VM_B })).toBeVisible();
    await page.screenshot({ path: 'test-results/embed-portal-dark.png' });
  });

  test('links without a host route open inside the frame (the YAML editor); a new selection brings the view back', async ({ page }) => {
    await page.goto(`${host.url}/portal/`);
    const obj = objectFrame(page);
    await page.getByRole('combobox', { name: 'Selected VM' }).selectOption(`${NS}/${VM_A}`);
    await expect(obj.getByRole('heading', { level: 1, name: VM_A })).toBeVisible();
    await obj.getByRole('link', { name: 'Edit YAML' }).click();
    const editPath = `/namespaces/${NS}/r/virtualmachines.${GROUP}/${VM_A}/edit`;
    await expect(obj.getByRole('link', { name: 'Open in Glasspane ↗' })).toHaveAttribute('href', editPath);
    await expect.poll(() => page.frames().map((f) => new URL(f.url()).pathname)).toContain(`/embed${editPath}`);
    await page.getByRole('combobox', { name: 'Selected VM' }).selectOption(`${NS}/${VM_B}`);
    await expect(obj.getByRole('heading', { level: 1, name: VM_B })).toBeVisible();
  });

  test('messages of the wrong shape are ignored', async ({ page }) => {
    await page.goto(`${host.url}/portal/`);
    const obj = objectFrame(page);
    await expect(obj.getByText('Select an object in the host to see it here.')).toBeVisible();
    await page.evaluate(
      ({ origin, ns, a, b }) => {
        const target = document.querySelector<HTMLIFrameElement>('iframe[title="Glasspane object"]')!.contentWindow!;
        const env = { protocol: 'glasspane.embed', version: 1 };
        const bad: unknown[] = [
          { type: 'theme', theme: 'dark' },
          { ...env, version: 2, type: 'theme', theme: 'dark' },
          { ...env, type: 'theme', theme: 'dark', extra: true },
          JSON.stringify({ ...env, type: 'theme', theme: 'dark' }),
          { ...env, type: 'context', context: { objects: [{ kind: 'VirtualMachine', namespace: ns, name: b }] } },
          { ...env, type: 'context', context: [{ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: ns, name: b }] },
        ];
        for (const m of bad) target.postMessage(m, origin);
        target.postMessage({ ...env, type: 'context', context: { objects: [{ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: ns, name: a }] } }, origin);
      },
      { origin: env.consoleUrl, ns: NS, a: VM_A, b: VM_B },
    );
    await expect(obj.getByRole('heading', { level: 1, name: VM_A })).toBeVisible();
    await expect(obj.locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

test.describe('origins not in GLASSPANE_FRAME_ANCESTORS', () => {
  test('cannot frame Glasspane: the frame stays blank', async ({ page }) => {
    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${untrusted.url}/frame.html`);
    await refused;
    await expect.poll(() => page.frames().map((f) => f.url())).toContain('chrome-error://chromewebdata/');
    await expect(page.frameLocator('iframe[title="Glasspane"]').getByRole('tree')).toHaveCount(0);
    await expect(page.frameLocator('iframe[title="Glasspane"]').locator('body')).not.toContainText('Glasspane');
  });

  test('cannot talk to Glasspane frames that a trusted host shows', async ({ page, context }) => {
    await page.goto(`${untrusted.url}/blank.html`);
    const popupEvent = context.waitForEvent('page');
    await page.evaluate((url) => {
      (window as Window & { portal?: Window | null }).portal = window.open(url, 'portal');
    }, `${host.url}/portal/`);
    const portal = await popupEvent;
    const obj = objectFrame(portal);
    await expect(obj.getByText('Select an object in the host to see it here.')).toBeVisible();
    // The untrusted opener reaches the portal's frames through its window handle and posts valid messages.
    await page.evaluate(
      ({ ns, b }) => {
        const portalWindow = (window as Window & { portal?: Window | null }).portal!;
        const env = { protocol: 'glasspane.embed', version: 1 };
        for (let i = 0; i < portalWindow.frames.length; i++) {
          portalWindow.frames[i]!.postMessage({ ...env, type: 'theme', theme: 'dark' }, '*');
          portalWindow.frames[i]!.postMessage({ ...env, type: 'context', context: { objects: [{ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: ns, name: b }] } }, '*');
        }
      },
      { ns: NS, b: VM_B },
    );
    await portal.getByRole('combobox', { name: 'Selected VM' }).selectOption(`${NS}/${VM_A}`);
    await expect(obj.getByRole('heading', { level: 1, name: VM_A })).toBeVisible();
    await expect(obj.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(inventoryFrame(portal).locator('html')).toHaveAttribute('data-theme', 'light');
  });
});

function objectFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Glasspane object"]');
}

function inventoryFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Glasspane inventory"]');
}

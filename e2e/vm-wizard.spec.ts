import { expect, test, type Kubectl } from './fixtures';
import { signInAs } from './sign-in';
import type { Locator } from '@playwright/test';
import { editorReady, editorText } from './yaml-editor';

/**
 * The VM wizard end to end, as an administrator in team-a: pick an image and a class in the
 * form, switch to the YAML half-way and change `className` there — the form follows — then
 * finish, create, land on the VM's page and watch it power on (kubectl agrees).
 */
const NS = 'team-a';
const VM = `wiz-${Date.now().toString(36)}`;
const YAML = 'YAML of the new virtual machine';

/** Clicks into a line of the editor and retypes its end with the keyboard, as a user would. */
async function retype(box: Locator, line: RegExp, remove: number, insert: string): Promise<void> {
  await box.locator('.cm-line').filter({ hasText: line }).first().click();
  const keyboard = box.page().keyboard;
  await keyboard.press('End');
  for (let i = 0; i < remove; i++) await keyboard.press('Backspace');
  await keyboard.type(insert);
}

async function powerState(kubectl: Kubectl): Promise<string> {
  return (await kubectl.run(['get', 'vm', VM, '-n', NS, '-o', 'jsonpath={.status.powerState}'])).stdout;
}

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'vm', VM, '-n', NS, '--wait=false']);
  await kubectl.run(['delete', 'secret', `${VM}-cloud-init`, '-n', NS, '--ignore-not-found']);
});

test('the list page and the inventory tree lead to the wizard', async ({ page }) => {
  await signInAs(page, 'admin', `/namespaces/${NS}/r/virtualmachines.vmoperator.vmware.com`);
  await page.getByRole('link', { name: 'Create Virtual machine' }).click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${NS}/create/vm$`));
  await expect(page.getByRole('heading', { level: 1, name: 'New virtual machine' })).toBeVisible();
  // In the tree, "+" on a group (here from the keyboard) opens the same wizard.
  await page.goto(`/namespaces/${NS}/r/virtualmachines.vmoperator.vmware.com`);
  const group = page.getByRole('treeitem', { name: /^Virtual Machines, / });
  await expect(group).toHaveAttribute('aria-keyshortcuts', '+');
  await group.focus();
  await page.keyboard.press('+');
  await expect(page).toHaveURL(new RegExp(`/namespaces/${NS}/create/vm$`));
});

test('creates a VM through the wizard, with a class changed in the YAML half-way, and it powers on', async ({ page, kubectl }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin', `/namespaces/${NS}/create/vm`);
  await expect(page.getByRole('heading', { level: 1, name: 'New virtual machine' })).toBeVisible();
  const steps = page.getByRole('navigation', { name: 'Steps' });
  await expect(steps.getByRole('button', { name: /Name/ })).toHaveAttribute('aria-current', 'step');

  // Step 1: the name (the namespace is preselected).
  await expect(page.getByRole('combobox', { name: 'Namespace' })).toHaveValue(NS);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(VM);
  const yaml = await editorReady(page, YAML);
  await expect.poll(() => editorText(yaml)).toContain(`name: ${VM}`);

  // Step 2: an image, listed with its OS.
  await page.getByRole('button', { name: /^Next: Image/ }).click();
  await expect(page.getByRole('heading', { name: /Step 2 of \d+: Image/ })).toBeFocused();
  const image = page.getByRole('radio', { name: /ubuntu-22\.04-server-cloudimg-amd64/ });
  await image.check();
  await expect.poll(() => editorText(yaml)).toMatch(/image:\n\s+kind: ClusterVirtualMachineImage\n\s+name: vmi-/);

  // Step 3: a class, with its CPU and memory.
  await page.getByRole('button', { name: /^Next: Class/ }).click();
  await expect(page.getByRole('radio', { name: /best-effort-xsmall/ })).toBeVisible();
  await expect(page.getByText('2 CPU · 2Gi').first()).toBeVisible();
  await page.getByRole('radio', { name: /best-effort-xsmall/ }).check();
  await expect.poll(() => editorText(yaml)).toContain('className: best-effort-xsmall');

  // Half-way, in the YAML: change the class there; the form follows.
  await retype(yaml, /className: best-effort-xsmall/, 'xsmall'.length, 'small');
  await expect.poll(() => editorText(yaml)).toContain('className: best-effort-small');
  await expect(page.getByRole('radio', { name: /best-effort-small/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: /best-effort-xsmall/ })).not.toBeChecked();
  await expect(steps.getByRole('button', { name: /Class/ })).toContainText('best-effort-small');

  // The rest of the way, from the keyboard (Alt+→ moves on), to the review.
  await page.getByRole('button', { name: /^Next: Storage/ }).focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('heading', { name: /Step \d+ of \d+: Review/ })).toBeFocused();
  await expect(page.getByText('best-effort-small — 2 CPU, 4Gi')).toBeVisible();
  await expect(page.getByTestId('quota-preview')).toContainText(`Fits the quota of ${NS}`);
  await expect(page.getByRole('meter', { name: 'count/virtualmachines.vmoperator.vmware.com' })).toBeVisible();

  // Dry run, then create: the VM's page opens and shows it powering on, live.
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByText(/The server accepts the object \(dry run; nothing was created\)/)).toBeVisible();
  expect((await kubectl.run(['get', 'vm', VM, '-n', NS])).exitCode).not.toBe(0);
  await page.getByRole('button', { name: 'Create virtual machine' }).click();
  await expect(page).toHaveURL(new RegExp(`/namespaces/${NS}/r/virtualmachines\\.vmoperator\\.vmware\\.com/${VM}$`), { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1, name: VM })).toBeVisible();
  await expect(page.getByRole('main').getByText('PoweredOn').first()).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => powerState(kubectl), { timeout: 60_000 }).toBe('PoweredOn');
  expect((await kubectl.ok(['get', 'vm', VM, '-n', NS, '-o', 'jsonpath={.spec.className}'])).trim()).toBe('best-effort-small');
});

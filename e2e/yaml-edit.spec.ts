import type { Page } from '@playwright/test';
import { expect, test, type Kubectl } from './fixtures';
import { signInAs } from './sign-in';
import { editorReady, editorText, problems, retypeLineEnd } from './yaml-editor';

/**
 * Editing YAML against a real supervisor: change a Deployment's replicas with the diff shown
 * and kubectl agreeing; a change made with kubectl meanwhile → the three-way view, rebase, save,
 * both changes kept; dry-run errors shown at their lines; a draft surviving a reload.
 */
const NS = `e2e-yaml-${Date.now().toString(36)}`;
const LABEL = 'YAML of Deployment web';
const EDIT = `/namespaces/${NS}/r/deployments.apps/web/edit`;

test.beforeAll(async ({ kubectl }) => {
  await kubectl.ok(['create', 'namespace', NS]);
  await kubectl.ok(['create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '-n', NS]);
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

async function settled(kubectl: Kubectl, replicas: number): Promise<void> {
  await expect
    .poll(async () => (await kubectl.run(['get', 'deployment', 'web', '-n', NS, '-o', 'jsonpath={.status.readyReplicas}/{.status.observedGeneration}/{.metadata.generation}'])).stdout, { timeout: 60_000 })
    .toMatch(new RegExp(`^${replicas}/(\\d+)/\\1$`));
}

async function replicasOf(kubectl: Kubectl): Promise<string> {
  return (await kubectl.ok(['get', 'deployment', 'web', '-n', NS, '-o', 'jsonpath={.spec.replicas}'])).trim();
}

/**
 * Review; if the controller wrote the Deployment's status meanwhile (a new resourceVersion), the
 * three-way view appears with nothing in conflict — rebase and review again, as a user would.
 */
async function review(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Review changes' }).click();
  const ready = page.getByRole('region', { name: 'Review changes' });
  const conflict = page.getByRole('button', { name: 'Rebase my edit on the server’s version' });
  await expect(ready.or(conflict)).toBeVisible();
  if (await conflict.isVisible()) {
    await conflict.click();
    await page.getByRole('button', { name: 'Review changes' }).click();
  }
  await expect(ready).toBeVisible();
}

test('edit replicas in YAML: the review shows 2 → 3, save, kubectl agrees', async ({ page, kubectl }) => {
  test.setTimeout(120_000);
  await settled(kubectl, 2);
  await signInAs(page, 'admin', `/namespaces/${NS}/r/deployments.apps/web`);
  await page.getByRole('link', { name: 'Edit YAML' }).click();
  await expect(page).toHaveURL(new RegExp(`${EDIT}$`));
  const box = await editorReady(page, LABEL);
  await expect(page.getByText(/checked against the cluster’s Deployment schema/)).toBeVisible();
  await retypeLineEnd(box, /^\s+replicas: 2$/, 1, '3');
  await review(page);
  const panel = page.getByRole('region', { name: 'Review changes' });
  await expect(panel.getByRole('list', { name: 'Field changes' })).toContainText('spec.replicas: 2 → 3');
  const diff = panel.getByRole('table', { name: /Diff of the object/ });
  await expect(diff).toContainText('replicas: 2');
  await expect(diff).toContainText('replicas: 3');
  await expect(diff).not.toContainText('managedFields');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();
  expect(await replicasOf(kubectl)).toBe('3');
});

test('a change made meanwhile with kubectl: three-way view, rebase, both changes kept', async ({ page, kubectl }) => {
  test.setTimeout(120_000);
  await settled(kubectl, 3);
  await signInAs(page, 'admin', EDIT);
  const box = await editorReady(page, LABEL);
  await retypeLineEnd(box, /^\s+replicas: 3$/, 1, '4');
  await kubectl.ok(['label', 'deployment', 'web', '-n', NS, 'team=shop']);
  await page.getByRole('button', { name: 'Review changes' }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'changed on the server while you were editing' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'What you started from' })).not.toContainText('team: shop');
  await expect(page.getByRole('region', { name: 'The server now' })).toContainText('team: shop');
  await expect(page.getByRole('region', { name: 'Your edit' })).toContainText('replicas: 4');
  await expect(page.getByRole('region', { name: 'Changes on the server' })).toContainText('metadata.labels.team: added (shop)');
  await expect(page.getByRole('region', { name: 'Your changes' })).toContainText('spec.replicas: 3 → 4');
  await page.getByRole('button', { name: 'Rebase my edit on the server’s version' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Your edit now sits on the server’s version' })).toBeVisible();
  const text = await editorText(box);
  expect(text).toContain('team: shop');
  expect(text).toMatch(/^\s+replicas: 4$/m);
  await review(page);
  await expect(page.getByRole('list', { name: 'Field changes' })).toContainText('spec.replicas: 3 → 4');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();
  expect(await replicasOf(kubectl)).toBe('4');
  expect((await kubectl.ok(['get', 'deployment', 'web', '-n', NS, '-o', 'jsonpath={.metadata.labels.team}'])).trim()).toBe('shop');
});

test('dry-run errors appear at their lines, and nothing can be saved until they are fixed', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  await settled(kubectl, 4);
  await signInAs(page, 'admin', EDIT);
  const box = await editorReady(page, LABEL);
  // A value only the server's validation knows is wrong.
  await retypeLineEnd(box, /^\s+replicas: 4$/, 1, '-1');
  await page.getByRole('button', { name: 'Review changes' }).click();
  const list = problems(page);
  await expect(list).toContainText('spec.replicas: Invalid value');
  const line = (await editorText(box)).split('\n').findIndex((l) => /^\s+replicas: -1$/.test(l)) + 1;
  await expect(list.getByRole('listitem').filter({ hasText: 'spec.replicas: Invalid value' }).getByRole('button')).toHaveText(`Line ${line}`);
  await expect(page.locator('.cm-lintRange-error').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);

  // An unknown field under Strict field validation: flagged by the schema and refused by the server.
  await retypeLineEnd(box, /^\s+replicas: -1$/, 2, '4\n');
  await page.keyboard.type('bogusField: yes');
  await expect(list).toContainText('Unknown field "bogusField" in spec');
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(list).toContainText('Unknown field "spec.bogusField": the server does not accept it');
  const bogus = (await editorText(box)).split('\n').findIndex((l) => l.includes('bogusField')) + 1;
  await expect(list.getByRole('listitem').filter({ hasText: 'the server does not accept it' }).getByRole('button')).toHaveText(`Line ${bogus}`);
  expect(await replicasOf(kubectl)).toBe('4');
});

test('a draft survives a reload and can be discarded', async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, 'admin', EDIT);
  const box = await editorReady(page, LABEL);
  await retypeLineEnd(box, /^\s+replicas: \d+$/, 1, '7');
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('glasspane.draft:')).length)).toBe(1);
  page.on('dialog', (d) => void d.accept());
  await page.reload();
  const again = await editorReady(page, LABEL);
  await expect(page.getByRole('status').filter({ hasText: /Restored your unsaved edit from \d/ })).toBeVisible();
  expect(await editorText(again)).toMatch(/^\s+replicas: 7$/m);
  await page.getByRole('button', { name: 'Discard', exact: true }).click();
  await expect.poll(async () => /^\s+replicas: 7$/m.test(await editorText(again))).toBe(false);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('glasspane.draft:')).length)).toBe(0);
});

test('leaving a dirty editor asks first', async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, 'admin', EDIT);
  const box = await editorReady(page, LABEL);
  await retypeLineEnd(box, /^\s+replicas: \d+$/, 1, '8');
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'web' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toMatch(/Leave the editor\?/);
  await expect(page).toHaveURL(new RegExp(`${EDIT}$`));
  await page.getByRole('button', { name: 'Discard changes' }).click();
});

test('completion and hover come from the cluster’s schema; Esc then Tab leaves the editor', async ({ page }) => {
  test.setTimeout(60_000);
  await signInAs(page, 'admin', EDIT);
  const box = await editorReady(page, LABEL);
  await expect(page.getByText(/checked against the cluster’s Deployment schema/)).toBeVisible();
  await retypeLineEnd(box, /^\s+replicas: \d+$/, 0, '\n');
  // Fields already present (the server defaulted `strategy`) are not offered again.
  await page.keyboard.type('pau');
  const options = page.getByRole('listbox');
  await options.getByRole('option', { name: /^paused/ }).click();
  await expect.poll(() => editorText(box)).toMatch(/^\s+paused: $/m);
  await page.keyboard.type('t');
  await options.getByRole('option', { name: /^true/ }).click();
  await expect.poll(() => editorText(box)).toMatch(/^\s+paused: true$/m);
  await page.getByRole('button', { name: 'Discard changes' }).click();

  await box.locator('.cm-line').filter({ hasText: /^\s+replicas: \d+$/ }).getByText('replicas').hover();
  const tip = page.locator('.cm-tooltip-hover');
  await expect(tip).toContainText('spec.replicas');
  await expect(tip).toContainText('integer (int32)');
  await expect(tip).toContainText('Number of desired pods');

  await box.click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  await expect(box).not.toBeFocused();
});

/** Screenshots for review (1280x800, light and dark): run with GLASSPANE_E2E_SHOTS=<dir>. */
const SHOTS = process.env.GLASSPANE_E2E_SHOTS;
for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots (${scheme})`, async ({ page, kubectl }) => {
    test.skip(!SHOTS, 'set GLASSPANE_E2E_SHOTS to a directory to take screenshots');
    test.setTimeout(120_000);
    const name = `shots-${scheme}`;
    await kubectl.ok(['create', 'deployment', name, '--image=nginx:1.27', '--replicas=1', '-n', NS]);
    await page.emulateMedia({ colorScheme: scheme });
    const edit = `/namespaces/${NS}/r/deployments.apps/${name}/edit`;
    await signInAs(page, 'admin', edit);
    const box = await editorReady(page, `YAML of Deployment ${name}`);
    await retypeLineEnd(box, /^\s+replicas: 1$/, 1, '3\n');
    await page.keyboard.type('replicaz: 2');
    await expect(problems(page)).toContainText('Unknown field "replicaz"');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${SHOTS}/editor-diagnostic-${scheme}.png` });
    await page.keyboard.press('ControlOrMeta+z');
    await expect(problems(page)).toHaveCount(0);
    await review(page);
    await page.screenshot({ path: `${SHOTS}/review-diff-${scheme}.png` });
    await page.getByRole('button', { name: 'Back to edit' }).click();
    await kubectl.ok(['label', 'deployment', name, '-n', NS, 'team=shop']);
    await kubectl.ok(['scale', 'deployment', name, '-n', NS, '--replicas=5']);
    await page.getByRole('button', { name: 'Review changes' }).click();
    await expect(page.getByRole('region', { name: 'Conflicts' })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/conflict-${scheme}.png` });
  });
}

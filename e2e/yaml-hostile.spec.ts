import { expect, test } from './fixtures';
import { signInAs } from './sign-in';
import { editorReady, editorText, pasteInto, problems } from './yaml-editor';

/**
 * Hostile and wrong input in the editor of a real object: a billion-laughs document, a
 * duplicate key, a 2 MiB paste and two documents where one is expected each get a clear message
 * within moments, and the page keeps answering (typing still works).
 */
const NS = `e2e-hostile-${Date.now().toString(36)}`;
const LABEL = 'YAML of ConfigMap settings';

test.beforeAll(async ({ kubectl }) => {
  await kubectl.ok(['create', 'namespace', NS]);
  await kubectl.ok(['create', 'configmap', 'settings', '--from-literal=mode=fast', '-n', NS]);
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

function billionLaughs(): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'bcdefghi'.split('');
  names.forEach((n, i) => lines.push(`${n}: &${n} [${Array(9).fill(`*${i === 0 ? 'a' : names[i - 1]}`).join(',')}]`));
  return `${lines.join('\n')}\n`;
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, 'admin', `/namespaces/${NS}/r/configmaps/settings/edit`);
});

async function stillResponsive(page: import('@playwright/test').Page): Promise<void> {
  const started = Date.now();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(Date.now() - started).toBeLessThan(1000);
}

test('a billion-laughs document is refused quickly and the page stays responsive', async ({ page }) => {
  const box = await editorReady(page, LABEL);
  const started = Date.now();
  await pasteInto(box, billionLaughs());
  await expect(problems(page)).toContainText('billion laughs', { timeout: 3000 });
  expect(Date.now() - started).toBeLessThan(3000);
  await stillResponsive(page);
  await box.press('ControlOrMeta+End');
  await page.keyboard.type('# still typing');
  await expect.poll(() => editorText(box)).toContain('# still typing');
  await expect(page.getByRole('button', { name: 'Review changes' })).toBeEnabled();
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the YAML first' })).toContainText('billion laughs');
});

test('a duplicate key names the key and its line', async ({ page }) => {
  const box = await editorReady(page, LABEL);
  await pasteInto(box, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n  mode: slow\n');
  await expect(problems(page)).toContainText('Duplicate key "mode" at line 7', { timeout: 3000 });
  await expect(problems(page).getByRole('button', { name: 'Go to line 7' })).toBeVisible();
  await stillResponsive(page);
});

test('a 2 MiB paste is refused with the size message, and the text is kept', async ({ page }) => {
  const box = await editorReady(page, LABEL);
  const before = await editorText(box);
  const big = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  blob: "${'x'.repeat(2 * 1024 * 1024)}"\n`;
  await pasteInto(box, big);
  await expect(page.getByRole('alert').filter({ hasText: 'The YAML would be 2 MiB; the limit is 1.5 MiB' })).toBeVisible({ timeout: 3000 });
  expect(await editorText(box)).toBe(before);
  await stillResponsive(page);
});

test('two documents where one object is expected are refused', async ({ page }) => {
  const box = await editorReady(page, LABEL);
  await pasteInto(box, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: other\n');
  await expect(problems(page)).toContainText('The text holds 2 YAML documents; one object is expected here', { timeout: 3000 });
  await page.getByRole('button', { name: 'Review changes' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Fix the YAML first' })).toBeVisible();
});

test('deep nesting is refused without freezing the page', async ({ page }) => {
  const box = await editorReady(page, LABEL);
  const before = await editorText(box);
  await pasteInto(box, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
  await expect(page.getByRole('alert').filter({ hasText: 'The YAML would be nested more than 100 levels deep (line 5)' })).toBeVisible({ timeout: 3000 });
  expect(await editorText(box)).toBe(before);
  await stillResponsive(page);
  // Typed (not pasted) nesting is still caught, by the parser.
  await box.press('ControlOrMeta+End');
  await page.keyboard.insertText(`x: ${'['.repeat(120)}`);
  await expect(problems(page)).toContainText('nested more than 100 levels deep', { timeout: 3000 });
});

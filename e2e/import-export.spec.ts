import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { signInAs } from './sign-in';
import { editorReady } from './yaml-editor';

/**
 * Import and export against a real supervisor: a two-document file (ConfigMap + Deployment)
 * applied with a result per object (and "unchanged" when applied again), a dry run that saves
 * nothing, and an object downloaded as clean YAML (no managedFields, no status).
 */
const NS = `e2e-import-${Date.now().toString(36)}`;

const FILE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: ${NS}
data:
  mode: fast
---
# no namespace: the one chosen on the page
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
      - name: shop
        image: nginx:1.27
`;

test.beforeAll(async ({ kubectl }) => {
  await kubectl.ok(['create', 'namespace', NS]);
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

test('import a two-document file: per-object results, then unchanged on a second apply', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  // Reached from the header, as a user would.
  await signInAs(page, 'admin', '/');
  await page.getByRole('banner').getByRole('link', { name: 'Import YAML' }).click();
  await expect(page).toHaveURL(/\/import$/);
  await editorReady(page, 'YAML to import');
  await page.getByLabel('Upload a file').setInputFiles({ name: 'shop.yaml', mimeType: 'application/yaml', buffer: Buffer.from(FILE) });
  await expect(page.locator('.cm-content')).toContainText('kind: Deployment');
  await page.getByLabel('Namespace for objects without one').selectOption(NS);

  await page.getByLabel('Dry run (check on the server, save nothing)').check();
  await page.getByRole('button', { name: 'Check (dry run)' }).click();
  const results = page.getByRole('table', { name: 'Results per object' });
  await expect(results.getByRole('row', { name: `ConfigMap ${NS}/settings` })).toContainText('created (dry run)');
  await expect(results.getByRole('row', { name: `Deployment ${NS}/shop` })).toContainText('created (dry run)');
  expect((await kubectl.run(['get', 'configmap', 'settings', '-n', NS])).exitCode).not.toBe(0);

  await page.getByLabel('Dry run (check on the server, save nothing)').uncheck();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 objects applied: 2 created.' })).toBeVisible();
  await expect(results.getByRole('row', { name: `ConfigMap ${NS}/settings` })).toContainText('created');
  await expect(results.getByRole('row', { name: `Deployment ${NS}/shop` })).toContainText('created');
  expect((await kubectl.ok(['get', 'configmap', 'settings', '-n', NS, '-o', 'jsonpath={.data.mode}'])).trim()).toBe('fast');
  expect((await kubectl.ok(['get', 'deployment', 'shop', '-n', NS, '-o', 'jsonpath={.metadata.managedFields[0].manager}'])).trim()).toBe('glasspane');

  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(results.getByRole('row', { name: `ConfigMap ${NS}/settings` })).toContainText('unchanged');
});

test('an import with a broken document applies nothing and says where', async ({ page }) => {
  await signInAs(page, 'admin', '/import');
  const box = await editorReady(page, 'YAML to import');
  await box.click();
  await page.keyboard.insertText(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n`);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was applied' })).toContainText('Duplicate key "name" at line 5');
});

test('Download YAML gives clean YAML; Copy kubectl apply gives a heredoc', async ({ page, kubectl, context }) => {
  test.setTimeout(60_000);
  await kubectl.ok(['create', 'configmap', 'export-me', '--from-literal=k=v', '-n', NS]);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAs(page, 'admin', `/namespaces/${NS}/r/configmaps/export-me`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download YAML' }).click()]);
  expect(download.suggestedFilename()).toBe(`${NS}-configmap-export-me.yaml`);
  const text = await readFile((await download.path())!, 'utf8');
  const obj = parse(text);
  expect(obj).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'export-me', namespace: NS }, data: { k: 'v' } });
  expect(text).not.toMatch(/managedFields|status:|resourceVersion|uid:|creationTimestamp/);

  await page.getByRole('button', { name: 'Copy kubectl apply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the kubectl apply command' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/^kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: ConfigMap\n[\s\S]*\nEOF\n$/);
});

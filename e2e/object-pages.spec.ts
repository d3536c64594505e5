import type { Page } from '@playwright/test';
import { expect, test, type Kubectl } from './fixtures';
import { panel } from './locators';
import { signInAs } from './sign-in';

/**
 * Object pages against a real supervisor: a pod's Summary, YAML, Events and Logs; a
 * Deployment's Related tab; a list's sort, text filter and label selector (with the API's own
 * error for a bad selector); and a bulk delete of two ConfigMaps. Test objects live in a
 * namespace of their own, made with kubectl and removed afterwards.
 */
const NS = `e2e-objects-${Date.now().toString(36)}`;

test.beforeAll(async ({ kubectl }) => {
  await kubectl.ok(['create', 'namespace', NS]);
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });

async function podRunning(kubectl: Kubectl, name: string): Promise<void> {
  await expect.poll(async () => (await kubectl.run(['get', 'pod', name, '-n', NS, '-o', 'jsonpath={.status.phase}'])).stdout, { timeout: 45_000 }).toBe('Running');
}

test('a pod’s page shows its summary, YAML, events and logs', async ({ page, kubectl, baseURL }) => {
  test.setTimeout(90_000);
  await kubectl.ok(['run', 'web', '--image=nginx:1.27', '--port=80', '--labels=app=web', '-n', NS]);
  await podRunning(kubectl, 'web');
  await signInAs(page, 'admin', `/namespaces/${NS}/r/pods/web`);

  await expect(page.getByRole('heading', { level: 1, name: 'web' })).toBeVisible();
  await expect(page.locator('header').getByText('Running', { exact: true })).toBeVisible();
  await expect(tab(page, 'Summary')).toHaveAttribute('aria-selected', 'true');
  const containers = panel(page, 'Containers');
  await expect(containers.getByRole('rowheader', { name: 'web' })).toBeVisible();
  await expect(containers.getByText('nginx:1.27')).toBeVisible();
  await expect(containers.getByText('80/TCP')).toBeVisible();
  await expect(panel(page, 'Conditions').getByRole('rowheader', { name: /^Ready/ })).toBeVisible();
  await expect(panel(page, 'Labels and annotations').getByText('app=web')).toBeVisible();

  await tab(page, 'YAML').click();
  await expect(page).toHaveURL(`${baseURL}/namespaces/${NS}/r/pods/web?tab=yaml`);
  const yaml = page.getByLabel('Object as YAML');
  await expect(yaml).toContainText('kind: Pod');
  await expect(yaml).toContainText('image: nginx:1.27');
  await expect(yaml).not.toContainText('managedFields');
  await page.getByLabel('Show managed fields').check();
  await expect(yaml).toContainText('managedFields');

  await tab(page, 'Events').click();
  const events = page.getByRole('table', { name: 'Events, newest first' });
  await expect(events.getByRole('cell', { name: 'Scheduled', exact: true })).toBeVisible();
  await expect(events.getByRole('cell', { name: 'Started', exact: true })).toBeVisible();

  await tab(page, 'Logs').click();
  await expect(page).toHaveURL(/tab=logs/);
  const log = page.getByRole('log', { name: 'Log of container web' });
  await expect(log).toContainText('start worker process');
  await page.getByRole('searchbox', { name: 'Search the log' }).fill('worker process');
  await expect(log.locator('mark').first()).toHaveText(/worker process/i);
  await expect(page.getByRole('status').filter({ hasText: /\d+ matching/ })).toBeVisible();
  // Keyboard: the tabs move with the arrow keys.
  await tab(page, 'Logs').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(tab(page, 'Related')).toHaveAttribute('aria-selected', 'true');
});

test('a Deployment’s Related tab lists its ReplicaSet and pods', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  await kubectl.ok(['create', 'deployment', 'shop', '--image=nginx:1.27', '--replicas=2', '-n', NS]);
  await expect.poll(async () => (await kubectl.run(['get', 'deployment', 'shop', '-n', NS, '-o', 'jsonpath={.status.readyReplicas}'])).stdout, { timeout: 60_000 }).toBe('2');
  const rs = (await kubectl.ok(['get', 'replicasets', '-n', NS, '-l', 'app=shop', '-o', 'jsonpath={.items[0].metadata.name}'])).trim();
  const pods = (await kubectl.ok(['get', 'pods', '-n', NS, '-l', 'app=shop', '-o', 'jsonpath={.items[*].metadata.name}'])).trim().split(' ');
  expect(pods).toHaveLength(2);

  await signInAs(page, 'admin', `/namespaces/${NS}/r/deployments.apps/shop?tab=related`);
  await expect(tab(page, 'Related')).toHaveAttribute('aria-selected', 'true');
  const replicaSets = page.getByRole('region', { name: /^ReplicaSets/ });
  await expect(replicaSets.getByRole('link', { name: rs })).toBeVisible();
  const podPanel = page.getByRole('region', { name: /^Pods/ });
  for (const pod of pods) await expect(podPanel.getByRole('link', { name: pod })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Pods (2)' })).toBeVisible();

  // From a pod, the owner chain goes up through the ReplicaSet to the Deployment.
  await podPanel.getByRole('link', { name: pods[0]! }).click();
  await expect(page.getByRole('heading', { level: 1, name: pods[0]! })).toBeVisible();
  await tab(page, 'Related').click();
  const chain = page.getByRole('list', { name: 'Owner chain' });
  await expect(chain.getByRole('link', { name: rs })).toBeVisible();
  await expect(chain.getByRole('link', { name: 'shop', exact: true })).toBeVisible();
});

async function configMaps(kubectl: Kubectl, specs: [string, string][]): Promise<void> {
  const items = specs.map(([name, tier]) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: NS, labels: { tier } }, data: { tier } }));
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
}

const listRows = (page: Page) => page.getByRole('table', { name: `ConfigMaps in ${NS}` }).getByRole('row').filter({ has: page.getByRole('link') });

test('a list sorts, filters and takes a label selector', async ({ page, kubectl }) => {
  await configMaps(kubectl, [['alpha', 'fe'], ['bravo', 'be'], ['charlie', 'fe']]);
  await signInAs(page, 'admin', `/namespaces/${NS}/r/configmaps`);
  const table = page.getByRole('table', { name: `ConfigMaps in ${NS}` });
  await expect(table.getByRole('link', { name: 'charlie' })).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', /\d+/);
  const name = table.getByRole('columnheader', { name: 'Name' });
  await expect(name).toHaveAttribute('aria-sort', 'ascending');
  await expect(listRows(page).first()).toContainText('alpha');

  await name.getByRole('button').click();
  await expect(name).toHaveAttribute('aria-sort', 'descending');
  await expect(listRows(page).first()).toContainText('kube-root-ca.crt');
  await name.getByRole('button').click();
  await expect(listRows(page).first()).toContainText('alpha');

  await page.getByRole('searchbox', { name: 'Filter ConfigMaps' }).fill('bra');
  await expect(listRows(page)).toHaveCount(1);
  await expect(listRows(page).first()).toContainText('bravo');
  await page.getByRole('searchbox', { name: 'Filter ConfigMaps' }).fill('');

  const selector = page.getByRole('textbox', { name: 'Label selector' });
  await selector.fill('tier=fe');
  await selector.press('Enter');
  await expect(listRows(page)).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'bravo' })).toHaveCount(0);

  await selector.fill('tier in (fe');
  await selector.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'unable to parse requirement' })).toBeVisible();
  await expect(selector).toHaveAttribute('aria-invalid', 'true');

  // Rows are reachable from the keyboard: one tab stop, arrows move, Enter opens.
  await selector.fill('tier=be');
  await selector.press('Enter');
  await expect(listRows(page)).toHaveCount(1);
  await listRows(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'bravo' })).toBeVisible();
});

test('two ConfigMaps are deleted together after confirmation', async ({ page, kubectl }) => {
  await configMaps(kubectl, [['delete-me-1', 'tmp'], ['delete-me-2', 'tmp'], ['keep-me', 'tmp']]);
  await signInAs(page, 'admin', `/namespaces/${NS}/r/configmaps`);
  const table = page.getByRole('table', { name: `ConfigMaps in ${NS}` });
  await table.getByRole('checkbox', { name: `Select ${NS}/delete-me-1` }).check();
  await table.getByRole('checkbox', { name: `Select ${NS}/delete-me-2` }).check();
  await page.getByRole('button', { name: 'Delete (2)' }).click();

  const dialog = page.getByRole('dialog', { name: 'Delete 2 ConfigMaps?' });
  const listed = dialog.getByRole('list', { name: 'Objects to delete' });
  await expect(listed.getByRole('listitem')).toHaveText([`${NS}/delete-me-1`, `${NS}/delete-me-2`]);
  await expect(dialog.getByRole('radio', { name: /Background/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();

  await expect(table.getByRole('link', { name: 'delete-me-1' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'delete-me-2' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'keep-me' })).toBeVisible();
  const left = await kubectl.ok(['get', 'configmaps', '-n', NS, '-l', 'tier=tmp', '-o', 'jsonpath={.items[*].metadata.name}']);
  expect(left.trim()).toBe('keep-me');
});

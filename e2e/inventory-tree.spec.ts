import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAs } from './sign-in';

/**
 * The inventory tree: a real ARIA tree that works from the keyboard, loads namespaces lazily,
 * follows the page, filters, stays live (kubectl changes appear within 2 s without a reload),
 * and shows a user without cluster-wide rights only what they may see, without a single 403.
 */
const tree = (page: Page) => page.getByRole('tree', { name: 'Inventory' });
const item = (page: Page, name: string | RegExp) => tree(page).getByRole('treeitem', { name: typeof name === 'string' ? new RegExp(`^${escape(name)}(,|$)`) : name });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

/** Opens a node from the keyboard (a click would open its page instead). */
async function expand(page: Page, name: string): Promise<void> {
  const row = item(page, name);
  if ((await row.getAttribute('aria-expanded')) === 'true') return;
  await row.focus();
  await page.keyboard.press('ArrowRight');
  await expect(row).toHaveAttribute('aria-expanded', 'true');
}

async function expandNamespace(page: Page, ns: string): Promise<void> {
  await expand(page, ns);
  // The namespace's lists have loaded once a group shows up (every namespace has kube-root-ca.crt).
  await expect(item(page, 'Configuration')).toBeVisible();
}

test('is an ARIA tree that works from the keyboard', async ({ page, baseURL }) => {
  await signInAs(page, 'admin');
  const root = item(page, 'supervisor');
  await expect(root).toHaveAttribute('aria-level', '1');
  await expect(root).toHaveAttribute('aria-expanded', 'true');
  await expect(root).toHaveAttribute('aria-selected', 'true');

  const teamA = item(page, 'team-a');
  await expect(teamA).toHaveAttribute('aria-level', '2');
  await expect(teamA).toHaveAttribute('aria-expanded', 'false');
  await expect(teamA).toHaveAttribute('aria-posinset', /\d+/);
  await expect(teamA).toHaveAttribute('aria-setsize', /\d+/);

  // Roving tabindex: one row is in the tab order, and typing a name moves to it.
  await root.focus();
  await expect(tree(page).locator('[role=treeitem][tabindex="0"]')).toHaveCount(1);
  await page.keyboard.type('team-a');
  await expect(teamA).toBeFocused();

  await page.keyboard.press('ArrowRight');
  await expect(teamA).toHaveAttribute('aria-expanded', 'true');
  await expect(item(page, 'Configuration')).toHaveAttribute('aria-level', '3');
  await page.keyboard.press('ArrowRight');
  await expect(tree(page).getByRole('treeitem', { level: 3 }).first()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(teamA).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(teamA).toHaveAttribute('aria-expanded', 'false');
  await expect(item(page, 'Configuration')).toHaveCount(0);

  await page.keyboard.press('Home');
  await expect(root).toBeFocused();
  await page.keyboard.press('End');
  await expect(tree(page).getByRole('treeitem').last()).toBeFocused();

  // Enter opens the node's page, and the tree marks it as the current one.
  await teamA.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${baseURL}/namespaces/team-a`);
  await expect(teamA).toHaveAttribute('aria-selected', 'true');
  await expect(root).toHaveAttribute('aria-selected', 'false');
});

test('follows the URL: opening an object page expands and selects its node', async ({ page }) => {
  await signInAs(page, 'admin', '/namespaces/kube-system/r/configmaps/kube-root-ca.crt');
  const node = item(page, 'kube-root-ca.crt');
  await expect(node).toHaveAttribute('aria-selected', 'true');
  await expect(item(page, 'kube-system')).toHaveAttribute('aria-expanded', 'true');
  await expect(node).toHaveAttribute('aria-level', '4');
});

test('shows objects created with kubectl within 2 s, without a reload', async ({ page, kubectl }) => {
  const cm = unique('e2e-tree-cm');
  const pod = unique('e2e-tree-pod');
  await signInAs(page, 'admin');
  await expandNamespace(page, 'team-a');
  await expand(page, 'Configuration');
  try {
    await kubectl.ok(['-n', 'team-a', 'create', 'configmap', cm, '--from-literal=color=blue']);
    await expect(item(page, cm)).toBeVisible({ timeout: 2_000 });

    await kubectl.ok(['-n', 'team-a', 'run', pod, '--image=busybox:1.36', '--restart=Never', '--', 'sleep', '3600']);
    await expect(item(page, 'vSphere Pods')).toBeVisible({ timeout: 2_000 });
    await expand(page, 'vSphere Pods');
    await expect(item(page, pod)).toBeVisible({ timeout: 2_000 });

    await kubectl.ok(['-n', 'team-a', 'delete', 'configmap', cm, '--wait=false']);
    await expect(item(page, cm)).toHaveCount(0, { timeout: 2_000 });
  } finally {
    await kubectl.run(['-n', 'team-a', 'delete', 'configmap', cm, '--ignore-not-found', '--wait=false']);
    await kubectl.run(['-n', 'team-a', 'delete', 'pod', pod, '--ignore-not-found', '--wait=false']);
  }
});

test('shows hosts with the pods placed on them', async ({ page, kubectl }) => {
  await signInAs(page, 'admin');
  const nodes = await kubectl.json<{ items: { metadata: { name: string } }[] }>(['get', 'nodes']);
  const hosts = item(page, 'Hosts');
  await hosts.focus();
  await page.keyboard.press('ArrowRight');
  for (const n of nodes.items) await expect(item(page, n.metadata.name)).toBeVisible();
  await expect(hosts).toHaveAttribute('aria-label', new RegExp(`${nodes.items.length} Hosts`));

  // A host opens to what runs on it (the inventory index places pods by spec.nodeName).
  const pods = await kubectl.json<{ items: { metadata: { name: string }; spec: { nodeName?: string } }[] }>(['get', 'pods', '-A']);
  const placed = pods.items.find((p) => p.spec.nodeName && nodes.items.some((n) => n.metadata.name === p.spec.nodeName))!;
  const host = item(page, placed.spec.nodeName!);
  await host.focus();
  await page.keyboard.press('ArrowRight');
  await expect(tree(page).getByRole('treeitem', { name: new RegExp(`^${placed.metadata.name}`) }).first()).toBeVisible();
});

test('the inventory pane can be resized from the keyboard', async ({ page }) => {
  await signInAs(page, 'admin');
  const splitter = page.getByRole('separator', { name: 'Resize the inventory pane' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  const paneWidth = async () => (await page.getByRole('navigation', { name: 'Inventory' }).boundingBox())!.width;
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 16));
  expect(await paneWidth()).toBeCloseTo(before + 16, 0);
  await page.keyboard.press('Home');
  await expect(splitter).toHaveAttribute('aria-valuenow', await splitter.getAttribute('aria-valuemin') ?? '');
  await page.keyboard.press('End');
  await expect(splitter).toHaveAttribute('aria-valuenow', await splitter.getAttribute('aria-valuemax') ?? '');
});

test('filters the inventory by name', async ({ page }) => {
  await signInAs(page, 'admin');
  await page.getByLabel('Filter inventory').fill('kube-root');
  await expect(tree(page).getByRole('treeitem', { name: /^kube-root-ca\.crt/ }).first()).toBeVisible();
  await expect(item(page, 'Workloads')).toHaveCount(0);
  await page.getByLabel('Filter inventory').fill('no-such-object-anywhere');
  await expect(page.getByText('Nothing in the inventory matches')).toBeVisible();
});

test('the developer sees team-a only and nothing answers 403', async ({ page }) => {
  const refused: string[] = [];
  page.on('response', (r: Response) => {
    if (r.url().includes('/api/') && (r.status() === 403 || r.status() === 401)) refused.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await signInAs(page, 'developer');
  const namespaces = tree(page).getByRole('treeitem', { level: 2 });
  await expect(namespaces).toHaveCount(1);
  await expect(item(page, 'team-a')).toBeVisible();
  await expect(item(page, 'Hosts')).toHaveCount(0);

  await expandNamespace(page, 'team-a');
  await expect(item(page, 'Workloads').or(item(page, 'vSphere Pods')).or(item(page, 'Configuration')).first()).toBeVisible();
  await page.getByLabel('Filter inventory').fill('kube');
  await expect(item(page, 'kube-root-ca.crt')).toBeVisible();
  expect(refused).toEqual([]);
});

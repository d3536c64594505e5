import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAs } from './sign-in';

/**
 * Search against the seeded supervisor: by name (a VM, opened from its result), by label (the
 * seeded web VMs and web pods, matched by the console server's inventory index rather than lists), from the
 * keyboard; and a developer, who may read team-a only, finds nothing of team-b and meets no 403.
 */
const group = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const status = (page: Page) => page.getByRole('main').getByRole('status').filter({ hasText: /match/ });

test('a VM found by name under Virtual Machines opens its page', async ({ page }) => {
  await signInAs(page, 'admin');
  const box = page.getByRole('banner').getByRole('searchbox', { name: 'Search' });
  await box.fill('web-01');
  await box.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'web-01');

  const vms = group(page, 'Virtual Machines');
  const result = vms.getByRole('link', { name: 'web-01', exact: true });
  await expect(result).toBeVisible();
  const row = vms.getByRole('row').filter({ has: page.getByRole('link', { name: 'web-01', exact: true }) });
  await expect(row.getByRole('link', { name: 'team-a', exact: true })).toBeVisible();
  await expect(row.getByRole('cell').nth(2)).toHaveText(/PoweredOn|PoweredOff|Suspended/);
  await result.click();
  await expect(page).toHaveURL((url) => url.pathname === '/namespaces/team-a/r/virtualmachines.vmoperator.vmware.com/web-01');
  await expect(page.getByRole('heading', { level: 1, name: 'web-01' })).toBeVisible();
});

test('label searches find the seeded web VMs and web pods, on the console server without listing every pod', async ({ page, kubectl }) => {
  const searched: string[] = [];
  const podLists: string[] = [];
  page.on('request', (r) => {
    const url = decodeURIComponent(r.url());
    if (url.includes('/api/inventory/search?')) searched.push(url);
    if (url.includes('/api/k8s/api/v1/pods')) podLists.push(url);
  });
  await signInAs(page, 'admin', `/search?q=${encodeURIComponent('app=web')}`);

  // The seeded VMs web-01 and web-02 carry app=web; the matching label is shown.
  const vms = group(page, 'Virtual Machines');
  for (const name of ['web-01', 'web-02']) {
    const row = vms.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row.getByText('app=web', { exact: true })).toBeVisible();
  }
  await expect(vms.getByRole('link', { name: 'db-01', exact: true })).toHaveCount(0);

  // The seeded web Deployment's pods carry app.kubernetes.io/name=web: typing a new query
  // updates the results (and the URL) without pressing Enter.
  const query = page.getByRole('searchbox', { name: 'Search query' });
  await query.fill('app.kubernetes.io/name=web');
  await expect(page).toHaveURL((url) => url.searchParams.get('q') === 'app.kubernetes.io/name=web');
  const { items } = await kubectl.json<{ items: { metadata: { name: string; namespace: string } }[] }>(['get', 'pods', '-A', '-l', 'app.kubernetes.io/name=web']);
  expect(items.length).toBeGreaterThan(0);
  const pods = group(page, 'vSphere Pods');
  await expect(pods.getByRole('heading')).toContainText(String(items.length));
  for (const p of items) await expect(pods.getByRole('link', { name: p.metadata.name, exact: true })).toBeVisible();
  await expect(pods.getByRole('link', { name: /^flaky-worker/ })).toHaveCount(0);
  // The admin may list pods everywhere, so the console server's inventory index searched them.
  expect(searched.some((u) => u.includes('q=app.kubernetes.io/name=web'))).toBe(true);
  expect(podLists).toEqual([]);

  // Arrow Down from the query box moves into the results, and on from result to result.
  await query.focus();
  await page.keyboard.press('ArrowDown');
  const first = page.locator('[data-search-result]').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-search-result]').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();
});

test('as developer, a team-b object is not found and nothing answers 403', async ({ page, kubectl }) => {
  // The VM exists, in team-b, where the developer has no rights.
  await kubectl.ok(['get', 'vm', 'win-jump-01', '-n', 'team-b']);
  const forbidden: string[] = [];
  page.on('response', (r) => {
    if (r.status() === 403) forbidden.push(`${r.request().method()} ${r.url()}`);
  });
  await signInAs(page, 'developer', '/search?q=win-jump-01');
  await expect(status(page)).toContainText('0 matches for “win-jump-01”');
  await expect(status(page)).toContainText('searched in team-a');
  await expect(page.getByText(/Not searched \(not available to you\): .*Hosts/)).toBeVisible();

  // What the developer may see is found.
  const query = page.getByRole('searchbox', { name: 'Search query' });
  await query.fill('web-01');
  await expect(group(page, 'Virtual Machines').getByRole('link', { name: 'web-01', exact: true })).toBeVisible();
  expect(forbidden).toEqual([]);
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { signInAs } from './sign-in';
import { startSupervisor, stopSupervisor } from './supervisor-control';

/**
 * Stop the supervisor: the data stays on screen under a banner that says since when it is
 * stale. Start it again: the banner goes away by itself and the tree is live again.
 * The supervisor is stopped and started through scripts/e2e-server.mjs's control endpoint.
 */
const item = (page: Page, name: string) => page.getByRole('tree', { name: 'Inventory' }).getByRole('treeitem', { name: new RegExp(`^${name.replace(/\./g, '\\.')}(,|$)`) });

test('shows a stale-data banner while the supervisor is down, and recovers by itself', async ({ page, e2eEnv, kubectl }) => {
  test.setTimeout(120_000);
  await signInAs(page, 'admin');
  const teamA = item(page, 'team-a');
  await teamA.focus();
  await page.keyboard.press('ArrowRight');
  await expect(item(page, 'Configuration')).toBeVisible();
  const banner = page.getByRole('status').filter({ hasText: 'Live data paused' });
  await expect(banner).toHaveCount(0);

  const cm = `e2e-after-restart-${Date.now().toString(36)}`;
  await stopSupervisor(e2eEnv);
  try {
    await expect(banner).toBeVisible({ timeout: 30_000 });
    await expect(banner).toContainText(/unreachable since \d{2}:\d{2}:\d{2}/);
    await expect(banner).toContainText('Showing the last known state');
    // The last known data stays on screen.
    await expect(teamA).toHaveAttribute('aria-expanded', 'true');
    await expect(item(page, 'Configuration')).toBeVisible();
  } finally {
    await startSupervisor(e2eEnv);
  }

  await expect(banner).toHaveCount(0, { timeout: 45_000 });
  try {
    await kubectl.ok(['-n', 'team-a', 'create', 'configmap', cm]);
    const group = item(page, 'Configuration');
    await group.focus();
    await page.keyboard.press('ArrowRight');
    await expect(group).toHaveAttribute('aria-expanded', 'true');
    await expect(item(page, cm)).toBeVisible({ timeout: 5_000 });
  } finally {
    await kubectl.run(['-n', 'team-a', 'delete', 'configmap', cm, '--ignore-not-found', '--wait=false']);
  }
});

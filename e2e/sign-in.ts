import { expect, type Page } from '@playwright/test';

/**
 * Signs in through /login with a one-click demo user (embedded supervisor only) and waits until
 * the console shell is up. `next` is the page to return to, as the proxy would pass it.
 */
export type DemoUser = 'admin' | 'devops' | 'developer';

export async function signInAs(page: Page, user: DemoUser, next?: string): Promise<void> {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : '/login');
  await page.getByRole('button', { name: `Sign in as ${user}` }).click();
  await expect(page.getByRole('tree', { name: 'Inventory' })).toBeVisible();
}

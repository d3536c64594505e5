import { expect, test } from './fixtures';
import { panel } from './locators';
import { signInAs } from './sign-in';

for (const scheme of ['light', 'dark'] as const) {
  test(`shots ${scheme}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await signInAs(page, 'admin');
    await expect(panel(page, 'Recent warnings').getByRole('row').nth(1)).toBeVisible({ timeout: 60_000 });
    await expect(panel(page, 'Capacity').getByRole('img').first()).toBeVisible();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `/tmp/gp-ov/overview-${scheme}.png` });
    await page.getByRole('main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: `/tmp/gp-ov/overview-${scheme}-bottom.png` });
    await page.goto('/search?q=web');
    await expect(page.getByRole('region', { name: 'Virtual Machines' })).toBeVisible();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/gp-ov/search-${scheme}.png` });
  });
}

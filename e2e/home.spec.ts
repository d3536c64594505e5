import { expect, test } from './fixtures';
import { panel, propertyValue } from './locators';
import { signInAs } from './sign-in';

interface KubectlVersion {
  serverVersion: { gitVersion: string; platform: string };
}

test('the Overview shows the connected supervisor and its Kubernetes version', async ({ page, kubectl }) => {
  const { serverVersion } = await kubectl.json<KubectlVersion>(['version']);

  await signInAs(page, 'admin');

  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(page).toHaveTitle('Overview · Glasspane');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Glasspane' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'supervisor' })).toBeVisible();

  // The version comes from GET /version through the console's proxy, with the user's token.
  const health = panel(page, 'Health');
  await expect(propertyValue(health, 'Kubernetes version')).toHaveText(serverVersion.gitVersion);
  await expect(propertyValue(health, 'Platform')).toHaveText(serverVersion.platform);
  // Scoped to main: Next's route announcer is an (empty) alert outside it.
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('the console reports itself healthy', async ({ request }) => {
  const response = await request.get('/api/healthz');
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe('ok');
});

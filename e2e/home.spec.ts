import { expect, test } from './fixtures';
import { panel, propertyValue } from './locators';

interface KubectlVersion {
  serverVersion: { gitVersion: string; platform: string };
}

test('the home page shows the connected supervisor and its Kubernetes version', async ({ page, e2eEnv, kubectl }) => {
  const { serverVersion } = await kubectl.json<KubectlVersion>(['version']);

  await page.goto('/');

  await expect(page).toHaveTitle('Glasspane');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Glasspane' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'supervisor' })).toBeVisible();

  const version = panel(page, 'Version');
  await expect(propertyValue(version, 'Kubernetes version')).toHaveText(serverVersion.gitVersion);
  await expect(propertyValue(version, 'Platform')).toHaveText(serverVersion.platform);

  const connection = panel(page, 'Connection');
  await expect(propertyValue(connection, 'Server')).toHaveText(e2eEnv.supervisorUrl);
  await expect(propertyValue(connection, 'Kubeconfig')).toHaveText(e2eEnv.kubeconfig);
  // Scoped to main: Next's route announcer is an (empty) alert outside it.
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
});

test('the console reports itself healthy', async ({ request }) => {
  const response = await request.get('/api/healthz');
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe('ok');
});

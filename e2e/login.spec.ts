import { expect, test } from './fixtures';
import { signInAs, type DemoUser } from './sign-in';

/**
 * /login: one-click sign-in as each demo user, a refused token in plain words, the return to
 * the page asked for (relative paths only), and sign-out.
 */
const LANDING: Record<DemoUser, string> = { admin: '/', devops: '/', developer: '/self-service' };

for (const user of ['admin', 'devops', 'developer'] as const) {
  test(`signs in as ${user} with one click and lands where ${user} can work`, async ({ page, baseURL }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByLabel('Bearer token')).toHaveAttribute('type', 'password');
    await page.getByRole('button', { name: `Sign in as ${user}` }).click();

    await expect(page).toHaveURL(`${baseURL}${LANDING[user]}`);
    await expect(page.getByRole('banner').getByRole('button', { name: user })).toBeVisible();
    await expect(page.getByRole('tree', { name: 'Inventory' })).toBeVisible();
  });
}

test('a token the API server refuses gives a plain error and no session', async ({ page, baseURL }) => {
  await page.goto('/login');
  const token = page.getByLabel('Bearer token');
  await token.fill('not-a-real-token');
  await page.getByRole('button', { name: 'Show token' }).click();
  await expect(token).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // Scoped to main: Next's route announcer is another (empty) alert.
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The API server did not accept this token.');
  await expect(page).toHaveURL(`${baseURL}/login`);
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(401);
});

test('a real token signs in too', async ({ page, baseURL, kubectl }) => {
  const token = (await kubectl.ok(['config', 'view', '--raw', '--minify', '--context', 'devops', '-o', 'jsonpath={.users[0].user.token}'])).trim();
  await page.goto('/login');
  await page.getByLabel('Bearer token').fill(token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await expect(page.getByRole('banner').getByRole('button', { name: 'devops' })).toBeVisible();
});

test('returns to the page asked for after sign-in', async ({ page, baseURL }) => {
  await page.goto('/search?q=web-vm&kind=pods');
  await expect(page).toHaveURL(`${baseURL}/login?next=${encodeURIComponent('/search?q=web-vm&kind=pods')}`);
  await page.getByRole('button', { name: 'Sign in as admin' }).click();
  await expect(page).toHaveURL(`${baseURL}/search?q=web-vm&kind=pods`);
});

for (const next of ['https://evil.example', '//evil.example/x', '/\\evil.example']) {
  test(`ignores next=${next}`, async ({ page, baseURL }) => {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByRole('button', { name: 'Sign in as admin' }).click();
    await expect(page).toHaveURL(`${baseURL}/`);
  });
}

test('signs out from the user menu', async ({ page, baseURL }) => {
  await signInAs(page, 'admin');
  await page.getByRole('banner').getByRole('button', { name: 'admin' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(`${baseURL}/login`);

  await page.goto('/');
  await expect(page).toHaveURL(`${baseURL}/login`);
  expect((await page.request.get('/api/auth/session')).status()).toBe(401);
});

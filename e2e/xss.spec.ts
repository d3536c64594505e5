import { expect, test } from './fixtures';
import { panel } from './locators';
import { signInAs } from './sign-in';

/**
 * Cluster data is rendered as text, never as markup: an annotation holding an `<img onerror>`
 * shows as those characters (no element is made, no script runs), a `javascript:` value never
 * becomes a link, and only an absolute http(s) URL is linked (opening without an opener or
 * referrer). The same holds in the YAML tab and for event messages.
 */
const NS = `e2e-xss-${Date.now().toString(36)}`;
const EVIL = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';

test.beforeAll(async ({ kubectl }) => {
  await kubectl.ok(['create', 'namespace', NS]);
  const cm = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'evil',
      namespace: NS,
      labels: { app: 'xss-probe' },
      annotations: { evil: EVIL, link: JS, runbook: 'https://runbooks.example.com/xss-probe', script: '<script>alert(2)</script>' },
    },
    data: { 'index.html': `<html><body onload="alert(3)">${EVIL}</body></html>` },
  };
  await kubectl.ok(['apply', '-f', '-'], { input: JSON.stringify(cm) });
  const uid = (await kubectl.ok(['get', 'configmap', 'evil', '-n', NS, '-o', 'jsonpath={.metadata.uid}'])).trim();
  const event = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'evil.probe', namespace: NS },
    involvedObject: { apiVersion: 'v1', kind: 'ConfigMap', name: 'evil', namespace: NS, uid },
    reason: 'Probe',
    message: `probe ${EVIL}`,
    type: 'Warning',
    source: { component: 'e2e' },
    firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    lastTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    count: 1,
  };
  await kubectl.ok(['create', '-f', '-'], { input: JSON.stringify(event) });
});

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'namespace', NS, '--wait=false']);
});

test('annotations, YAML and events render markup and javascript: URLs as text', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signInAs(page, 'admin', `/namespaces/${NS}/r/configmaps/evil`);
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1, name: 'evil' })).toBeVisible();

  const meta = panel(page, 'Labels and annotations');
  const annotations = meta.getByRole('table', { name: 'Annotations' });
  await expect(annotations.getByRole('cell', { name: EVIL, exact: true })).toBeVisible();
  await expect(annotations.getByRole('cell', { name: JS, exact: true })).toBeVisible();
  await expect(annotations.getByRole('cell', { name: '<script>alert(2)</script>', exact: true })).toBeVisible();
  await expect(main.locator('img')).toHaveCount(0);
  await expect(main.locator('script')).toHaveCount(0);
  await expect(main.getByRole('link', { name: JS })).toHaveCount(0);
  await expect(main.locator('a[href^="javascript:"]')).toHaveCount(0);
  const runbook = annotations.getByRole('link', { name: 'https://runbooks.example.com/xss-probe' });
  await expect(runbook).toHaveAttribute('href', 'https://runbooks.example.com/xss-probe');
  await expect(runbook).toHaveAttribute('rel', 'noopener noreferrer');

  await page.getByRole('tab', { name: 'YAML' }).click();
  const yaml = page.getByLabel('Object as YAML');
  await expect(yaml).toContainText(`evil: ${EVIL}`);
  await expect(yaml).toContainText('onload="alert(3)"');
  await expect(main.locator('img')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('table', { name: 'Events, newest first' }).getByRole('cell', { name: `probe ${EVIL}`, exact: true })).toBeVisible();
  await expect(main.locator('img')).toHaveCount(0);

  expect(dialogs).toEqual([]);
});

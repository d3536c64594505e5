import { expect, test } from './fixtures';
import { signInAs } from './sign-in';
import { editorReady, editorText, pasteInto } from './yaml-editor';

/**
 * One object, two views, on the generic create page (a form generated from the cluster's
 * schema, beside the YAML): a comment typed in the YAML survives a form edit; YAML that does not
 * parse locks the form, says at which line, and keeps the text as typed; fixing it brings the
 * form back with what the YAML now says.
 */
const NS = 'team-a';
const YAML = 'YAML of the new ConfigMap';

const withComment = `# settings for the web tier — keep this comment
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-settings # the name the app reads
  namespace: ${NS}
data:
  mode: fast
  futureKey: kept as typed
`;

test('a comment typed in the YAML survives a form edit', async ({ page }) => {
  await signInAs(page, 'admin', `/namespaces/${NS}/create/r/configmaps`);
  await expect(page.getByRole('heading', { level: 1, name: 'New ConfigMap' })).toBeVisible();
  const yaml = await editorReady(page, YAML);
  await pasteInto(yaml, withComment);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('web-settings');
  // Map entries the YAML added show in the form too.
  await expect(page.getByRole('textbox', { name: 'Key of mode' })).toHaveValue('mode');
  await expect(page.getByRole('textbox', { name: 'mode', exact: true })).toHaveValue('fast');

  await name.fill('web-settings-2');
  await expect.poll(() => editorText(yaml)).toContain('name: web-settings-2 # the name the app reads');
  const text = await editorText(yaml);
  expect(text.startsWith('# settings for the web tier — keep this comment\napiVersion: v1')).toBe(true);
  expect(text).toContain('futureKey: kept as typed');
  // Key order is kept: data still comes after metadata, mode before futureKey.
  expect(text.indexOf('metadata:')).toBeLessThan(text.indexOf('data:'));
  expect(text.indexOf('mode: fast')).toBeLessThan(text.indexOf('futureKey'));
});

test('invalid YAML locks the form, names the line, and the text stays', async ({ page }) => {
  await signInAs(page, 'admin', `/namespaces/${NS}/create/r/configmaps`);
  const yaml = await editorReady(page, YAML);
  await pasteInto(yaml, withComment);
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('web-settings');

  const broken = withComment.replace('  mode: fast', '  mode: [fast');
  await pasteInto(yaml, broken);
  const banner = page.getByRole('alert').filter({ hasText: 'The YAML does not parse' });
  await expect(banner).toContainText(/line (8|9|10), column \d+/);
  await expect(banner).toContainText('The form is locked until it does');
  // The form keeps the last value that parsed and cannot be edited; the text is kept as typed.
  await expect(name).toHaveValue('web-settings');
  await expect(name).not.toBeEditable();
  expect(await editorText(yaml)).toContain('mode: [fast');
  await expect(page.getByRole('button', { name: 'Create ConfigMap' })).toBeDisabled();

  // "Go to line" takes the cursor there; fixing the YAML brings the form back with its value.
  await banner.getByRole('button', { name: /Go to line/ }).click();
  await expect(yaml).toBeFocused();
  await pasteInto(yaml, withComment.replace('web-settings #', 'web-settings-fixed #'));
  await expect(banner).toHaveCount(0);
  await expect(name).toHaveValue('web-settings-fixed');
  await expect(name).toBeEditable();
});

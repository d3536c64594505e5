import { formatAmount } from '../lib/quota/amounts';
import { parseQuantity } from '../lib/resources/format';
import { expect, test } from './fixtures';
import { signInAs } from './sign-in';

/**
 * As the developer, a VM wizard in team-a with a class that would exceed the namespace's quota
 * is stopped before Create, naming the limit and by how much, and offers a class that fits.
 * The expectation is computed from team-a's live ResourceQuota status (what the seed's VMs and
 * pods already use), with the largest class: 64Gi of memory can never fit a 64Gi quota that
 * already has something running.
 */
const NS = 'team-a';
const VM = `quota-${Date.now().toString(36)}`;

interface Quota {
  metadata: { name: string };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

test('a VM that would exceed the quota is stopped before create, with the limit named', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  const classes = await kubectl.json<{ items: { metadata: { name: string }; spec: { hardware: { cpus: number; memory: string } } }[] }>(['get', 'vmclass', '-n', NS]);
  const largest = [...classes.items].sort((a, b) => (parseQuantity(b.spec.hardware.memory) ?? 0) - (parseQuantity(a.spec.hardware.memory) ?? 0) || b.spec.hardware.cpus - a.spec.hardware.cpus)[0]!;

  await signInAs(page, 'developer', `/namespaces/${NS}/create/vm`);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(VM);
  await page.getByRole('button', { name: /^Next: Image/ }).click();
  // Whatever images the developer may see (the namespace's own; Supervisor-wide ones need more rights).
  await page.getByRole('group', { name: 'Image' }).getByRole('radio').first().check();
  await page.getByRole('button', { name: /^Next: Class/ }).click();
  await page.getByRole('radio', { name: new RegExp(`^${largest.metadata.name}\\b`) }).check();
  await expect(page.getByRole('radio', { name: new RegExp(`^${largest.metadata.name}\\b`) })).toBeChecked();
  await page.getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: /Review/ }).click();

  // What the preview must say, from the quota's status (read again until the page and kubectl
  // agree: VMs elsewhere in the namespace may power on or off meanwhile).
  const refusal = page.getByRole('alert').filter({ hasText: 'does not fit the quota' });
  await expect(refusal).toContainText(`This does not fit the quota of ${NS}; Create is blocked.`);
  let expected = '';
  let hardText = '';
  let quotaName = '';
  await expect
    .poll(async () => {
      const quota = (await kubectl.json<{ items: Quota[] }>(['get', 'resourcequota', '-n', NS])).items.find((q) => q.status?.hard?.['requests.memory'])!;
      const hard = parseQuantity(quota.status!.hard!['requests.memory'])!;
      const used = parseQuantity(quota.status!.used?.['requests.memory'] ?? '0')!;
      const after = used + parseQuantity(largest.spec.hardware.memory)!;
      expect(after).toBeGreaterThan(hard);
      quotaName = quota.metadata.name;
      hardText = formatAmount('requests.memory', hard);
      expected = `requests.memory would be ${formatAmount('requests.memory', after)}, ${formatAmount('requests.memory', after - hard)} over the quota of ${hardText}`;
      return ((await refusal.textContent()) ?? '').includes(expected);
    }, { timeout: 20_000 })
    .toBe(true);
  await expect(refusal).toContainText(`(${quotaName})`);
  await expect(page.getByRole('meter', { name: 'requests.memory' })).toHaveAttribute('aria-valuetext', new RegExp(`of ${hardText}$`));
  const create = page.getByRole('button', { name: 'Create virtual machine' });
  await expect(create).toBeDisabled();
  // The reason is also given next to the disabled button (and is its description).
  await expect(create).toHaveAccessibleDescription(/^Over the quota: .*requests\.memory would be/);
  await expect(page.getByText(/^Over the quota: /)).toContainText(expected);

  // A smaller class that fits is offered; taking it unblocks Create.
  const use = refusal.getByRole('button', { name: /^Use / });
  await expect(use).toBeVisible();
  const suggested = ((await use.textContent()) ?? '').replace(/^Use /, '');
  await use.click();
  await expect(page.getByTestId('quota-preview')).toContainText(`Fits the quota of ${NS}`);
  await expect(create).toBeEnabled();
  expect(suggested).not.toBe(largest.metadata.name);
  // Nothing was created on the way.
  expect((await kubectl.run(['get', 'vm', VM, '-n', NS])).exitCode).not.toBe(0);
});

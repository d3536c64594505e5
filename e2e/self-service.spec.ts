import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page, Response } from '@playwright/test';
import { formatAmount } from '../lib/quota/amounts';
import { parseQuantity } from '../lib/resources/format';
import { expect, test, type Kubectl } from './fixtures';
import { createKubectl } from './kubectl';
import { signInAs } from './sign-in';
import { editorReady, editorText, retypeLineEnd } from './yaml-editor';

/**
 * /self-service as `developer` (issue 6): lands there after sign-in; provisions a VM (with an
 * edit made in "View YAML", which is what gets applied) and a Postgres cluster in team-a from
 * the catalogue and watches both become ready (kubectl agrees), then connects to them; an
 * oversized VM is stopped before submit with the limit named; the downloaded kubeconfig works
 * with the real kubectl; the embedded view works the same. Every /api/ response is recorded:
 * none is a 403, and team-b appears nowhere. Expectations about the quota are computed from
 * team-a's live ResourceQuota status, so the seed's usage does not matter.
 */
const NS = 'team-a';
const SUFFIX = Date.now().toString(36).slice(-5);
const VM = `ss-vm-${SUFFIX}`;
const PG = `ss-pg-${SUFFIX}`;
const SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2eSelfServiceKey dev@laptop';

interface Quota {
  metadata: { name: string };
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** Every /api/ response the page receives, as "403 GET /api/k8s/…". */
function recordApi(page: Page): string[] {
  const seen: string[] = [];
  page.on('response', (r: Response) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) seen.push(`${r.status()} ${r.request().method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

function expectNo403(seen: string[]): void {
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.filter((s) => s.startsWith('403 '))).toEqual([]);
  expect(seen.filter((s) => s.includes('team-b'))).toEqual([]);
}

async function teamAQuota(kubectl: Kubectl): Promise<Quota> {
  return (await kubectl.json<{ items: Quota[] }>(['get', 'resourcequota', '-n', NS])).items.find((q) => q.status?.hard?.['requests.memory'])!;
}

test.describe.configure({ mode: 'serial' });

test.afterAll(async ({ kubectl }) => {
  await kubectl.run(['delete', 'vm', VM, '-n', NS, '--ignore-not-found', '--wait=false']);
  await kubectl.run(['delete', 'secret', `${VM}-cloud-init`, '-n', NS, '--ignore-not-found', '--wait=false']);
  await kubectl.run(['delete', 'clusters.postgresql.cnpg.io', PG, '-n', NS, '--ignore-not-found', '--wait=false']);
});

test('a developer provisions a VM and a Postgres cluster from the catalogue and sees both become ready', async ({ page, kubectl, baseURL }) => {
  test.setTimeout(240_000);
  const seen = recordApi(page);
  await signInAs(page, 'developer');
  await expect(page).toHaveURL(`${baseURL}/self-service`);
  await expect(page.getByRole('heading', { level: 1, name: 'Self-service' })).toBeVisible();

  // The namespace's quota, as the quota controller counted it.
  const quota = await teamAQuota(kubectl);
  const hardCpu = formatAmount('requests.cpu', parseQuantity(quota.status!.hard!['requests.cpu'])!);
  await expect(page.getByRole('meter', { name: 'CPU requests' })).toHaveAttribute('aria-valuetext', new RegExp(`^CPU requests: \\S+ of ${hardCpu} used \\(\\d+%\\), \\S+ left$`));
  await expect(page.getByRole('meter', { name: 'Virtual machines' })).toHaveAttribute('aria-valuetext', /of 10 used/);

  // A VM, with an SSH key; a label is added in the YAML and is part of what is applied.
  await page.getByRole('button', { name: 'Create a virtual machine' }).click();
  const vmForm = page.getByRole('region', { name: /^New virtual machine in team-a/ });
  await vmForm.getByRole('textbox', { name: 'Name', exact: true }).fill(VM);
  await vmForm.getByRole('textbox', { name: 'SSH public key' }).fill(SSH_KEY);
  await expect(vmForm.getByRole('combobox', { name: 'VM class' })).not.toHaveValue('');
  await expect(vmForm.getByRole('combobox', { name: 'Image' })).not.toHaveValue('');
  await vmForm.getByRole('button', { name: 'View YAML' }).click();
  const yaml = await editorReady(page, 'YAML of the new virtual machine');
  await expect.poll(() => editorText(yaml)).toContain(`name: ${VM}-cloud-init`);
  await retypeLineEnd(yaml, new RegExp(`^\\s*app: ${VM}$`), 0, '\nowner: self-service');
  await expect.poll(() => editorText(yaml)).toMatch(/\n {4}owner: self-service\n/);
  await expect(vmForm.getByText('Fits the quota of team-a.')).toBeVisible();
  await vmForm.getByRole('button', { name: 'Create virtual machine' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created VirtualMachine ${VM}.` })).toBeVisible({ timeout: 20_000 });

  // A Postgres cluster: one instance of 1Gi.
  await page.getByRole('button', { name: 'Create a PostgreSQL cluster' }).click();
  const pgForm = page.getByRole('region', { name: /^New PostgreSQL cluster/ });
  await pgForm.getByRole('textbox', { name: 'Name', exact: true }).fill(PG);
  await pgForm.getByRole('spinbutton', { name: 'Instances' }).fill('1');
  await pgForm.getByRole('textbox', { name: 'Storage size per instance' }).fill('1Gi');
  await pgForm.getByRole('button', { name: 'Create PostgreSQL cluster' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created Cluster ${PG}.` })).toBeVisible({ timeout: 20_000 });
  expect((await kubectl.json<{ metadata: { labels: Record<string, string> } }>(['get', 'vm', VM, '-n', NS])).metadata.labels.owner).toBe('self-service');

  // Both progress lines reach ready, live; kubectl agrees.
  const vmRow = page.getByRole('listitem', { name: `Virtual machine ${VM}` });
  const pgRow = page.getByRole('listitem', { name: `PostgreSQL cluster ${PG}` });
  await expect(vmRow).toContainText(/Placing on a host|Deploying from image|Powering on|Booting the guest|Running cloud-init|Ready —/);
  await expect(vmRow).toContainText(/Ready — \d+\.\d+\.\d+\.\d+/, { timeout: 150_000 });
  const vm = await kubectl.json<{ status: { powerState: string; network: { primaryIP4: string } } }>(['get', 'vm', VM, '-n', NS]);
  expect(vm.status.powerState).toBe('PoweredOn');
  await expect(vmRow).toContainText(`Ready — ${vm.status.network.primaryIP4}`);
  await expect(pgRow).toContainText('Cluster in healthy state (1/1)', { timeout: 150_000 });
  const pg = await kubectl.json<{ status: { readyInstances: number; phase: string } }>(['get', 'clusters.postgresql.cnpg.io', PG, '-n', NS]);
  expect(pg.status).toMatchObject({ readyInstances: 1, phase: 'Cluster in healthy state' });

  // Connect: the VM's ssh command (user from its cloud-init), the database's connection string.
  await vmRow.getByRole('button', { name: 'Connect' }).click();
  await expect(vmRow.getByText(`ssh vmware@${vm.status.network.primaryIP4}`)).toBeVisible();
  await pgRow.getByRole('button', { name: 'Connect' }).click();
  await expect(pgRow.getByText(`${PG}-rw.${NS}.svc.cluster.local`)).toBeVisible();
  const uri = Buffer.from(await kubectl.ok(['get', 'secret', `${PG}-app`, '-n', NS, '-o', 'jsonpath={.data.uri}']), 'base64').toString();
  const password = /:\/\/[^:]+:([^@]+)@/.exec(uri)![1]!;
  await expect(pgRow.locator('code').filter({ hasText: 'postgresql://app:••••••@' })).toBeVisible();
  await expect(pgRow).not.toContainText(password);
  await pgRow.getByRole('button', { name: 'Reveal' }).click();
  await expect(pgRow.getByText(uri, { exact: true })).toBeVisible();

  // The downloaded kubeconfig works with the real kubectl.
  const dir = await mkdtemp(path.join(tmpdir(), 'gp-kubeconfig-'));
  try {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download kubeconfig' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`-${NS}\\.kubeconfig$`));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await expect(page.getByText(`kubectl --kubeconfig ${download.suggestedFilename()} get vm -n ${NS}`)).toBeVisible();
    const out = await createKubectl(file).ok(['get', 'vm', '-n', NS]);
    expect(out).toContain(VM);
    // Its context selects the namespace.
    expect(await createKubectl(file).ok(['get', 'clusters.postgresql.cnpg.io', '-o', 'name'])).toContain(PG);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

  await expect(page.locator('body')).not.toContainText('team-b');
  expectNo403(seen);
});

test('an oversized VM is stopped before submit, with the limit named and a class that fits', async ({ page, kubectl }) => {
  test.setTimeout(90_000);
  const seen = recordApi(page);
  const classes = await kubectl.json<{ items: { metadata: { name: string }; spec: { hardware: { cpus: number; memory: string } } }[] }>(['get', 'vmclass', '-n', NS]);
  const largest = [...classes.items].sort((a, b) => (parseQuantity(b.spec.hardware.memory) ?? 0) - (parseQuantity(a.spec.hardware.memory) ?? 0) || b.spec.hardware.cpus - a.spec.hardware.cpus)[0]!;
  const name = `ss-big-${SUFFIX}`;

  await signInAs(page, 'developer', '/self-service');
  await page.getByRole('button', { name: 'Create a virtual machine' }).click();
  const form = page.getByRole('region', { name: /^New virtual machine in team-a/ });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await form.getByRole('combobox', { name: 'VM class' }).selectOption(largest.metadata.name);

  // The refusal names the limit and by how much, from the quota's live status.
  const refusal = form.getByRole('alert').filter({ hasText: 'does not fit the quota' });
  await expect(refusal).toContainText(`This does not fit the quota of ${NS}; Create is blocked.`);
  let expected = '';
  await expect
    .poll(async () => {
      const quota = await teamAQuota(kubectl);
      const hard = parseQuantity(quota.status!.hard!['requests.memory'])!;
      const after = parseQuantity(quota.status!.used?.['requests.memory'] ?? '0')! + parseQuantity(largest.spec.hardware.memory)!;
      expected = `requests.memory would be ${formatAmount('requests.memory', after)}, ${formatAmount('requests.memory', after - hard)} over the quota of ${formatAmount('requests.memory', hard)}`;
      return ((await refusal.textContent()) ?? '').includes(expected);
    }, { timeout: 20_000 })
    .toBe(true);
  // …also at the class field itself, which offers a class that fits.
  const classField = form.getByRole('combobox', { name: 'VM class' });
  await expect(classField).toHaveAttribute('aria-invalid', 'true');
  await expect(classField).toHaveAccessibleDescription(new RegExp(`Over the quota: .*${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const create = form.getByRole('button', { name: 'Create virtual machine' });
  await expect(create).toBeDisabled();
  await expect(create).toHaveAccessibleDescription(/^Over the quota: /);

  const use = refusal.getByRole('button', { name: /^Use / });
  const suggested = ((await use.textContent()) ?? '').replace(/^Use /, '');
  expect(suggested).not.toBe(largest.metadata.name);
  await use.click();
  await expect(classField).toHaveValue(suggested);
  await expect(form.getByText(`Fits the quota of ${NS}.`)).toBeVisible();
  await expect(create).toBeEnabled();
  await form.getByRole('button', { name: 'Cancel' }).first().click();
  expect((await kubectl.run(['get', 'vm', name, '-n', NS])).exitCode).not.toBe(0);
  expectNo403(seen);
});

test('a refusal from the server is shown in plain words next to the field it concerns', async ({ page, kubectl }) => {
  const seen = recordApi(page);
  const name = `ss-bad-${SUFFIX}`;
  await signInAs(page, 'developer', '/self-service');
  await page.getByRole('button', { name: 'Create a virtual machine' }).click();
  const form = page.getByRole('region', { name: /^New virtual machine in team-a/ });
  await form.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await form.getByRole('button', { name: 'View YAML' }).click();
  const yaml = await editorReady(page, 'YAML of the new virtual machine');
  await retypeLineEnd(yaml, /^\s*powerState: PoweredOn$/, 'PoweredOn'.length, 'Sideways');
  const power = form.getByRole('checkbox', { name: 'Power on after creation' });
  await expect(power).not.toBeChecked();
  await form.getByRole('button', { name: 'Create virtual machine' }).click();
  // The API's 422 names spec.powerState; the form shows it at the field that writes it.
  await expect(power).toHaveAttribute('aria-invalid', 'true');
  await expect(power).toHaveAccessibleDescription(/Unsupported value: "Sideways"/);
  expect((await kubectl.run(['get', 'vm', name, '-n', NS])).exitCode).not.toBe(0);
  // A 422 is a refusal the user can fix, not a 403.
  expect(seen.some((s) => s.startsWith('422 POST') && s.includes('dryRun=All'))).toBe(true);
  expectNo403(seen);
});

test('the kubeconfig is refused to a request without the anti-CSRF header', async ({ page }) => {
  await signInAs(page, 'developer', '/self-service');
  const res = await page.request.get(`/api/kubeconfig?namespace=${NS}`);
  expect(res.status()).toBe(403);
  expect(await res.text()).not.toContain('token');
});

test('the embedded view works the same, sized to its content', async ({ page }) => {
  const seen = recordApi(page);
  await signInAs(page, 'developer', '/self-service');
  await page.goto('/embed/self-service');
  await expect(page.getByRole('heading', { level: 1, name: 'Self-service' })).toBeVisible();
  await expect(page.getByRole('tree')).toHaveCount(0);
  await expect(page.getByRole('meter', { name: 'Pods' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create a PostgreSQL cluster' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: `Virtual machine ${VM}` })).toContainText('Ready —');
  // The page is as tall as its content (the host sizes the frame to it), not a fixed viewport.
  const height = await page.locator('[data-embed-mode]').evaluate((el) => el.getBoundingClientRect().height);
  expect(height).toBeGreaterThan(800);
  await expect(page.locator('body')).not.toContainText('team-b');
  expectNo403(seen);
});

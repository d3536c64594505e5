import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestSupervisor } from '../../../supervisor/test/harness';
import { waitFor } from '../../../supervisor/test/poll';
import { parseSearchQuery } from '../../search/query';
import { createUserIndex, type UserIndex } from './user-index';

/**
 * The inventory index against a real supervisor: counts agree with kubectl, a change made with
 * kubectl wakes waiters and shows in counts and search, and a developer's index holds nothing
 * the developer could not list everywhere (so team-b never leaks into search).
 */
vi.mock('server-only', () => ({}));

const VM = 'virtualmachines.vmoperator.vmware.com';
let sv: TestSupervisor;
const indexes: UserIndex[] = [];
const saved = process.env.GLASSPANE_KUBECONFIG;

beforeAll(async () => {
  sv = await TestSupervisor.start();
  process.env.GLASSPANE_KUBECONFIG = sv.kubeconfigPath;
}, 90_000);
afterAll(async () => {
  for (const ix of indexes) ix.stop();
  process.env.GLASSPANE_KUBECONFIG = saved;
  await sv?.dispose();
});

function start(context: 'admin' | 'developer'): UserIndex {
  const ix = createUserIndex(sv.token(context));
  indexes.push(ix);
  return ix;
}

const count = async (args: string[]) => (await sv.kubectl.ok(['get', ...args, '-A', '--no-headers'])).split('\n').filter(Boolean).length;

describe('inventory index', () => {
  it('counts what kubectl lists, and follows a change made with kubectl', async () => {
    const ix = start('admin');
    await ix.ready;
    const summary = await waitFor(() => (ix.summary().kinds[VM]?.state === 'ready' && ix.summary().kinds.pods?.state === 'ready' ? ix.summary() : undefined), { what: 'VMs and pods indexed' });
    expect(summary.kinds[VM]!.counts!.total).toBe(await count(['virtualmachines']));
    expect(summary.kinds.pods!.counts!.total).toBe(await count(['pods']));
    const teamA = summary.namespaces['team-a']?.[VM]?.total ?? 0;

    const woken = ix.waitForChange(summary.generation, 30_000, new AbortController().signal);
    await sv.kubectl.ok(['create', 'configmap', 'index-probe-cm', '-n', 'team-a']);
    await sv.kubectl.ok(['apply', '-n', 'team-a', '-f', '-'], {
      stdin: JSON.stringify({ apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'index-probe-vm', labels: { probe: 'yes' } }, spec: { className: 'best-effort-small', imageName: 'ubuntu-22.04-server-cloudimg-amd64', powerState: 'PoweredOff' } }),
    });
    await woken;
    await waitFor(() => ix.summary().namespaces['team-a']?.[VM]?.total === teamA + 1, { what: 'the new VM counted' });
    const found = ix.search(parseSearchQuery('probe=yes'), 10, [VM]);
    expect(found.groups).toEqual([expect.objectContaining({ kind: VM, total: 1, hits: [expect.objectContaining({ name: 'index-probe-vm', namespace: 'team-a', labels: [['probe', 'yes']] })] })]);
    await sv.kubectl.ok(['delete', 'vm', 'index-probe-vm', '-n', 'team-a', '--wait=false']);
    await waitFor(() => ix.search(parseSearchQuery('index-probe-vm'), 10, [VM]).groups.length === 0, { what: 'the deleted VM gone from search' });
  }, 120_000);

  it("indexes only what a developer may list everywhere, so team-b never shows", async () => {
    const ix = start('developer');
    await ix.ready;
    const kinds = Object.keys(ix.summary().kinds);
    for (const kind of kinds) {
      const [resource, ...group] = kind.split('.');
      const allowed = await sv.kubectl.run(['auth', 'can-i', 'list', group.length ? `${resource}.${group.join('.')}` : resource!, '--all-namespaces'], { context: 'developer' });
      expect(allowed.stdout.trim(), kind).toBe('yes');
    }
    expect(JSON.stringify(ix.search(parseSearchQuery('web'), 50, [VM, 'pods']))).not.toContain('team-b');
  }, 60_000);
});

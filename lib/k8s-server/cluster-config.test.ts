import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stringify } from 'yaml';

vi.mock('server-only', () => ({}));

const { KubeconfigError, loadClusterConfig } = await import('./cluster-config');

const CA_DATA = Buffer.from('-----BEGIN CERTIFICATE-----\nTESTCA\n-----END CERTIFICATE-----\n').toString('base64');

/** Shaped like the kubeconfig the embedded supervisor writes. */
function supervisorKubeconfig(overrides: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      { name: 'supervisor', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority-data': CA_DATA } },
    ],
    users: [
      { name: 'admin', user: { token: 'admin-secret-token' } },
      { name: 'devops', user: { token: 'devops-secret-token' } },
      { name: 'developer', user: { token: 'developer-secret-token' } },
    ],
    contexts: [
      { name: 'admin', context: { cluster: 'supervisor', user: 'admin' } },
      { name: 'devops', context: { cluster: 'supervisor', user: 'devops' } },
      { name: 'developer', context: { cluster: 'supervisor', user: 'developer', namespace: 'team-a' } },
    ],
    'current-context': 'admin',
    ...overrides,
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'glasspane-kubeconfig-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeKubeconfig(doc: unknown, name = 'kubeconfig'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, typeof doc === 'string' ? doc : stringify(doc));
  return file;
}

describe('loadClusterConfig', () => {
  it('returns the current context cluster and nothing about its user', async () => {
    const file = await writeKubeconfig(supervisorKubeconfig());
    const config = await loadClusterConfig(file);
    expect(config).toEqual({
      server: 'https://127.0.0.1:6443',
      clusterName: 'supervisor',
      caData: CA_DATA,
      skipTLSVerify: false,
      contextName: 'admin',
    });
    expect(JSON.stringify(config)).not.toContain('secret-token');
  });

  it("follows current-context, including the context's namespace", async () => {
    const file = await writeKubeconfig(supervisorKubeconfig({ 'current-context': 'developer' }));
    const config = await loadClusterConfig(file);
    expect(config.contextName).toBe('developer');
    expect(config.namespace).toBe('team-a');
  });

  it('inlines a certificate-authority file given relative to the kubeconfig', async () => {
    const pem = '-----BEGIN CERTIFICATE-----\nFROMFILE\n-----END CERTIFICATE-----\n';
    await writeFile(path.join(dir, 'ca.crt'), pem);
    const doc = supervisorKubeconfig({
      clusters: [{ name: 'supervisor', cluster: { server: 'https://10.0.0.1:6443/', 'certificate-authority': 'ca.crt' } }],
    });
    const config = await loadClusterConfig(await writeKubeconfig(doc));
    expect(config.server).toBe('https://10.0.0.1:6443');
    expect(Buffer.from(config.caData ?? '', 'base64').toString()).toBe(pem);
  });

  it('keeps insecure-skip-tls-verify and tls-server-name', async () => {
    const doc = supervisorKubeconfig({
      clusters: [
        {
          name: 'supervisor',
          cluster: { server: 'https://k8s.example:443', 'insecure-skip-tls-verify': true, 'tls-server-name': 'api.internal' },
        },
      ],
    });
    const config = await loadClusterConfig(await writeKubeconfig(doc));
    expect(config).toMatchObject({ skipTLSVerify: true, tlsServerName: 'api.internal' });
    expect(config.caData).toBeUndefined();
  });

  it('never runs exec credential plugins', async () => {
    const marker = path.join(dir, 'exec-ran');
    const doc = supervisorKubeconfig({
      users: [
        {
          name: 'admin',
          user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'touch', args: [marker] } },
        },
      ],
    });
    await loadClusterConfig(await writeKubeconfig(doc));
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    ['a missing file', null, /does not exist/],
    ['text that is not YAML', ': : :\n\t- [', /is not valid/],
    ['no current-context', supervisorKubeconfig({ 'current-context': '' }), /has no current-context/],
    ['an unknown current-context', supervisorKubeconfig({ 'current-context': 'nope' }), /"nope" is not among its contexts/],
    [
      'a context naming an undefined cluster',
      supervisorKubeconfig({ contexts: [{ name: 'admin', context: { cluster: 'gone', user: 'admin' } }] }),
      /names cluster "gone", which is not defined/,
    ],
    [
      'a missing certificate-authority file',
      supervisorKubeconfig({
        clusters: [{ name: 'supervisor', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority': 'nope.crt' } }],
      }),
      /certificate-authority .*nope\.crt does not exist/,
    ],
  ])('rejects %s with a KubeconfigError naming the file', async (_case, doc, message) => {
    const file = doc === null ? path.join(dir, 'absent') : await writeKubeconfig(doc);
    const failure = loadClusterConfig(file);
    await expect(failure).rejects.toBeInstanceOf(KubeconfigError);
    await expect(failure).rejects.toThrow(message);
    await expect(failure).rejects.toThrow(file);
  });
});

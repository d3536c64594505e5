import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { KubeObject } from '../k8s/types';
import { connectionSecret, maskUri, secretText, serviceConnect, userFromCloudConfig, vmConnect } from './connect';
import { buildKubeconfig, isNamespaceName, kubeconfigFileName, kubectlCommand } from './kubeconfig';
import { freshName, namePrefix } from './names';
import { myResources } from './resources';
import { schemaKeyFields } from './short-forms';
import { PG_STEPS, POD_STEPS, VM_STEPS, vm } from './test-support/fixtures';

const USER_DATA = '#cloud-config\nusers:\n  - default\n  - name: alice\n    ssh_authorized_keys: ["ssh-ed25519 AAAAC3Nza alice@laptop"]\n';

describe('connect', () => {
  it('gives a VM’s IP and ssh command with the user its cloud-init creates', () => {
    expect(vmConnect(VM_STEPS.ready, USER_DATA)).toEqual({ ip: '10.246.73.238', user: 'alice', ssh: 'ssh alice@10.246.73.238' });
    const inline = vm({ network: { primaryIP4: '10.0.0.5' } }, { bootstrap: { cloudInit: { cloudConfig: { users: [{ name: 'vmware', sudo: 'ALL=(ALL) NOPASSWD:ALL' }] } } } });
    expect(vmConnect(inline).ssh).toBe('ssh vmware@10.0.0.5');
    expect(vmConnect(VM_STEPS.ready).ssh).toBe('ssh <user>@10.246.73.238');
    expect(vmConnect(VM_STEPS.booting)).toEqual({ ip: undefined, user: undefined, ssh: undefined });
    expect(userFromCloudConfig('#!/bin/sh\necho hi')).toBeUndefined();
  });

  it('reads user-data from stringData or base64 data', () => {
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'probe-vm-cloud-init' }, data: { 'user-data': Buffer.from(USER_DATA).toString('base64') } };
    expect(secretText(secret, 'user-data')).toBe(USER_DATA);
    expect(secretText({ ...secret, data: undefined, stringData: { 'user-data': 'x' } }, 'user-data')).toBe('x');
  });

  it('names a Service in cluster DNS with each port, and its load-balancer IP', () => {
    const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web-lb', namespace: 'team-a' }, spec: { type: 'LoadBalancer', clusterIP: '10.110.232.1', ports: [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'https', port: 443 }] }, status: { loadBalancer: { ingress: [{ ip: '192.168.100.106' }] } } };
    expect(serviceConnect(svc)).toEqual({
      dns: 'web-lb.team-a.svc.cluster.local',
      endpoints: [
        { address: 'web-lb.team-a.svc.cluster.local:80', name: 'http', protocol: 'TCP' },
        { address: 'web-lb.team-a.svc.cluster.local:443', name: 'https', protocol: 'TCP' },
      ],
      clusterIP: '10.110.232.1',
      external: ['192.168.100.106'],
      type: 'LoadBalancer',
    });
  });

  it('finds a database’s connection Secret and masks the password until revealed', () => {
    expect(connectionSecret(PG_STEPS.healthy)).toEqual({ name: 'probe-pg-app', key: 'uri', service: 'probe-pg-rw' });
    expect(connectionSecret(VM_STEPS.ready)).toBeUndefined();
    expect(maskUri('postgresql://app:ILgUvZaKcMOEGfTa@probe-pg-rw.team-a:5432/app')).toBe('postgresql://app:••••••@probe-pg-rw.team-a:5432/app');
  });
});

describe('the kubeconfig download', () => {
  const input = { server: 'https://127.0.0.1:44923', clusterName: 'supervisor', caData: 'LS0tLS1CRUdJTi==', username: 'developer', token: 'tok-123', namespace: 'team-a' };

  it('holds the server, CA, the user’s token and a context selecting the namespace', () => {
    const cfg = parse(buildKubeconfig(input));
    expect(cfg).toEqual({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ name: 'supervisor', cluster: { server: 'https://127.0.0.1:44923', 'certificate-authority-data': 'LS0tLS1CRUdJTi==' } }],
      users: [{ name: 'wcp:127.0.0.1:44923:developer', user: { token: 'tok-123' } }],
      contexts: [{ name: 'team-a', context: { cluster: 'supervisor', user: 'wcp:127.0.0.1:44923:developer', namespace: 'team-a' } }],
      'current-context': 'team-a',
      preferences: {},
    });
  });

  it('cannot be broken by values with YAML in them', () => {
    const cfg = parse(buildKubeconfig({ ...input, username: 'eve\n  token: stolen', token: 'a: b' }));
    expect(cfg.users[0].user).toEqual({ token: 'a: b' });
  });

  it('accepts only namespace names, and names the file and the command', () => {
    expect(isNamespaceName('team-a')).toBe(true);
    for (const bad of ['', 'Team', '../x', 'a'.repeat(64), 'x\ny']) expect(isNamespaceName(bad)).toBe(false);
    expect(kubeconfigFileName('supervisor', 'team-a')).toBe('supervisor-team-a.kubeconfig');
    expect(kubectlCommand('supervisor-team-a.kubeconfig', 'team-a')).toBe('kubectl --kubeconfig supervisor-team-a.kubeconfig get vm -n team-a');
  });
});

describe('names, resources and generic key fields', () => {
  it('suggests the first free name', () => {
    expect(freshName('vm', ['vm-1', 'vm-2', 'web-01'])).toBe('vm-3');
    expect(namePrefix('pg-1', 'cluster')).toBe('pg');
  });

  it('lists what nothing else owns, newest first', () => {
    const owned = { ...POD_STEPS.running, metadata: { ...POD_STEPS.running.metadata, name: 'web-abc', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-5b', uid: 'u', controller: true }] } };
    const rows = myResources([
      { descriptorId: 'virtualmachines.vmoperator.vmware.com', items: [VM_STEPS.ready] },
      { descriptorId: 'pods', items: [POD_STEPS.running, owned] },
      { descriptorId: 'clusters.postgresql.cnpg.io', items: [PG_STEPS.healthy] },
    ]);
    expect(rows.map((r) => r.obj.metadata.name)).toEqual(['probe-pod', 'probe-pg', 'probe-vm']);
  });

  it('picks required and defaulted scalar fields from a schema', () => {
    const spec = { properties: { replicas: { type: 'integer', default: 1, minimum: 1 }, template: { type: 'object' }, version: { type: 'string', description: 'The version to run. Must exist.' }, paused: { type: 'boolean' } }, required: ['version'] };
    expect(schemaKeyFields(spec)).toEqual([
      { id: 'version', label: 'Version', path: ['spec', 'version'], type: 'string', help: 'The version to run.' },
      { id: 'replicas', label: 'Replicas', path: ['spec', 'replicas'], type: 'integer', help: undefined, min: 1 },
    ]);
  });
});

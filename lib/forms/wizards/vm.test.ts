import { describe, expect, it } from 'vitest';
import { buildCloudConfig, parseCloudConfig } from '../cloud-init';
import { cloudInitSecret, cloudInitSecretIndex, claimIndexes, nameProblem, newVm, renameVm, secretUserData, vmService, volumeClaim } from './vm';

describe('guided cloud-init', () => {
  const fields = { user: 'ops', sshKeys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk3 ops@laptop'], packages: ['nginx'], commands: ['systemctl enable --now nginx'] };

  it('writes #cloud-config user-data and reads it back', () => {
    const text = buildCloudConfig(fields);
    expect(text.startsWith('#cloud-config\n')).toBe(true);
    expect(text).toContain('ssh_authorized_keys:\n      - ssh-ed25519');
    expect(text).toContain('runcmd:\n  - systemctl enable --now nginx');
    expect(parseCloudConfig(text)).toEqual({ fields, raw: false });
  });

  it('treats user-data the guide cannot represent as raw text', () => {
    expect(parseCloudConfig('#cloud-config\nwrite_files:\n  - path: /etc/x\n').raw).toBe(true);
    expect(parseCloudConfig('#!/bin/sh\necho hi\n').raw).toBe(true);
    expect(parseCloudConfig('#cloud-config\nusers: [a, b]\n').raw).toBe(true);
    expect(parseCloudConfig('').raw).toBe(false);
  });
});

describe('VM wizard documents', () => {
  const vm = { ...newVm('team-a', 'web-9', 'v1alpha5'), spec: { powerState: 'PoweredOn', bootstrap: { cloudInit: { rawCloudConfig: { name: 'web-9-cloud-init', key: 'user-data' } } }, volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'web-9-data' } }] } };
  const docs = [vm, cloudInitSecret('web-9', 'team-a', '#cloud-config\n{}\n'), volumeClaim('web-9', 'team-a', { name: 'data', size: '20Gi' }), vmService('web-9', 'team-a', 'v1alpha5', 'LoadBalancer', [{ name: 'ssh', port: 22, targetPort: 22, protocol: 'TCP' }])];

  it('finds the cloud-init Secret and the claims', () => {
    expect(cloudInitSecretIndex(docs, 0)).toBe(1);
    expect(claimIndexes(docs)).toEqual(new Map([['web-9-data', 2]]));
    expect(secretUserData(docs[1])).toBe('#cloud-config\n{}\n');
    expect(secretUserData({ data: { 'user-data': btoa('#cloud-config\n') } })).toBe('#cloud-config\n');
  });

  it('renames every derived name with the VM', () => {
    const out = renameVm(docs, 'web-9', 'api-1') as typeof docs;
    expect(out[0]!.metadata.name).toBe('api-1');
    expect(out[0]!.metadata.labels).toEqual({ app: 'api-1' });
    expect(out[0]!.spec).toMatchObject({ bootstrap: { cloudInit: { rawCloudConfig: { name: 'api-1-cloud-init' } } }, volumes: [{ persistentVolumeClaim: { claimName: 'api-1-data' } }] });
    expect(out[1]!.metadata.name).toBe('api-1-cloud-init');
    expect(out[2]!.metadata.name).toBe('api-1-data');
    expect(out[3]!.metadata.name).toBe('api-1');
    expect(out[3]!.spec).toMatchObject({ selector: { app: 'api-1' } });
    expect(docs[0]!.metadata.name).toBe('web-9');
  });

  it('checks names', () => {
    expect(nameProblem('web-9')).toBeUndefined();
    expect(nameProblem('Web_9')).toMatch(/lower-case/);
    expect(nameProblem('')).toBe('The name is required.');
  });
});

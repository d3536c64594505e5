import { describe, expect, it } from 'vitest';
import { editHref, hrefForRef, hostHref, listHref, namespaceHref, objectHref, parseConsolePath, searchHref } from './links';
import { descriptorById } from './registry';

const vm = descriptorById('virtualmachines.vmoperator.vmware.com')!;
const pods = descriptorById('pods')!;
const nodes = descriptorById('nodes')!;

describe('links', () => {
  it('builds the list and object URLs of the URL scheme', () => {
    expect(listHref(vm)).toBe('/r/virtualmachines.vmoperator.vmware.com');
    expect(listHref(vm, 'team-a')).toBe('/namespaces/team-a/r/virtualmachines.vmoperator.vmware.com');
    expect(objectHref(vm, 'team-a', 'web-vm-1')).toBe('/namespaces/team-a/r/virtualmachines.vmoperator.vmware.com/web-vm-1');
    expect(objectHref(pods, 'team-a', 'web-1', 'logs')).toBe('/namespaces/team-a/r/pods/web-1?tab=logs');
    expect(objectHref(nodes, 'ignored', 'esxi-01.vsphere.local')).toBe('/r/nodes/esxi-01.vsphere.local');
    expect(namespaceHref('team-a')).toBe('/namespaces/team-a');
    expect(hostHref('esxi-01.vsphere.local')).toBe('/hosts/esxi-01.vsphere.local');
    expect(searchHref('web vm&x')).toBe('/search?q=web%20vm%26x');
  });

  it('links references by kind, hosts and namespaces to their own pages', () => {
    expect(hrefForRef({ group: '', kind: 'Node', name: 'esxi-02.vsphere.local' })).toBe('/hosts/esxi-02.vsphere.local');
    expect(hrefForRef({ group: '', kind: 'Namespace', name: 'team-a' })).toBe('/namespaces/team-a');
    expect(hrefForRef({ group: 'apps', kind: 'Deployment', namespace: 'team-a', name: 'web' })).toBe('/namespaces/team-a/r/deployments.apps/web');
    expect(hrefForRef({ group: 'example.com', kind: 'Widget', name: 'w' })).toBeUndefined();
  });

  it('encodes names as path segments', () => {
    expect(objectHref(pods, 'team-a', 'a/b?c')).toBe('/namespaces/team-a/r/pods/a%2Fb%3Fc');
  });
});

describe('parseConsolePath', () => {
  it.each([
    ['/', { page: 'overview' }],
    ['/hosts', { page: 'hosts' }],
    ['/hosts/esxi-01.vsphere.local', { page: 'host', node: 'esxi-01.vsphere.local' }],
    ['/r/nodes/esxi-01.vsphere.local', { page: 'host', node: 'esxi-01.vsphere.local' }],
    ['/namespaces/team-a', { page: 'namespace', namespace: 'team-a' }],
    ['/r/pods', { page: 'list', descriptorId: 'pods' }],
    ['/namespaces/team-a/r/pods', { page: 'list', descriptorId: 'pods', namespace: 'team-a' }],
    ['/namespaces/team-a/r/pods/web-1', { page: 'object', descriptorId: 'pods', namespace: 'team-a', name: 'web-1' }],
    ['/r/clustervirtualmachineimages.vmoperator.vmware.com/ubuntu', { page: 'object', descriptorId: 'clustervirtualmachineimages.vmoperator.vmware.com', name: 'ubuntu' }],
    ['/search', { page: 'other' }],
    ['/namespaces/team-a/x', { page: 'other' }],
    ['/namespaces/%E0%A4%A', { page: 'other' }],
  ])('reads %s', (path, expected) => {
    expect(parseConsolePath(path)).toEqual(expected);
  });

  it('round-trips the links it builds', () => {
    expect(parseConsolePath(objectHref(pods, 'team-a', 'a/b'))).toEqual({ page: 'object', descriptorId: 'pods', namespace: 'team-a', name: 'a/b' });
  });
});

describe('editHref', () => {
  it('is the object page plus /edit, and the tree still finds the object', () => {
    const deployments = { id: 'deployments.apps', namespaced: true };
    expect(editHref(deployments, 'shop', 'web')).toBe('/namespaces/shop/r/deployments.apps/web/edit');
    expect(parseConsolePath(editHref(deployments, 'shop', 'web'))).toEqual({ page: 'object', descriptorId: 'deployments.apps', namespace: 'shop', name: 'web' });
    expect(parseConsolePath(editHref({ id: 'storageclasses.storage.k8s.io', namespaced: false }, undefined, 'fast'))).toEqual({ page: 'object', descriptorId: 'storageclasses.storage.k8s.io', name: 'fast' });
    expect(parseConsolePath('/namespaces/shop/edit')).toEqual({ page: 'namespace', namespace: 'shop' });
  });
});

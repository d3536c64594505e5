import { describe, expect, it } from 'vitest';
import { contextTarget, parseVsphereId, vmByMoId } from './context';
import { consolePathOf, embedHrefFor, embedViewPath, parseWorkPath, refForConsolePath } from './routes';

const VM_ID = 'virtualmachines.vmoperator.vmware.com';

describe('embedded views mirror the console URL scheme', () => {
  it('maps console pages that have an embedded twin', () => {
    expect(embedHrefFor(`/namespaces/team-a/r/${VM_ID}/web-1?tab=events`)).toBe(`/embed/namespaces/team-a/r/${VM_ID}/web-1?tab=events`);
    expect(embedHrefFor('/namespaces/team-a')).toBe('/embed/namespaces/team-a');
    expect(embedHrefFor('/hosts/esx-01')).toBe('/embed/hosts/esx-01');
    expect(embedHrefFor('/namespaces/team-a/r/pods')).toBe('/embed/namespaces/team-a/r/pods');
    expect(embedHrefFor('/')).toBeUndefined();
    expect(embedHrefFor('/search?q=web')).toBeUndefined();
    expect(embedHrefFor('//evil.test/hosts/x')).toBeUndefined();
    expect(embedHrefFor('https://evil.test/hosts/x')).toBeUndefined();
  });

  it('mirrors the YAML editor, import and the create wizards', () => {
    expect(parseWorkPath(`/namespaces/team-a/r/${VM_ID}/web-1/edit`)).toEqual({ page: 'edit', descriptorId: VM_ID, namespace: 'team-a', name: 'web-1' });
    expect(parseWorkPath('/r/nodes/esx-01/edit')).toEqual({ page: 'edit', descriptorId: 'nodes', name: 'esx-01' });
    expect(parseWorkPath('/hosts/esx-01/edit')).toBeUndefined();
    expect(parseWorkPath('/r/storageclasses.storage.k8s.io/fast/edit')).toEqual({ page: 'edit', descriptorId: 'storageclasses.storage.k8s.io', namespace: undefined, name: 'fast' });
    expect(parseWorkPath('/import')).toEqual({ page: 'import' });
    expect(parseWorkPath('/create')).toEqual({ page: 'create', namespace: undefined });
    expect(parseWorkPath('/namespaces/team-a/create')).toEqual({ page: 'create', namespace: 'team-a' });
    expect(parseWorkPath('/namespaces/team-a/create/vm')).toEqual({ page: 'wizard', wizard: 'vm', namespace: 'team-a' });
    expect(parseWorkPath('/create/namespace')).toEqual({ page: 'wizard', wizard: 'namespace', namespace: undefined });
    expect(parseWorkPath('/namespaces/team-a/create/r/configmaps')).toEqual({ page: 'create-kind', descriptorId: 'configmaps', namespace: 'team-a' });
    expect(parseWorkPath('/namespaces/team-a/create/r/configmaps/x')).toBeUndefined();
    expect(parseWorkPath('/namespaces/team-a')).toBeUndefined();
    expect(embedHrefFor('/namespaces/team-a/create/workload?kind=pod')).toBe('/embed/namespaces/team-a/create/workload?kind=pod');
    expect(embedHrefFor(`/namespaces/team-a/r/${VM_ID}/web-1/edit`)).toBe(`/embed/namespaces/team-a/r/${VM_ID}/web-1/edit`);
  });

  it('reads the console path back from an embedded one', () => {
    expect(consolePathOf('/embed/hosts/esx-01')).toBe('/hosts/esx-01');
    expect(consolePathOf('/embedded/x')).toBeUndefined();
  });

  it('names the object a page shows as the host contract does', () => {
    expect(refForConsolePath(`/namespaces/team-a/r/${VM_ID}/web-1`)).toEqual({ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: 'team-a', name: 'web-1' });
    expect(refForConsolePath('/hosts/esx-01')).toEqual({ group: '', kind: 'Node', name: 'esx-01' });
    expect(refForConsolePath('/namespaces/team-a')).toEqual({ group: '', kind: 'Namespace', name: 'team-a' });
    expect(refForConsolePath('/namespaces/team-a/r/pods')).toBeUndefined();
    expect(refForConsolePath('/namespaces/team-a/r/widgets.example.com/w')).toBeUndefined();
  });

  it('lets a host mount only views under /embed', () => {
    expect(embedViewPath('inventory')).toBe('/embed/inventory');
    expect(embedViewPath('object?tab=events')).toBe('/embed/object?tab=events');
    expect(embedViewPath('namespaces/team-a')).toBe('/embed/namespaces/team-a');
    for (const bad of ['../login', 'x/../../login', '//evil.test', '/inventory', 'inventory#x', 'a?b=<c>', 'https://evil.test', '']) expect(embedViewPath(bad), bad).toBeUndefined();
  });
});

describe('context objects', () => {
  it('resolves Kubernetes references to pages', () => {
    expect(contextTarget({ group: 'vmoperator.vmware.com', kind: 'VirtualMachine', namespace: 'team-a', name: 'web-1' })).toMatchObject({ type: 'page', descriptorId: VM_ID, namespace: 'team-a', name: 'web-1' });
    expect(contextTarget({ group: '', kind: 'Node', name: 'esx-01' })).toMatchObject({ type: 'page', descriptorId: 'nodes', name: 'esx-01' });
    expect(contextTarget({ group: '', kind: 'Pod', name: 'p' })).toMatchObject({ type: 'unsupported' });
    expect(contextTarget({ group: 'example.com', kind: 'Widget', namespace: 'a', name: 'w' })).toMatchObject({ type: 'unsupported' });
    expect(contextTarget(undefined)).toEqual({ type: 'none' });
  });

  it('resolves vSphere managed objects: VMs by their vSphere id, namespaces by name', () => {
    expect(parseVsphereId('urn:vmomi:VirtualMachine:vm-1001:7f3e:ab')).toEqual({ type: 'VirtualMachine', moId: 'vm-1001', serverGuid: '7f3e:ab' });
    expect(contextTarget({ id: 'urn:vmomi:VirtualMachine:vm-1001:7f3e' })).toEqual({ type: 'vm-by-moid', moId: 'vm-1001' });
    expect(contextTarget({ id: 'urn:vmomi:Namespace:team-a:7f3e' })).toMatchObject({ type: 'page', descriptorId: 'namespaces', name: 'team-a' });
    expect(contextTarget({ id: 'urn:vmomi:Datastore:ds-1:7f3e' })).toMatchObject({ type: 'unsupported' });
    expect(contextTarget({ id: 'vm-1001' })).toMatchObject({ type: 'unsupported' });
    const vms = [
      { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'a', namespace: 'n' }, status: { uniqueID: 'vm-1000' } },
      { apiVersion: 'vmoperator.vmware.com/v1alpha5', kind: 'VirtualMachine', metadata: { name: 'b', namespace: 'n' }, status: { uniqueID: 'vm-1001' } },
    ];
    expect(vmByMoId(vms, 'vm-1001')?.metadata.name).toBe('b');
    expect(vmByMoId(vms, 'vm-9')).toBeUndefined();
  });
});

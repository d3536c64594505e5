import { describe, expect, it } from 'vitest';
import { nodeDescriptor, podDescriptor } from '../resources/descriptors/core';
import { virtualMachineDescriptor } from '../resources/descriptors/vm-service';
import { filteredListHref } from './list-links';

describe('filteredListHref', () => {
  it('links to the list across namespaces with the filter and selector as parameters', () => {
    expect(filteredListHref(virtualMachineDescriptor, { filter: 'PoweredOff' })).toBe('/r/virtualmachines.vmoperator.vmware.com?filter=PoweredOff');
    expect(filteredListHref(podDescriptor, { labelSelector: 'app=web,tier!=db', filter: 'web api' })).toBe('/r/pods?filter=web+api&labelSelector=app%3Dweb%2Ctier%21%3Ddb');
  });

  it('links into one namespace, and to plain lists without parameters', () => {
    expect(filteredListHref(podDescriptor, { namespace: 'team-a', filter: 'CrashLoopBackOff' })).toBe('/namespaces/team-a/r/pods?filter=CrashLoopBackOff');
    expect(filteredListHref(nodeDescriptor, { namespace: 'team-a' })).toBe('/r/nodes');
  });
});

import { describe, expect, it } from 'vitest';
import { pageHref } from './page-href';
import { descriptorById } from './registry';

describe('pageHref', () => {
  it('sends hosts and namespaces to their own pages and anything else to the object page', () => {
    expect(pageHref(descriptorById('nodes')!, undefined, 'esxi-01.vsphere.local')).toBe('/hosts/esxi-01.vsphere.local');
    expect(pageHref(descriptorById('namespaces')!, undefined, 'team-a', 'events')).toBe('/namespaces/team-a?tab=events');
    expect(pageHref(descriptorById('pods')!, 'team-a', 'web-0', 'logs')).toBe('/namespaces/team-a/r/pods/web-0?tab=logs');
    const crd = { id: 'widgets.example.com', group: 'example.com', kind: 'Widget', namespaced: true };
    expect(pageHref(crd, 'team-a', 'w1')).toBe('/namespaces/team-a/r/widgets.example.com/w1');
  });
});

import { describe, expect, it } from 'vitest';
import { createChooserHref, createHref, createHrefForPage, genericCreateHref, listHref, namespaceHref, wizardHref } from './links';
import { descriptorById } from './registry';

describe('create links', () => {
  it('opens the wizard of kinds that have one, in the namespace', () => {
    expect(createHref(descriptorById('virtualmachines.vmoperator.vmware.com')!, 'team-a')).toBe('/namespaces/team-a/create/vm');
    expect(createHref(descriptorById('deployments.apps')!, 'team-a')).toBe('/namespaces/team-a/create/workload');
    expect(createHref(descriptorById('pods')!, 'team-a')).toBe('/namespaces/team-a/create/workload?kind=pod');
    expect(createHref(descriptorById('clusters.postgresql.cnpg.io')!, 'team-a')).toBe('/namespaces/team-a/create/service?kind=clusters.postgresql.cnpg.io');
    expect(createHref(descriptorById('namespaces')!)).toBe('/create/namespace');
  });

  it('opens the generic create page for other kinds', () => {
    expect(createHref(descriptorById('configmaps')!, 'team a')).toBe('/namespaces/team%20a/create/r/configmaps');
    expect(createHref({ id: 'widgets.example.com', namespaced: false }, 'team-a')).toBe('/create/r/widgets.example.com');
    expect(genericCreateHref({ id: 'secrets', namespaced: true })).toBe('/create/r/secrets');
  });

  it('has choosers and wizard links without a namespace', () => {
    expect(createChooserHref()).toBe('/create');
    expect(createChooserHref('team-a')).toBe('/namespaces/team-a/create');
    expect(wizardHref('vm')).toBe('/create/vm');
  });
});

describe('create links from the tree', () => {
  it('maps a namespace page and a group’s list to their create pages', () => {
    expect(createHrefForPage(namespaceHref('team-a'))).toBe('/namespaces/team-a/create');
    expect(createHrefForPage(listHref(descriptorById('virtualmachines.vmoperator.vmware.com')!, 'team-a'))).toBe('/namespaces/team-a/create/vm');
    expect(createHrefForPage('/namespaces/team-a/r/configmaps')).toBe('/namespaces/team-a/create/r/configmaps');
    expect(createHrefForPage('/hosts')).toBeUndefined();
  });
});

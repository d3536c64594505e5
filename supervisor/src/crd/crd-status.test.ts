import { describe, expect, it } from 'vitest';
import type { CustomResourceDefinition } from './crd-types';
import { crdStatusFor, isCrdEstablished } from './crd-status';
import { cnpgClusterCrd } from './testdata/cnpg-cluster-crd';
import { widgetsCrd } from './testdata/widgets-crd';

const T0 = new Date('2025-01-02T03:04:05.678Z');
const T1 = new Date('2025-01-02T04:00:00.000Z');

function gadgetsCrd(names: CustomResourceDefinition['spec']['names']): CustomResourceDefinition {
  const crd = widgetsCrd();
  crd.metadata.name = `${names?.plural}.example.com`;
  crd.spec.names = names;
  return crd;
}

function accepted(crd: CustomResourceDefinition, others: CustomResourceDefinition[] = []): CustomResourceDefinition {
  return { ...crd, status: crdStatusFor(crd, others, T0) };
}

describe('crdStatusFor', () => {
  it('accepts the names of a fresh CRD and establishes it', () => {
    const status = crdStatusFor(widgetsCrd(), [], T0);
    expect(status).toEqual({
      conditions: [
        { type: 'NamesAccepted', status: 'True', reason: 'NoConflicts', message: 'no conflicts found', lastTransitionTime: '2025-01-02T03:04:05Z' },
        { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: '2025-01-02T03:04:05Z' },
      ],
      acceptedNames: { plural: 'widgets', singular: 'widget', shortNames: ['wd'], kind: 'Widget', listKind: 'WidgetList', categories: ['all'] },
      storedVersions: ['v1'],
    });
    expect(isCrdEstablished({ ...widgetsCrd(), status })).toBe(true);
  });

  it('defaults singular and listKind in the accepted names', () => {
    const crd = cnpgClusterCrd();
    crd.spec.names = { plural: 'clusters', kind: 'Cluster' };
    expect(crdStatusFor(crd, [], T0).acceptedNames).toEqual({ plural: 'clusters', singular: 'cluster', kind: 'Cluster', listKind: 'ClusterList' });
  });

  it('refuses names already accepted by another CRD of the same group', () => {
    const widgets = accepted(widgetsCrd());
    const plural = crdStatusFor(gadgetsCrd({ plural: 'widget', singular: 'gadget', kind: 'Gadget' }), [widgets], T0);
    expect(plural.conditions).toEqual([
      { type: 'NamesAccepted', status: 'False', reason: 'PluralConflict', message: '"widget" is already in use', lastTransitionTime: '2025-01-02T03:04:05Z' },
      { type: 'Established', status: 'False', reason: 'NotAccepted', message: 'not all names are accepted', lastTransitionTime: '2025-01-02T03:04:05Z' },
    ]);
    expect(plural.acceptedNames).toEqual({ singular: 'gadget', kind: 'Gadget', listKind: 'GadgetList' });

    const kind = crdStatusFor(gadgetsCrd({ plural: 'gadgets', kind: 'Widget', listKind: 'GadgetList' }), [widgets], T0);
    expect(kind.conditions?.[0]).toMatchObject({ status: 'False', reason: 'KindConflict', message: '"Widget" is already in use' });
    const listKind = crdStatusFor(gadgetsCrd({ plural: 'gadgets', kind: 'Gadget', listKind: 'WidgetList' }), [widgets], T0);
    expect(listKind.conditions?.[0]).toMatchObject({ reason: 'ListKindConflict', message: '"WidgetList" is already in use' });
    const short = crdStatusFor(gadgetsCrd({ plural: 'gadgets', kind: 'Gadget', shortNames: ['wd', 'widgets'] }), [widgets], T0);
    expect(short.conditions?.[0]).toMatchObject({ reason: 'ShortNamesConflict', message: '["wd" is already in use, "widgets" is already in use]' });
    expect(short.acceptedNames?.shortNames).toBeUndefined();
  });

  it('ignores CRDs of other groups and the CRD itself', () => {
    const other = accepted(widgetsCrd());
    other.metadata.name = 'widgets.example.org';
    other.spec.group = 'example.org';
    const self = accepted(widgetsCrd());
    expect(crdStatusFor(widgetsCrd(), [other, self], T0).conditions?.[0]?.status).toBe('True');
  });

  it('keeps lastTransitionTime when a condition status does not change, and other conditions as they are', () => {
    const crd = accepted(widgetsCrd());
    crd.status?.conditions?.push({ type: 'KubernetesAPIApprovalPolicyConformant', status: 'True', reason: 'ApprovedAnnotation' });
    const again = crdStatusFor(crd, [], T1);
    expect(again.conditions?.map((c) => [c.type, c.lastTransitionTime])).toEqual([
      ['NamesAccepted', '2025-01-02T03:04:05Z'],
      ['Established', '2025-01-02T03:04:05Z'],
      ['KubernetesAPIApprovalPolicyConformant', undefined],
    ]);
  });

  it('keeps already-accepted names and stays Established when a later change conflicts', () => {
    const widgets = accepted(widgetsCrd());
    const gadgets = accepted(gadgetsCrd({ plural: 'gadgets', kind: 'Gadget' }), [widgets]);
    gadgets.spec.names = { plural: 'gadgets', kind: 'Widget', listKind: 'GadgetList' };
    const status = crdStatusFor(gadgets, [widgets], T1);
    expect(status.acceptedNames).toMatchObject({ plural: 'gadgets', kind: 'Gadget' });
    expect(status.conditions).toEqual([
      { type: 'NamesAccepted', status: 'False', reason: 'KindConflict', message: '"Widget" is already in use', lastTransitionTime: '2025-01-02T04:00:00Z' },
      { type: 'Established', status: 'True', reason: 'InitialNamesAccepted', message: 'the initial names have been accepted', lastTransitionTime: '2025-01-02T03:04:05Z' },
    ]);
  });

  it('accumulates storedVersions as the storage version moves', () => {
    const crd = accepted(widgetsCrd());
    const [v1, v1beta1] = crd.spec.versions ?? [];
    if (!v1 || !v1beta1) throw new Error('fixture');
    v1.storage = false;
    v1beta1.storage = true;
    expect(crdStatusFor(crd, [], T1).storedVersions).toEqual(['v1', 'v1beta1']);
    expect(crdStatusFor({ ...crd, status: crdStatusFor(crd, [], T1) }, [], T1).storedVersions).toEqual(['v1', 'v1beta1']);
  });
});

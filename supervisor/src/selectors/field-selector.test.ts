import { describe, expect, it } from 'vitest';
import type { ApiError } from '../api/errors';
import type { KubeObject } from '../api/types';
import { apiErrorOf } from '../testing/api-error-of';
import { escapeFieldValue, fieldSelectorToString, matchesFields, parseFieldSelector, singleNameFromFieldSelector } from './field-selector';
import { fieldGetterFor, objectMatchesFields } from './field-tables';

const any = (): boolean => true;

function rejection(s: string, supported: (f: string) => boolean = any): ApiError {
  return apiErrorOf(() => parseFieldSelector(s, supported), `${JSON.stringify(s)} to be rejected`);
}
describe('parseFieldSelector', () => {
  it('parses =, == and != terms joined by commas, in upstream (sorted) order', () => {
    const sel = parseFieldSelector('status.phase!=Running,metadata.name==web,spec.nodeName=node-1', any);
    expect(sel.requirements).toEqual([
      { field: 'metadata.name', operator: '=', value: 'web' },
      { field: 'spec.nodeName', operator: '=', value: 'node-1' },
      { field: 'status.phase', operator: '!=', value: 'Running' },
    ]);
    expect(fieldSelectorToString(sel)).toBe('metadata.name=web,spec.nodeName=node-1,status.phase!=Running');
  });

  it('accepts empty input and empty terms', () => {
    expect(parseFieldSelector('', any).requirements).toEqual([]);
    expect(parseFieldSelector('metadata.name=a,,', any).requirements).toHaveLength(1);
    expect(parseFieldSelector('spec.nodeName=', any).requirements).toEqual([{ field: 'spec.nodeName', operator: '=', value: '' }]);
  });

  it('unescapes \\, \\= and \\\\ in values and keeps escaped commas inside one term', () => {
    const sel = parseFieldSelector('metadata.name=a\\,b\\=c\\\\d', any);
    expect(sel.requirements).toEqual([{ field: 'metadata.name', operator: '=', value: 'a,b=c\\d' }]);
    expect(fieldSelectorToString(sel)).toBe('metadata.name=a\\,b\\=c\\\\d');
    expect(escapeFieldValue('x,y=z\\')).toBe('x\\,y\\=z\\\\');
  });

  it('splits at the first operator; the rest belongs to the value', () => {
    expect(parseFieldSelector('a!=b!c', any).requirements).toEqual([{ field: 'a', operator: '!=', value: 'b!c' }]);
    expect(parseFieldSelector('a==b', any).requirements).toEqual([{ field: 'a', operator: '=', value: 'b' }]);
  });

  it('reports syntax errors with upstream text', () => {
    expect(rejection('metadata.name').message).toBe("invalid selector: 'metadata.name'; can't understand 'metadata.name'");
    expect(rejection('a=1,b').message).toBe("invalid selector: 'a=1,b'; can't understand 'b'");
    expect(rejection('a=b=c').message).toBe('invalid field selector: unescaped character in value: 61');
    expect(rejection('a=b\\x').message).toBe('invalid field selector: invalid escape sequence: \\x');
    expect(rejection('a=b\\').message).toBe('invalid field selector: invalid escape sequence: \\');
    expect(rejection('a=b=c').code).toBe(400);
  });

  it('rejects unsupported fields after the syntax check', () => {
    const pods = fieldGetterFor('pods', '');
    const err = rejection('spec.nodeName=n1,spec.colour=red', pods.supports);
    expect(err.code).toBe(400);
    expect(err.reason).toBe('BadRequest');
    expect(err.message).toBe('field label not supported: spec.colour');
    expect(rejection('spec.colour', pods.supports).message).toContain("can't understand");
  });
});

describe('matchesFields', () => {
  it('treats a missing field as the empty string', () => {
    const get = (f: string): string | undefined => ({ 'metadata.name': 'web' })[f];
    expect(matchesFields(parseFieldSelector('spec.nodeName=', any), get)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName!=', any), get)).toBe(false);
    expect(matchesFields(parseFieldSelector('metadata.name!=db', any), get)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.name=web,metadata.name!=web', any), get)).toBe(false);
  });
});

describe('singleNameFromFieldSelector', () => {
  it('returns the pinned metadata.name', () => {
    expect(singleNameFromFieldSelector(parseFieldSelector('metadata.name=web', any))).toBe('web');
    expect(singleNameFromFieldSelector(parseFieldSelector('metadata.name==web', any))).toBe('web');
    expect(singleNameFromFieldSelector(parseFieldSelector('metadata.name!=web', any))).toBeUndefined();
    expect(singleNameFromFieldSelector(parseFieldSelector('status.phase=Running', any))).toBeUndefined();
    expect(singleNameFromFieldSelector(undefined)).toBeUndefined();
  });
});

describe('objectMatchesFields with resource tables', () => {
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'team-a' },
    spec: { nodeName: 'esx-01', restartPolicy: 'Always', serviceAccountName: 'default', containers: [{ name: 'c', image: 'nginx' }] },
    status: { phase: 'Running', podIP: '10.0.0.5', podIPs: [{ ip: '10.0.0.5' }] },
  };
  const pods = fieldGetterFor('pods', '');
  const matches = (s: string): boolean => objectMatchesFields(parseFieldSelector(s, pods.supports), pods, pod);

  it('reads pod fields like upstream ToSelectableFields', () => {
    expect(matches('spec.nodeName=esx-01,status.phase=Running')).toBe(true);
    expect(matches('status.podIP=10.0.0.5')).toBe(true);
    expect(matches('spec.hostNetwork=false')).toBe(true);
    expect(matches('spec.schedulerName=')).toBe(true);
    expect(matches('metadata.namespace=team-a,metadata.name=web-1')).toBe(true);
    expect(matches('status.phase!=Running')).toBe(false);
  });

  it('supports core and events.k8s.io event fields', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web-1.17a', namespace: 'team-a' },
      involvedObject: { kind: 'Pod', namespace: 'team-a', name: 'web-1', uid: 'u-1', apiVersion: 'v1' },
      reason: 'Scheduled',
      type: 'Normal',
      source: { component: 'default-scheduler' },
      reportingComponent: 'default-scheduler',
    };
    const core = fieldGetterFor('events', '');
    const describe = 'involvedObject.name=web-1,involvedObject.namespace=team-a,involvedObject.kind=Pod,involvedObject.uid=u-1';
    expect(objectMatchesFields(parseFieldSelector(describe, core.supports), core, event)).toBe(true);
    expect(objectMatchesFields(parseFieldSelector('source=default-scheduler,type=Normal', core.supports), core, event)).toBe(true);
    const v1 = fieldGetterFor('events', 'events.k8s.io');
    expect(v1.supports('regarding.name')).toBe(true);
    expect(v1.supports('involvedObject.name')).toBe(false);
    const viewed: KubeObject = { ...event, apiVersion: 'events.k8s.io/v1', regarding: event.involvedObject, reportingController: 'default-scheduler' };
    expect(objectMatchesFields(parseFieldSelector('regarding.name=web-1,reportingController=default-scheduler', v1.supports), v1, viewed)).toBe(true);
    expect(objectMatchesFields(parseFieldSelector('regarding.name=web-1', v1.supports), v1, event)).toBe(true);
  });

  it('formats booleans and counts as upstream does', () => {
    const nodes = fieldGetterFor('nodes', '');
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'esx-01' }, spec: {} };
    expect(nodes.get(node, 'spec.unschedulable')).toBe('false');
    expect(nodes.get({ ...node, spec: { unschedulable: true } }, 'spec.unschedulable')).toBe('true');
    const rs = fieldGetterFor('replicasets', 'apps');
    expect(rs.get({ metadata: { name: 'web-abc' }, status: { replicas: 3 } }, 'status.replicas')).toBe('3');
    expect(rs.get({ metadata: { name: 'web-abc' } }, 'status.replicas')).toBe('0');
    const jobs = fieldGetterFor('jobs', 'batch');
    expect(jobs.get({ metadata: { name: 'pi' }, status: { succeeded: 1 } }, 'status.successful')).toBe('1');
    expect(fieldGetterFor('secrets', '').get({ metadata: { name: 's' }, type: 'Opaque' }, 'type')).toBe('Opaque');
    expect(fieldGetterFor('namespaces', '').supports('status.phase')).toBe(true);
    expect(fieldGetterFor('configmaps', '').fields).toEqual(['metadata.name', 'metadata.namespace']);
    expect(fieldGetterFor('configmaps', '').get({ metadata: { name: 'c' } }, 'data.x')).toBeUndefined();
  });

  it('adds CRD selectableFields', () => {
    const vms = fieldGetterFor('virtualmachines', 'vmoperator.glasspane.io', [{ jsonPath: '.spec.powerState' }, { jsonPath: '.spec.cpus' }]);
    const vm: KubeObject = { apiVersion: 'vmoperator.glasspane.io/v1', kind: 'VirtualMachine', metadata: { name: 'vm1' }, spec: { powerState: 'On', cpus: 4 } };
    expect(vms.supports('spec.powerState')).toBe(true);
    expect(objectMatchesFields(parseFieldSelector('spec.powerState=On,spec.cpus=4', vms.supports), vms, vm)).toBe(true);
    expect(fieldGetterFor('virtualmachines', 'vmoperator.glasspane.io').supports('spec.powerState')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { placeErrors } from './field-errors';
import { quotaBars, quotaLabel } from './quota-bars';
import { parseQuotaRefusal, quotaRefusalWords } from './quota-words';
import { APP_BINDINGS, APP_QUOTA_FIELDS, VM_BINDINGS, VM_QUOTA_FIELDS } from './short-forms';
import { QUOTA } from './test-support/fixtures';

describe('quota bars', () => {
  it('reads team-a’s quota status as labelled bars with percentages and spoken text', () => {
    const bars = quotaBars([QUOTA]);
    expect(bars.map((b) => `${b.label}: ${b.text}`)).toEqual([
      'CPU requests: 9.45 / 16 (59%)',
      'CPU limits: 10.9 / 32 (34%)',
      'Memory requests: 20Gi / 64Gi (31%)',
      'Memory limits: 20.9Gi / 128Gi (16%)',
      'Storage, all classes: 10Gi / 500Gi (2%)',
      'Storage, class vsan-default-storage-policy: 10Gi / 500Gi (2%)',
      'Virtual machines: 5 / 10 (50%)',
      'Pods: 8 / 30 (27%)',
      'Services: 6 / 20 (30%)',
    ]);
    expect(bars[0]!.spoken).toBe('CPU requests: 9.45 of 16 used (59%), 6.55 left');
    expect(bars.map((b) => b.group)).toEqual(['CPU', 'CPU', 'Memory', 'Memory', 'Storage', 'Storage', 'Objects', 'Objects', 'Objects']);
  });

  it('marks bars that are nearly or completely used', () => {
    const full = { ...QUOTA, status: { hard: { pods: '10', 'requests.cpu': '4' }, used: { pods: '10', 'requests.cpu': '3500m' } } };
    expect(quotaBars([full]).map((b) => [b.resource, b.tone])).toEqual([['requests.cpu', 'high'], ['pods', 'full']]);
  });

  it('names unknown quota keys sensibly', () => {
    expect(quotaLabel('count/tenants.minio.min.io')).toEqual({ label: 'Count of tenants.minio.min.io', group: 'Objects' });
    expect(quotaLabel('gold.storageclass.storage.k8s.io/persistentvolumeclaims').label).toBe('Volumes, class gold');
  });
});

const ADMISSION_403 = 'pods "huge" is forbidden: exceeded quota: team-a-quota, requested: requests.cpu=40,limits.cpu=40, used: requests.cpu=10750m,limits.cpu=14400m, limited: requests.cpu=16,limits.cpu=32';

describe('quota refusals in plain words', () => {
  it('parses what was asked, used and the limit', () => {
    expect(parseQuotaRefusal(ADMISSION_403)).toEqual([
      { quota: 'team-a-quota', resource: 'requests.cpu', requested: 40, used: 10.75, limit: 16, over: 34.75 },
      { quota: 'team-a-quota', resource: 'limits.cpu', requested: 40, used: 14.4, limit: 32, over: 22.4 },
    ]);
    expect(quotaRefusalWords(ADMISSION_403)).toBe('The quota team-a-quota does not allow it: requests.cpu would be 50.75, 34.75 over the quota of 16; limits.cpu would be 54.4, 22.4 over the quota of 32.');
    expect(quotaRefusalWords('something else')).toBeUndefined();
  });
});

describe('server refusals next to their fields', () => {
  it('puts a 422 cause at the field that writes its path', () => {
    const placed = placeErrors(
      { kind: 'VirtualMachine', message: 'The server refused the object', problems: [{ message: 'spec.powerState: Unsupported value: "Sideways": supported values: "PoweredOff", "PoweredOn", "Suspended"', path: ['spec', 'powerState'] }, { message: 'spec.image.name: Required value', path: ['spec', 'image', 'name'] }] },
      VM_BINDINGS,
    );
    expect(placed).toEqual({ fields: { power: ['Unsupported value: "Sideways": supported values: "PoweredOff", "PoweredOn", "Suspended"'], image: ['Required value'] }, general: [] });
  });

  it('keeps problems without a field for the form as a whole', () => {
    const placed = placeErrors({ kind: 'VirtualMachine', message: 'You may not make this change', problems: [{ message: 'admission webhook denied the request' }] }, VM_BINDINGS);
    expect(placed).toEqual({ fields: {}, general: ['admission webhook denied the request'] });
  });

  it('puts a quota refusal at the field that drives the exceeded resource', () => {
    const message = `You may not make this change: ${ADMISSION_403}`;
    const placed = placeErrors({ kind: 'Deployment', message, problems: [{ message: ADMISSION_403 }] }, APP_BINDINGS, APP_QUOTA_FIELDS);
    expect(placed.fields.replicas).toEqual(['Over the quota team-a-quota: requests.cpu would be 50.75, 34.75 over the quota of 16.', 'Over the quota team-a-quota: limits.cpu would be 54.4, 22.4 over the quota of 32.']);
    expect(placeErrors({ kind: 'VirtualMachine', message, problems: [] }, VM_BINDINGS, VM_QUOTA_FIELDS).fields.class).toHaveLength(2);
  });
});

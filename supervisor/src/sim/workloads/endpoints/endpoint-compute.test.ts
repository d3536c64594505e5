import { describe, expect, it } from 'vitest';
import { pod } from '../kit/fixtures.test-util';
import type { Pod } from '../kit/types';
import { endpointSubsets, findPort, sliceGroups, type Service } from './endpoint-compute';

function service(extra: Partial<NonNullable<Service['spec']>> = {}): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'team-a', uid: 'svc-uid' },
    spec: { selector: { app: 'web' }, clusterIP: '10.96.12.34', ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }], ...extra },
  };
}

const zones: Record<string, string> = { 'esxi-01.vsphere.local': 'zone-a', 'esxi-03.vsphere.local': 'zone-b' };
const zoneOf = (n: string) => zones[n];

describe('Endpoints', () => {
  it('lists ready pods as addresses and unready ones as notReadyAddresses, sorted by IP', () => {
    const pods = [
      pod('web-2', { node: 'esxi-03.vsphere.local', ready: true, ip: '10.244.1.20' }),
      pod('web-1', { node: 'esxi-01.vsphere.local', ready: true, ip: '10.244.0.9' }),
      pod('web-3', { node: 'esxi-01.vsphere.local', ready: false, ip: '10.244.0.30' }),
      pod('web-4', { ready: false }),
      pod('web-5', { node: 'esxi-01.vsphere.local', ready: true, ip: '10.244.0.31', deleting: true }),
      pod('web-6', { node: 'esxi-01.vsphere.local', phase: 'Succeeded', ip: '10.244.0.32' }),
    ];
    expect(endpointSubsets(service(), pods)).toEqual([
      {
        addresses: [
          { ip: '10.244.0.9', nodeName: 'esxi-01.vsphere.local', targetRef: { kind: 'Pod', namespace: 'team-a', name: 'web-1', uid: 'web-1-uid' } },
          { ip: '10.244.1.20', nodeName: 'esxi-03.vsphere.local', targetRef: { kind: 'Pod', namespace: 'team-a', name: 'web-2', uid: 'web-2-uid' } },
        ],
        notReadyAddresses: [{ ip: '10.244.0.30', nodeName: 'esxi-01.vsphere.local', targetRef: { kind: 'Pod', namespace: 'team-a', name: 'web-3', uid: 'web-3-uid' } }],
        ports: [{ name: 'http', port: 80, protocol: 'TCP' }],
      },
    ]);
  });

  it('resolves named target ports per pod and groups pods by the ports they offer', () => {
    const a = pod('a', { node: 'n', ready: true, ip: '10.244.0.2' });
    const b = pod('b', { node: 'n', ready: true, ip: '10.244.0.3' });
    b.spec!.containers![0]!.ports = [{ name: 'http', containerPort: 8080, protocol: 'TCP' }];
    expect(findPort(a, { port: 80, targetPort: 'http' })).toBe(80);
    expect(findPort(a, { port: 80, targetPort: 'http', protocol: 'UDP' })).toBeUndefined();
    expect(findPort(a, { port: 80, targetPort: 9000 })).toBe(9000);
    const subsets = endpointSubsets(service(), [a, b]);
    expect(subsets.map((s) => [s.addresses?.map((x) => x.ip), s.ports?.[0]?.port])).toEqual([
      [['10.244.0.2'], 80],
      [['10.244.0.3'], 8080],
    ]);
  });

  it('sets hostnames for pods in the headless service\'s subdomain', () => {
    const p: Pod = pod('redis-0', { node: 'n', ready: true, ip: '10.244.2.4' });
    p.spec!.hostname = 'redis-0';
    p.spec!.subdomain = 'web';
    expect(endpointSubsets(service({ clusterIP: 'None' }), [p])[0]?.addresses?.[0]?.hostname).toBe('redis-0');
  });
});

describe('EndpointSlices', () => {
  it('carries every pod with an IP with ready/serving/terminating conditions and its zone, ordered by IP string', () => {
    const pods = [
      pod('web-1', { node: 'esxi-01.vsphere.local', ready: true, ip: '10.244.0.9' }),
      pod('web-3', { node: 'esxi-03.vsphere.local', ready: false, ip: '10.244.1.30' }),
      pod('web-5', { node: 'esxi-01.vsphere.local', ready: true, ip: '10.244.0.31', deleting: true }),
    ];
    const [group, ...rest] = sliceGroups(service(), pods, zoneOf);
    expect(rest).toEqual([]);
    expect(group?.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(group?.endpoints).toEqual([
      { addresses: ['10.244.0.31'], conditions: { ready: false, serving: true, terminating: true }, nodeName: 'esxi-01.vsphere.local', targetRef: { kind: 'Pod', namespace: 'team-a', name: 'web-5', uid: 'web-5-uid' }, zone: 'zone-a' },
      { addresses: ['10.244.0.9'], conditions: { ready: true, serving: true, terminating: false }, nodeName: 'esxi-01.vsphere.local', targetRef: { kind: 'Pod', namespace: 'team-a', name: 'web-1', uid: 'web-1-uid' }, zone: 'zone-a' },
      { addresses: ['10.244.1.30'], conditions: { ready: false, serving: false, terminating: false }, nodeName: 'esxi-03.vsphere.local', targetRef: { kind: 'Pod', namespace: 'team-a', name: 'web-3', uid: 'web-3-uid' }, zone: 'zone-b' },
    ]);
  });

  it('splits more than 100 endpoints over several slices', () => {
    const pods = Array.from({ length: 150 }, (_, i) => pod(`web-${i}`, { node: 'n', ready: true, ip: `10.244.${Math.floor(i / 200)}.${i + 1}` }));
    expect(sliceGroups(service(), pods, zoneOf).map((g) => g.endpoints.length)).toEqual([100, 50]);
  });
});

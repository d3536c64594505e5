import { describe, expect, it } from 'vitest';
import { allocateIp, allocateVip, macAddress, moid, segmentFor, uuidFrom } from './identity';
import { vmiName } from './publish-controller';

describe('simulated vSphere identities', () => {
  it('are deterministic and shaped like vCenter\'s', () => {
    expect(moid('vm', 'uid-1')).toBe(moid('vm', 'uid-1'));
    expect(moid('vm', 'uid-1')).toMatch(/^vm-\d{4,5}$/);
    expect(macAddress('uid-1/eth0')).toMatch(/^00:50:56:[0-3][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
    expect(uuidFrom('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(vmiName('e1968c25-dd84-4506-8dc7-9beacb6b688e')).toBe('vmi-0a0044d7c690bcbea');
  });

  it('hands out addresses from the namespace segment, skipping taken ones', () => {
    const seg = segmentFor('team-a');
    expect(seg.prefix).toBe(20);
    const first = allocateIp('team-a', 'web-01/eth0', new Set());
    expect(first.startsWith(seg.gateway.split('.').slice(0, 2).join('.'))).toBe(true);
    const second = allocateIp('team-a', 'web-01/eth0', new Set([first]));
    expect(second).not.toBe(first);
    expect(allocateVip('team-a/web', new Set())).toMatch(/^192\.168\.100\.\d+$/);
  });
});

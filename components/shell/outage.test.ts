import { describe, expect, it } from 'vitest';
import { nextOutage, RECOVERY_MS, settleOutage, type Outage } from './outage';

const down = (since: number, reason = 'connect ECONNREFUSED 127.0.0.1:6443') => ({ connected: false as const, since, reason });
const up = { connected: true as const };

describe('outage tracking', () => {
  it('starts at the first failure and keeps that time through reconnect attempts', () => {
    let o: Outage | undefined = nextOutage(undefined, down(1_000), 1_000);
    expect(o).toEqual({ since: 1_000, reason: 'connect ECONNREFUSED 127.0.0.1:6443' });
    o = nextOutage(o, up, 2_000);
    expect(o).toMatchObject({ since: 1_000, upAt: 2_000 });
    o = nextOutage(o, down(2_050, 'the watch stream ended'), 2_050);
    expect(o).toEqual({ since: 1_000, reason: 'the watch stream ended' });
    expect(settleOutage(o, 60_000)).toBe(o);
  });

  it('ends once live data has flowed for the recovery time', () => {
    let o = nextOutage(undefined, down(1_000), 1_000);
    o = nextOutage(o, up, 5_000);
    expect(settleOutage(o, 5_000 + RECOVERY_MS - 1)).toBe(o);
    expect(settleOutage(o, 5_000 + RECOVERY_MS)).toBeUndefined();
  });

  it('is nothing while connected', () => {
    expect(nextOutage(undefined, up, 1_000)).toBeUndefined();
  });
});

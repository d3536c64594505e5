import { describe, expect, it } from 'vitest';
import { profileForImage, HARD_POWER_OFF_MS } from './guest-os';
import { decidePower, guestPhase, opResult, type PowerFacts } from './power-plan';

const ubuntu = profileForImage({ metadata: { name: 'vmi-x' }, status: { osInfo: { type: 'ubuntu64Guest', version: '22.04' } } });
const facts = (f: Partial<PowerFacts>): PowerFacts => ({
  desired: 'PoweredOn',
  observed: 'PoweredOn',
  toolsRunning: true,
  restartRequested: false,
  powerOffMode: 'TrySoft',
  suspendMode: 'TrySoft',
  restartMode: 'TrySoft',
  profile: ubuntu,
  ...f,
});

describe('power plan', () => {
  it('picks the guest OS profile from the image', () => {
    expect(ubuntu).toMatchObject({ family: 'ubuntu', guestID: 'ubuntu64Guest' });
    expect(profileForImage({ metadata: {}, status: { osInfo: { type: 'windows2019srvNext_64Guest' } } }).family).toBe('windows');
    expect(profileForImage({ metadata: {}, status: { osInfo: { type: 'vmwarePhoton64Guest' } } }).family).toBe('photon');
  });

  it('powers on and resumes', () => {
    expect(decidePower(facts({ observed: 'PoweredOff' }))).toMatchObject({ kind: 'start', op: 'PoweringOn' });
    expect(decidePower(facts({ observed: 'Suspended' }))).toMatchObject({ kind: 'start', op: 'Resuming' });
    expect(decidePower(facts({}))).toEqual({ kind: 'none' });
  });

  it('powers off softly through VM Tools, which takes longer than hard', () => {
    const soft = decidePower(facts({ desired: 'PoweredOff', powerOffMode: 'Soft' }));
    const hard = decidePower(facts({ desired: 'PoweredOff', powerOffMode: 'Hard' }));
    expect(soft).toEqual({ kind: 'start', op: 'PoweringOff', mode: 'Soft', durationMs: ubuntu.shutdownMs });
    expect(hard).toEqual({ kind: 'start', op: 'PoweringOff', mode: 'Hard', durationMs: HARD_POWER_OFF_MS });
    expect(ubuntu.shutdownMs).toBeGreaterThan(HARD_POWER_OFF_MS);
  });

  it('falls back to Hard for TrySoft without VM Tools, and blocks Soft', () => {
    expect(decidePower(facts({ desired: 'PoweredOff', toolsRunning: false }))).toMatchObject({ mode: 'Hard' });
    expect(decidePower(facts({ desired: 'PoweredOff', toolsRunning: false, powerOffMode: 'Soft' }))).toEqual({
      kind: 'blocked',
      message: 'Cannot complete operation because VMware Tools is not running in this virtual machine.',
    });
  });

  it('restarts when asked and suspends', () => {
    expect(decidePower(facts({ restartRequested: true, restartMode: 'Hard' }))).toMatchObject({ op: 'Restarting', mode: 'Hard' });
    expect(decidePower(facts({ desired: 'Suspended', suspendMode: 'Soft' }))).toMatchObject({ op: 'Suspending', mode: 'Soft' });
    expect(decidePower(facts({ desired: 'Suspended', observed: 'PoweredOff' }))).toEqual({ kind: 'none' });
    expect(decidePower(facts({ desired: 'PoweredOff', observed: 'Suspended' }))).toMatchObject({ op: 'PoweringOff', mode: 'Hard' });
    expect(opResult('Restarting')).toEqual({ state: 'PoweredOn', boots: true });
    expect(opResult('Resuming')).toEqual({ state: 'PoweredOn', boots: false });
  });

  it('boots the guest in stages: tools, then an IP, then cloud-init', () => {
    expect(guestPhase(ubuntu, 0)).toEqual({ toolsRunning: false, hasIp: false, bootstrapDone: false, nextAtMs: ubuntu.toolsMs });
    expect(guestPhase(ubuntu, ubuntu.toolsMs)).toMatchObject({ toolsRunning: true, hasIp: false, nextAtMs: ubuntu.ipMs });
    expect(guestPhase(ubuntu, ubuntu.bootstrapMs)).toEqual({ toolsRunning: true, hasIp: true, bootstrapDone: true, nextAtMs: undefined });
  });
});

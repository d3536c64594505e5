import { describe, expect, it } from 'vitest';
import { decideSync } from '../spherelet/sync-decision';
import { hostIP } from '../spherelet/host-view';
import { scaleNode, scalePod, settleScalePod } from './scale-objects';

/**
 * The scale seed writes pods the spherelet will not touch: taking one over later (after a
 * restart, with no memory of it) writes no status, adds no annotation and records no event.
 */
describe('settleScalePod', () => {
  it('leaves nothing for the spherelet to do', () => {
    const node = scaleNode('esxi-101.vsphere.local', 0);
    const seededAt = Date.parse('2026-11-26T05:00:00Z');
    const started = new Date(seededAt - 3600_000).toISOString().replace(/\.\d+Z$/, 'Z');
    for (const i of [0, 7, 4242]) {
      const pod = settleScalePod(scalePod('scale-001', i, node.metadata.name!, started), node, seededAt, 1);
      expect(pod.status).toMatchObject({ phase: 'Running', hostIP: hostIP(node) });
      expect(Object.keys(pod.metadata.annotations ?? {}).length).toBeGreaterThan(0);
      const later = decideSync(pod, { now: seededAt + 90_000, scale: 1, hostIP: hostIP(node), podIP: (pod.status as { podIP: string }).podIP });
      expect(later.status).toBeUndefined();
      expect(later.annotations ?? {}).toEqual({});
      expect(later.events).toEqual([]);
    }
  });
});

/**
 * Figure 6, the server side: resident memory of a process and all its descendants, read from
 * /proc (the parent links of /proc/<pid>/stat, and VmRSS of /proc/<pid>/status). A sampler
 * reads it once a second for the whole measuring phase and keeps the peak and the last value.
 * Linux only; elsewhere every reading is NaN.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Every descendant of `root`, and `root` itself. */
function processTree(/** @type {number} */ root) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(/** @type {number} */ (out[i])) ?? []));
  return out;
}

/** Resident bytes of the process tree under `pid` (NaN when it cannot be read). */
export function treeRssBytes(/** @type {number} */ pid) {
  try {
    let kib = 0;
    for (const p of processTree(pid)) {
      try {
        kib += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      } catch {
        // Gone.
      }
    }
    return kib * 1024;
  } catch {
    return Number.NaN;
  }
}

/**
 * Samples `treeRssBytes` of each named pid every `intervalMs` until stopped.
 * @param {Record<string, number>} pids
 */
export function startRssSampler(pids, intervalMs = 1000) {
  /** @type {Record<string, { peakBytes: number, lastBytes: number, samples: number }>} */
  const stats = Object.fromEntries(Object.keys(pids).map((k) => [k, { peakBytes: 0, lastBytes: Number.NaN, samples: 0 }]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const bytes = treeRssBytes(pid);
      const s = /** @type {(typeof stats)[string]} */ (stats[name]);
      if (!Number.isFinite(bytes) || bytes === 0) continue;
      s.peakBytes = Math.max(s.peakBytes, bytes);
      s.lastBytes = bytes;
      s.samples++;
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      return stats;
    },
  };
}

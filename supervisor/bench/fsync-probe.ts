import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { summarize } from './stats';

/**
 * A machine fact that explains durable-write figures: how long a 4 KiB write + fdatasync takes on
 * the file system holding the server's data directory (the floor under every acknowledged write).
 */
export interface FsyncFacts {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

export function fsyncProbe(dir: string, durationMs = 1500): FsyncFacts {
  const file = path.join(dir, 'fsync-probe.bin');
  const fd = fs.openSync(file, 'w');
  const buf = Buffer.alloc(4096, 7);
  const samples: number[] = [];
  try {
    const end = performance.now() + durationMs;
    for (let i = 0; performance.now() < end; i++) {
      const t = performance.now();
      fs.writeSync(fd, buf, 0, buf.length, (i % 64) * buf.length);
      fs.fdatasyncSync(fd);
      samples.push(performance.now() - t);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  const s = summarize(samples);
  return { samples: s.count, p50: s.p50, p99: s.p99, max: s.max };
}

import { parseArgs } from 'node:util';

/**
 * Command-line options of `npm run bench:supervisor -- [options]`. Defaults are the figures the
 * benchmark is specified with; the flags exist to shrink runs and to profile one phase at a time.
 */
export type Phase = 'creates' | 'list' | 'watch';

export interface BenchOptions {
  creates: number;
  concurrency: number;
  pods: number;
  listRepeats: number;
  watchers: number;
  rate: number;
  durationSec: number;
  phases: Set<Phase>;
  /** Run the server with --cpu-prof into this directory (kept after the run). */
  cpuProf: boolean;
  keep: boolean;
}

export const USAGE = `usage: npm run bench:supervisor -- [--creates 5000] [--concurrency 32] [--pods 10000] [--list-repeats 7]
       [--watchers 50] [--rate 500] [--duration 10] [--only creates,list,watch] [--cpu-prof] [--keep]`;

function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got "${raw}")`);
  return n;
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      creates: { type: 'string' },
      concurrency: { type: 'string' },
      pods: { type: 'string' },
      'list-repeats': { type: 'string' },
      watchers: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      only: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const phases = new Set<Phase>();
  for (const p of (values.only ?? 'creates,list,watch').split(',').map((s) => s.trim())) {
    if (p !== 'creates' && p !== 'list' && p !== 'watch') throw new Error(`--only takes creates, list and/or watch (got "${p}")`);
    phases.add(p);
  }
  return {
    creates: Math.round(positive('creates', values.creates, 5000)),
    concurrency: Math.round(positive('concurrency', values.concurrency, 32)),
    pods: Math.round(positive('pods', values.pods, 10_000)),
    listRepeats: Math.round(positive('list-repeats', values['list-repeats'], 7)),
    watchers: Math.round(positive('watchers', values.watchers, 50)),
    rate: positive('rate', values.rate, 500),
    durationSec: positive('duration', values.duration, 10),
    phases,
    cpuProf: values['cpu-prof'] ?? false,
    keep: values.keep ?? false,
  };
}

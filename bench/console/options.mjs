/**
 * Command-line options of `node bench/console/bench.mjs [options]`. The defaults are the
 * inventory the benchmark is specified with: about 100,000 objects, one namespace (scale-001)
 * holding 10,000 pods. The scale seed spreads pods, VMs and services round-robin over its
 * namespaces (supervisor/src/sim/seed/scale-seed.ts), so pods = 10,000 x namespaces.
 */
import { parseArgs } from 'node:util';

export const USAGE = `usage: node bench/console/bench.mjs [--namespaces 2] [--pods 20000] [--vms 79900] [--services 100]
       [--repeats 3] [--live-samples 10] [--only overview,tree,list,live] [--json <file>] [--verbose]`;

const PARTS = ['overview', 'tree', 'list', 'live'];

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @param {number} fallback
 * @param {number} [min]
 */
function count(name, raw, fallback, min = 1) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got "${raw}")`);
  return n;
}

/**
 * @param {string[]} argv
 * @returns {{ namespaces: number, pods: number, vms: number, services: number, repeats: number,
 *   liveSamples: number, parts: Set<string>, json: string | undefined, verbose: boolean }}
 */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      namespaces: { type: 'string' },
      pods: { type: 'string' },
      vms: { type: 'string' },
      services: { type: 'string' },
      repeats: { type: 'string' },
      'live-samples': { type: 'string' },
      only: { type: 'string' },
      json: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const parts = new Set((values.only ?? PARTS.join(',')).split(',').map((s) => s.trim()));
  for (const p of parts) if (!PARTS.includes(p)) throw new Error(`--only takes ${PARTS.join(', ')} (got "${p}")`);
  return {
    namespaces: count('namespaces', values.namespaces, 2),
    pods: count('pods', values.pods, 20_000),
    vms: count('vms', values.vms, 79_900, 0),
    services: count('services', values.services, 100, 0),
    repeats: count('repeats', values.repeats, 3),
    liveSamples: count('live-samples', values['live-samples'], 10),
    parts,
    json: values.json,
    verbose: values.verbose ?? false,
  };
}

/** The namespace the scale seed names first; it holds pods / namespaces pods. */
export const BIG_NAMESPACE = 'scale-001';

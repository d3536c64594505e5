/**
 * Command-line options of `node bench/console/bench.mjs [options]` (`npm run bench -- ...`).
 * The defaults are the inventory the benchmark is specified with: 50 namespaces, 10,000 VMs
 * (1,000 of them in the first namespace), 30,000 pods, 1,000 operator-backed service instances
 * (finished TFJobs), 32 hosts; core Services only on request. `--quick` is
 * a small inventory and short phases for a run of under two minutes; explicit options still
 * override it. Invalid options throw; `--help` throws USAGE.
 */
import { parseArgs } from 'node:util';

export const USAGE = `usage: npm run bench -- [--quick] [options]
  inventory:  --namespaces N (50) --vms N (10000) --big-namespace-vms N (1000) --pods N (30000)
              --service-instances N (1000: operator-backed, TFJobs) --services N (0: core Services)
  phases:     --repeats N (3) --live-rate N changes/s (200) --live-seconds N (60) --proxy-samples N (30)
              --timeout S: how long a figure may take before it is "not reached" (30)
              --only load,tree,find,list,proxy,live (all)
  output:     --out DIR (bench/results) --verbose (server output)
  --quick:    5 namespaces, 1,400 VMs (1,000 in the first), 3,000 pods, 100 service instances,
              1 repeat, 10 s of live updates, 10 s timeout`;

export const PARTS = ['load', 'tree', 'find', 'list', 'proxy', 'live'];

const FULL = { namespaces: 50, vms: 10_000, bigNamespaceVms: 1_000, pods: 30_000, serviceInstances: 1_000, services: 0, repeats: 3, liveRate: 200, liveSeconds: 60, proxySamples: 30, timeoutS: 30 };
const QUICK = { namespaces: 5, vms: 1_400, bigNamespaceVms: 1_000, pods: 3_000, serviceInstances: 100, services: 0, repeats: 1, liveRate: 200, liveSeconds: 10, proxySamples: 30, timeoutS: 10 };

/**
 * @param {string} name
 * @param {string | undefined} raw
 * @param {number} fallback
 * @param {number} min
 */
function count(name, raw, fallback, min) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min} (got "${raw}")`);
  return n;
}

/**
 * @typedef {typeof FULL & { quick: boolean, parts: Set<string>, out: string, verbose: boolean }} Options
 * @param {string[]} argv
 * @returns {Options}
 */
export function parseOptions(argv) {
  const flags = ['namespaces', 'vms', 'big-namespace-vms', 'pods', 'service-instances', 'services', 'repeats', 'live-rate', 'live-seconds', 'proxy-samples', 'timeout', 'only', 'out'];
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(flags.map((f) => [f, { type: /** @type {const} */ ('string') }])),
      quick: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) throw new Error(USAGE);
  const base = values.quick ? QUICK : FULL;
  /** @type {(name: string) => string | undefined} */
  const raw = (name) => /** @type {string | undefined} */ (values[name]);
  const parts = new Set((raw('only') ?? PARTS.join(',')).split(',').map((s) => s.trim()));
  for (const p of parts) if (!PARTS.includes(p)) throw new Error(`--only takes ${PARTS.join(', ')} (got "${p}")`);
  const opts = {
    namespaces: count('namespaces', raw('namespaces'), base.namespaces, 2),
    vms: count('vms', raw('vms'), base.vms, 1),
    bigNamespaceVms: count('big-namespace-vms', raw('big-namespace-vms'), base.bigNamespaceVms, 1),
    pods: count('pods', raw('pods'), base.pods, 1),
    serviceInstances: count('service-instances', raw('service-instances'), base.serviceInstances, 0),
    services: count('services', raw('services'), base.services, 0),
    repeats: count('repeats', raw('repeats'), base.repeats, 1),
    liveRate: count('live-rate', raw('live-rate'), base.liveRate, 1),
    liveSeconds: count('live-seconds', raw('live-seconds'), base.liveSeconds, 1),
    proxySamples: count('proxy-samples', raw('proxy-samples'), base.proxySamples, 1),
    timeoutS: count('timeout', raw('timeout'), base.timeoutS, 1),
    quick: Boolean(values.quick),
    parts,
    out: raw('out') ?? 'bench/results',
    verbose: Boolean(values.verbose),
  };
  if (opts.bigNamespaceVms > opts.vms) throw new Error(`--big-namespace-vms (${opts.bigNamespaceVms}) cannot exceed --vms (${opts.vms})`);
  return opts;
}

/** The seed's arguments for these options (supervisor/src/sim/seed/scale-seed.ts). */
export function seedArgs(/** @type {Options} */ o) {
  return ['--namespaces', o.namespaces, '--vms', o.vms, '--big-namespace-vms', o.bigNamespaceVms, '--pods', o.pods, '--service-instances', o.serviceInstances, '--services', o.services].map(String);
}

/**
 * The run's record: the machine it ran on, the Markdown report (also printed), and the files in
 * the results directory (git-ignored): `console-<timestamp>.json` and `.md`, and copies as
 * `latest.json` / `latest.md`. The previous `latest.json` is read before it is replaced, and its
 * figures fill the comparison column (matched by row key).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { round } from './stats.mjs';

const loadAverage = () => os.loadavg().map((v) => Number(v.toFixed(2)));

function osName() {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) return `${pretty} (${os.type()} ${os.release()})`;
  } catch {
    // Not Linux, or no os-release.
  }
  return `${os.type()} ${os.release()}`;
}

export function machine() {
  const cpus = os.cpus();
  return { cpuModel: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, ramGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)), os: osName(), node: process.version, loadAverageAtStart: loadAverage() };
}

export const endLoadAverage = loadAverage;

/** The previous run's document, if any. */
export function readPrevious(/** @type {string} */ dir) {
  const file = path.join(dir, 'latest.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const cell = (/** @type {string} */ v) => v.replaceAll('|', '\\|');

/**
 * @param {any} results
 * @param {import('./report.mjs').Row[]} table
 * @param {any} previous
 */
export function markdown(results, table, previous) {
  const m = results.machine;
  const before = new Map((previous?.rows ?? []).map((/** @type {import('./report.mjs').Row} */ r) => [r.key, r.value]));
  const inv = (/** @type {any} */ o) => `${o.namespaces} namespaces, ${o.vms} VMs (${o.bigNamespaceVms} in the first), ${o.pods} pods, ${o.serviceInstances ?? 0} service instances, ${o.services} services`;
  const sameInventory = previous && inv(previous.options) === inv(results.options);
  const judged = table.filter((r) => r.verdict);
  const missed = judged.filter((r) => r.verdict === 'MISS').map((r) => r.figure.trim().replace(/ \((median|geometric).*\)$/, ''));
  return [
    `## Console benchmark, ${results.startedAt}${results.options.quick ? ' (--quick)' : ''}`,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.ramGiB} GiB RAM, ${m.os}, Node ${m.node}, Chromium ${results.setup?.chromium ?? '?'}; load average ${m.loadAverageAtStart.join(' ')} at the start, ${m.loadAverageAtEnd?.join(' ') ?? '?'} at the end.`,
    `Inventory: ${inv(results.options)}. Repeats ${results.options.repeats}; live ${results.options.liveRate}/s for ${results.options.liveSeconds} s; timeout ${results.options.timeoutS} s.`,
    previous ? `Previous run: ${previous.startedAt}${previous.options?.quick ? ' (--quick)' : ''}${sameInventory ? '' : ` with a different inventory (${inv(previous.options)}): compare with care`}.` : 'Previous run: none.',
    '',
    '| Figure | Measured | Goal | | Previous |',
    '| --- | --- | --- | --- | --- |',
    ...table.map((r) => `| ${cell(r.figure.replace(/^ {2}/, '· '))} | ${cell(r.value)} | ${cell(r.goal)} | ${r.verdict} | ${cell(before.get(r.key) ?? '')} |`),
    '',
    missed.length === 0 ? `Goals: all ${judged.length} met.` : `Goals: ${judged.length - missed.length} of ${judged.length} met; missed: ${missed.join('; ')}.`,
    ...(results.failures.length ? ['', `Could not measure: ${results.failures.join('; ')}.`] : []),
    '',
  ].join('\n');
}

/**
 * Writes the timestamped files and the `latest` copies; returns the JSON file's path.
 * @param {string} dir
 * @param {any} results
 * @param {string} md
 */
export function writeResults(dir, results, md) {
  mkdirSync(dir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, (_k, v) => (typeof v === 'number' ? round(v) : v), 2)}\n`;
  const base = path.join(dir, `console-${stamp}`);
  for (const [file, text] of [[`${base}.json`, json], [`${base}.md`, md], [path.join(dir, 'latest.json'), json], [path.join(dir, 'latest.md'), md]]) writeFileSync(/** @type {string} */ (file), /** @type {string} */ (text));
  return `${base}.json`;
}

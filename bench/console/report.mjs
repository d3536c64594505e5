/**
 * Turns the measured figures into the printed Markdown table (figure, measured, goal, verdict)
 * and the JSON document `--json` writes. Missed goals are reported, never thrown: the benchmark
 * fails only when it cannot run.
 */
import { writeFileSync } from 'node:fs';
import { bytes, ms, round } from './stats.mjs';

/** @typedef {{ figure: string, value: string, goal: string, verdict: 'PASS' | 'MISS' | '' }} Row */

const judge = (/** @type {boolean} */ ok) => (ok ? 'PASS' : 'MISS');
/** @returns {Row} */
const info = (figure, value) => ({ figure, value, goal: '', verdict: '' });
/** The biggest lists a page fetched: "path 12.3 MiB (1.1 MiB gzip) in 2.1 s; ...". */
const fetched = (list) => list.slice(0, 3).map((q) => `${q.path} ${bytes(q.bytes)} (${bytes(q.wireBytes)} on the wire) at ${ms(q.startMs)}-${ms(q.endMs)}`).join('; ');
/** "median / max" of a summary. */
const mm = (s) => `${ms(s.median)} / ${ms(s.max)}`;

/**
 * @param {any} r the results document (see bench.mjs)
 * @returns {Row[]}
 */
export function rows(r) {
  /** @type {Row[]} */
  const out = [];
  const s = r.setup;
  out.push(info('Inventory seeded', `${s.seedSummary}`));
  out.push(info('  seed time (supervisor) / start to seeded', `${ms(s.seedMs)} / ${ms(s.supervisorStartMs)}`));
  out.push(info('  controllers settled after the seed', s.settle.settled ? ms(s.settle.seconds * 1000) : `not within ${Math.round(s.settle.seconds)} s (measured anyway)`));
  out.push(info('  console start / build', `${ms(s.consoleStartMs)} / ${s.built ? 'rebuilt' : 'up to date'}`));
  const o = r.overview;
  if (o) {
    out.push({ figure: `Overview: h1 visible (median / max of ${o.h1Ms.n})`, value: mm(o.h1Ms), goal: '< 1 s', verdict: judge(o.h1Ms.median < 1000) });
    out.push(info('  count tiles filled (median / max)', mm(o.countsMs)));
    out.push(info('  cluster-wide pod list arrived (median)', `${ms(o.podsListDoneMs.median)}; h1 came first: ${o.h1BeforePodList ? 'yes' : 'NO'}`));
    out.push(info('  totals shown', Object.entries(o.totals).map(([k, v]) => `${k} ${v}`).join(', ')));
    if (o.heap) out.push(info('  JS heap used (after GC) / DOM nodes', `${bytes(o.heap.usedBytes)} (${bytes(o.heap.usedAfterGcBytes)}) / ${o.heap.domNodes}`));
    if (o.largestRequests.length) out.push(info('  largest lists fetched (last run)', fetched(o.largestRequests)));
  }
  const t = r.tree;
  if (t) {
    out.push(info(`Tree: "${r.namespace}" row visible after load (median / max)`, mm(t.namespacesVisibleMs)));
    out.push(info('  expand namespace: first child row, any (median / max)', mm(t.firstChildMs)));
    out.push({ figure: '  expand namespace: its groups shown (median / max)', value: mm(t.groupsMs), goal: '< 1 s', verdict: judge(t.groupsMs.median < 1000) });
    out.push({ figure: '  expand "vSphere Pods": first pods (median / max)', value: mm(t.firstPodsMs), goal: '< 1 s', verdict: judge(t.firstPodsMs.median < 1000) });
    out.push({ figure: '  treeitems in the DOM, pods group open / after End', value: `${t.domItems.afterPods} / ${t.domItems.afterEnd}`, goal: '< 200', verdict: judge(Math.max(t.domItems.afterPods, t.domItems.afterEnd) < 200) });
    out.push(info('  End: last row focused and in view (median / max)', `${mm(t.endMs)} (${t.domItems.lastLabel})`));
    if (t.largestRequests.length) out.push(info('  largest lists fetched (last run)', fetched(t.largestRequests)));
    if (t.pendingAtGroups.length) out.push(info('  still loading when the groups showed', t.pendingAtGroups.join(', ')));
  }
  const l = r.list;
  if (l) {
    out.push({ figure: `List of ${l.dom.allRows - 1} pods: first row (median / max)`, value: mm(l.firstRowMs), goal: '< 2 s', verdict: judge(l.firstRowMs.median < 2000) });
    out.push(info(`  all ${l.dom.allRows - 1} rows listed (median / max); ${l.dom.ariaRowCount - 1} at the first row`, mm(l.allRowsMs)));
    out.push({ figure: '  rows in the DOM / aria-rowcount (top; bottom)', value: `${l.dom.rows} / ${l.dom.ariaRowCount}; ${l.dom.rowsAtBottom}`, goal: '< 200', verdict: judge(Math.max(l.dom.rows, l.dom.rowsAtBottom) < 200) });
    out.push(info('  scroll to bottom: last row shown (median / max)', mm(l.scrollToBottomMs)));
    if (l.heap) out.push(info('  JS heap used (after GC) / DOM nodes', `${bytes(l.heap.usedBytes)} (${bytes(l.heap.usedAfterGcBytes)}) / ${l.heap.domNodes}`));
    if (l.largestRequests.length) out.push(info('  largest lists fetched (last run)', fetched(l.largestRequests)));
    if (l.pendingAtFirstRow.length) out.push(info('  still loading at the first row (last run)', l.pendingAtFirstRow.join(', ')));
  }
  const v = r.live;
  if (v) {
    out.push({ figure: `Live update: pod created -> row shown (p50 / p95 / max of ${v.latencyMs.n})`, value: `${ms(v.latencyMs.median)} / ${ms(v.latencyMs.p95)} / ${ms(v.latencyMs.max)}`, goal: 'p95 < 2 s', verdict: judge(v.latencyMs.p95 < 2000) });
    out.push(info('  of which the POST (p50 / max)', `${ms(v.ackMs.median)} / ${ms(v.ackMs.max)}`));
  }
  return out;
}

/** A GitHub-flavoured Markdown table; `|` in values is escaped. */
export function formatMarkdown(list) {
  const cell = (/** @type {string} */ v) => v.replaceAll('|', '\\|');
  return [
    '| Figure | Measured | Goal | |',
    '| --- | --- | --- | --- |',
    // Sub-figures are indented with two spaces in `rows`; Markdown would drop that, so mark them.
    ...list.map((row) => `| ${cell(row.figure.replace(/^ {2}/, '· '))} | ${cell(row.value)} | ${cell(row.goal)} | ${row.verdict} |`),
  ].join('\n');
}

/** One line: how many goals passed, and which missed. */
export function goalLine(list) {
  const judged = list.filter((row) => row.verdict !== '');
  const missed = judged.filter((row) => row.verdict === 'MISS').map((row) => row.figure.trim());
  return missed.length === 0 ? `goals: all ${judged.length} met` : `goals: ${judged.length - missed.length} of ${judged.length} met; missed: ${missed.join('; ')}`;
}

/** Writes the results document with numbers rounded for reading. */
export function writeJson(file, results) {
  writeFileSync(file, `${JSON.stringify(results, (_k, v) => (typeof v === 'number' ? round(v) : v), 2)}\n`);
}

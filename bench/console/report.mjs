/**
 * The figures as table rows: a stable key (to find the same figure in the previous run), what
 * was measured, the value as text and as a number, the goal and PASS/MISS. Missed goals are
 * reported, never thrown. A figure "not reached" within the timeout MISSes its goal.
 */
import { bytes, ms } from './stats.mjs';

/** @typedef {{ key: string, figure: string, value: string, num: number | null, goal: string, verdict: 'PASS' | 'MISS' | '' }} Row */

const MB = 1e6;
const finite = (/** @type {unknown} */ v) => typeof v === 'number' && Number.isFinite(v);
/** "median / max of n" of a summary, or "not reached" for the repeats that did not get there. */
function over(/** @type {any} */ s, timeoutS) {
  if (!s || s.reached === 0) return `not reached in ${timeoutS} s`;
  const base = s.n === 1 ? ms(s.median) : `${ms(s.median)} / ${ms(s.max)}`;
  return s.reached < s.n ? `${base} (not reached in ${s.n - s.reached} of ${s.n})` : base;
}
/** PASS when every repeat got there and the median is under the goal. */
const under = (/** @type {any} */ s, /** @type {number} */ goal) => (s && s.reached === s.n && s.median < goal ? 'PASS' : 'MISS');

/**
 * @param {any} r the results document (bench.mjs)
 * @returns {Row[]}
 */
export function rows(r) {
  /** @type {Row[]} */
  const out = [];
  const t = r.options.timeoutS;
  const add = (/** @type {string} */ key, /** @type {string} */ figure, /** @type {string} */ value, /** @type {unknown} */ num, goal = '', /** @type {'PASS' | 'MISS' | ''} */ verdict = '') =>
    out.push({ key, figure, value, num: finite(num) ? /** @type {number} */ (num) : null, goal, verdict });
  const s = r.setup;
  const n = r.options.repeats > 1 ? ` (median / max of ${r.options.repeats})` : '';
  add('setup.seed', 'Inventory seeded (supervisor seed time)', `${s.seedSummary} in ${ms(s.seedMs)}`, s.seedMs);
  add('setup.settle', '  supervisor idle after the seed', s.settle.settled ? ms(s.settle.seconds * 1000) : `not within ${Math.round(s.settle.seconds)} s`, s.settle.seconds * 1000);
  add('setup.console', '  console start / build', `${ms(s.consoleStartMs)} / ${s.built ? 'rebuilt' : 'up to date'}`, s.consoleStartMs);
  const L = r.load;
  if (L) {
    add('load.paint', `First painted inventory: namespace rows with counts${n}`, over(L.inventoryPaintMs, t), L.inventoryPaintMs.median, '< 1.0 s', under(L.inventoryPaintMs, 1000));
    add('load.row', '  first namespace row visible (no counts needed)', over(L.namespaceRowMs, t), L.namespaceRowMs.median);
    add('load.interactive', `  interactive (from the ${L.interactiveFrom}: last long task before 1 s without one)`, over(L.interactiveMs, t), L.interactiveMs.median);
    add('load.fcp', '  first contentful paint', over(L.firstContentfulPaintMs, t), L.firstContentfulPaintMs.median);
    add('load.label', '  namespace row as read out at that point', `"${L.namespaceLabel}"`, null);
    const x = L.transfer;
    add('transfer.paint', `Transfer before the first paint (${x.firstPaintAt}), last repeat`, `${bytes(x.firstPaint.bytes)} in ${x.firstPaint.count} responses`, x.firstPaint.bytes);
    const until = x.pageLoad.quietMs === null ? `not quiet within ${t} s of the first paint` : `quiet at ${ms(x.pageLoad.quietMs)}`;
    add('transfer.load', '  whole page load, until the network is quiet for 1 s (+ streams so far)', `${bytes(x.pageLoad.bytes)} in ${x.pageLoad.count} responses (+ ${bytes(x.pageLoad.openBytes)}); ${until}`, x.pageLoad.bytes);
    const short = (/** @type {string} */ p) => (p.length > 70 ? `${p.slice(0, 67)}...` : p);
    add('transfer.largest', '  largest responses of the page load', x.pageLoad.largest.map((/** @type {any} */ q) => `${short(q.path)} ${bytes(q.bytes)}`).join('; '), null);
  }
  const T = r.tree;
  if (T) {
    add('tree.group', `Expand the 1,000-VM namespace: "Virtual Machines" row${n}`, over(T.groupRowMs, t), T.groupRowMs.median, '< 150 ms', under(T.groupRowMs, 150));
    add('tree.count', '  its count shown', `${over(T.groupCountMs, t)}: "${T.groupLabel}"`, T.groupCountMs.median, '< 150 ms', under(T.groupCountMs, 150));
    add('tree.vm', '  expand "Virtual Machines": first VM row', over(T.firstVmMs, t), T.firstVmMs.median);
    add('tree.end', '  End: last row focused and in view', over(T.endMs, t), T.endMs.median);
    const d = T.dom;
    if (d) add('tree.dom', '  treeitems in the DOM: VMs open / after End (aria-setsize)', `${d.withVms} / ${d.afterEnd} (${d.setSize})`, Math.max(d.withVms, d.afterEnd), '< 200', Math.max(d.withVms, d.afterEnd) < 200 ? 'PASS' : 'MISS');
  }
  const V = r.list;
  if (V) {
    add('list.first', `VM list page, 1,000 VMs: first row${n}`, over(V.firstRowMs, t), V.firstRowMs.median);
    add('list.all', '  all rows listed', over(V.allRowsMs, t), V.allRowsMs.median);
    add('list.bottom', '  scroll to the bottom: last row in view', over(V.bottomMs, t), V.bottomMs.median);
    const d = V.dom;
    const most = Math.max(d.atFirstRow.rows, d.atAllRows.rows, d.atBottom.rows);
    add('list.dom', '  rows in the DOM / aria-rowcount: first row; all; bottom', `${d.atFirstRow.rows} / ${d.atFirstRow.ariaRowCount}; ${d.atAllRows.rows} / ${d.atAllRows.ariaRowCount}; ${d.atBottom.rows}`, most, '< 200', most < 200 ? 'PASS' : 'MISS');
  }
  const F = r.find;
  if (F) {
    add('find.tree', `Tree filter by a VM's name (not expanded namespace)${n}`, over(F.treeFilterMs, t), F.treeFilterMs.median, '< 100 ms', under(F.treeFilterMs, 100));
    add('find.search', 'Search: typed, search sources loaded', over(F.searchMs, t), F.searchMs.median, '< 100 ms', under(F.searchMs, 100));
    add('find.search1', '  typed, first query of the page', over(F.searchFirstMs, t), F.searchFirstMs.median);
    add('find.cold', '  /search?q= navigation', over(F.searchColdMs, t), F.searchColdMs.median);
  }
  const U = r.live;
  if (U) {
    const o = r.options;
    const kind = (/** @type {any} */ k) => `${k.count} changes, ${[k.lagMs.p50, k.lagMs.p95].map(ms).join(' / ')}; ${k.targets} rows, tab at ${k.fps.toFixed(0)} frames/s`;
    add('live.lag', `Live updates: ${U.count} changes at ${o.liveRate}/s (VMs ${o.liveSeconds / 2} s, then pods ${o.liveSeconds / 2} s): lag p50 / p95 / p99 / max`, [U.lagMs.p50, U.lagMs.p95, U.lagMs.p99, U.lagMs.max].map(ms).join(' / '), U.lagMs.p95, 'p95 < 1 s', finite(U.lagMs.p95) && U.lagMs.p95 < 1000 ? 'PASS' : 'MISS');
    add('live.lost', '  changes lost (not shown 10 s after the last) / failed writes', `${U.lost} / ${U.failed}`, U.lost + U.failed, '0', U.lost === 0 && U.failed === 0 ? 'PASS' : 'MISS');
    add('live.vm', '  VM power state (status.powerState): lag p50 / p95', kind(U.vms), U.vms.lagMs.p95);
    add('live.pod', '  pod phase (status.phase): lag p50 / p95', kind(U.pods), U.pods.lagMs.p95);
    add('live.dom', '  in the DOM (MutationObserver) p50 / p95; changes covered by DOM time only', `${ms(U.domLagMs.p50)} / ${ms(U.domLagMs.p95)}; ${U.fromDom}`, U.domLagMs.p95);
    add('live.ack', '  PATCH acknowledged p50 / p95 / max', `${ms(U.ackMs.p50)} / ${ms(U.ackMs.p95)} / ${ms(U.ackMs.max)}`, U.ackMs.p95);
    const pace = (/** @type {any} */ k) => `${k.pacing.achievedRate.toFixed(1)}/s, ${k.pacing.busy} busy, p95 ${ms(k.pacing.lateP95Ms)} late`;
    add('live.pacing', '  writes: achieved rate, sent after the previous change of the object returned, lateness (VMs; pods)', `${pace(U.vms)}; ${pace(U.pods)}`, U.vms.pacing.achievedRate);
    add('live.kubectl', '  kubectl patch: shown, lag p50 / max (kubectl start-up included)', `${U.kubectl.shown} of ${U.kubectl.count}, ${ms(U.kubectl.lagMs.p50)} / ${ms(U.kubectl.lagMs.max)}`, U.kubectl.lagMs.p50);
    add('live.checks', '  read back overwritten; rows not rendered at the end; foreign versions shown', `${U.vms.overwritten + U.pods.overwritten}; ${U.vms.notRenderedAtEnd + U.pods.notRenderedAtEnd}; ${U.unknownVersions}`, null);
  }
  const P = r.proxy;
  if (P) {
    const ratio = (/** @type {string} */ key, /** @type {string} */ label) => {
      const q = P[key];
      add(`proxy.${key}`, label, `${q.ratio.toFixed(2)}x: console ${ms(q.consoleMs)} (${bytes(q.bytes.console)} ${q.bytes.consoleEncoding}; uncompressed ${ms(q.uncompressedMs)}), direct ${ms(q.directMs)} (${bytes(q.bytes.direct)})`, q.ratio, '<= 1.15x', q.ratio <= 1.15 ? 'PASS' : 'MISS');
    };
    add('proxy.overall', `Proxy overhead, console / direct (geometric mean of 3 medians, ${P.vmList.samples} samples each)`, `${P.overallRatio.toFixed(2)}x`, P.overallRatio, '<= 1.15x', P.overallRatio <= 1.15 ? 'PASS' : 'MISS');
    ratio('vmList', '  list the 1,000 VMs of the namespace');
    ratio('podPage', '  list pods, limit=500, all namespaces');
    ratio('vmGet', '  get one VM');
  }
  const M = r.memory;
  if (M) {
    const c = M.rss.console;
    add('mem.console', 'Console server RSS (process tree), peak / at end', `${bytes(c.peakBytes)} / ${bytes(c.lastBytes)}`, c.peakBytes, '< 300 MB', c.peakBytes < 300 * MB ? 'PASS' : 'MISS');
    add('mem.supervisor', '  supervisor RSS, peak / at end (for context)', `${bytes(M.rss.supervisor.peakBytes)} / ${bytes(M.rss.supervisor.lastBytes)}`, M.rss.supervisor.peakBytes);
    const heaps = Object.entries(M.heap ?? {});
    if (heaps.length) {
      const most = Math.max(...heaps.map(([, h]) => h.usedBytes));
      add('mem.heap', 'Page JS heap after the run, after a forced GC (largest)', heaps.map(([k, h]) => `${k} ${bytes(h.usedBytes)}`).join(', '), most, '< 150 MB', most < 150 * MB ? 'PASS' : 'MISS');
    }
  }
  return out;
}

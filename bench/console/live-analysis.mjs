/**
 * When each change showed in the page. resourceVersions are opaque: each object's versions are
 * mapped to our own sequence through the PATCH responses (change seq s returned version v), and
 * never compared as numbers. A change (o, s) is shown at the first time the page showed o at a
 * version of sequence >= s (a later change of o showing first covers it: the row skipped a
 * state, but what it shows is newer). Page records are [name, version, epoch ms in the page's
 * clock, source]; source 1 is an animation frame (the row as painted), 0 the MutationObserver
 * (the DOM, which catches a version replaced within one frame). Frame times are used, DOM times
 * when no frame showed a version that covers the change.
 */
import { percentile } from './stats.mjs';

/**
 * @param {import('./live-writer.mjs').Change[]} changes every change, of every object
 * @param {Map<string, [string, string, number, number][]>} recordsByPage page name -> records
 * @param {Map<string, { offset: number, since: number, deadline: number }>} spans per page: its clock
 *   minus ours (ms); when its changes began (versions shown after that which no change of ours
 *   returned, i.e. someone else wrote the object, are counted); and the epoch ms after which a
 *   change not yet shown there counts as lost
 * @param {Map<string, string>} pageOf object key ("kind/name") -> page name
 * @param {(c: import('./live-writer.mjs').Change) => boolean} [only] which changes the figures are of
 */
export function analyse(changes, recordsByPage, spans, pageOf, only = () => true) {
  /** @type {Map<string, Map<string, number>>} key -> version -> seq */
  const seqOf = new Map();
  for (const c of changes) {
    if (!c.rv) continue;
    const key = `${c.target.kind}/${c.target.name}`;
    if (!seqOf.has(key)) seqOf.set(key, new Map());
    /** @type {Map<string, number>} */ (seqOf.get(key)).set(c.rv, c.seq);
  }
  /** @type {Map<string, { t: number, seq: number, source: number }[]>} key -> showings, in page order */
  const shown = new Map();
  /** @type {Set<string>} */
  const foreign = new Set();
  for (const [key, page] of pageOf) {
    const versions = seqOf.get(key) ?? new Map();
    const name = key.slice(key.indexOf('/') + 1);
    const { offset, since } = /** @type {{ offset: number, since: number }} */ (spans.get(page));
    const list = [];
    for (const [n, v, t, source] of recordsByPage.get(page) ?? []) {
      if (n !== name) continue;
      const seq = versions.get(v);
      if (seq !== undefined) list.push({ t: t - offset, seq, source });
      else if (t - offset >= since) foreign.add(`${key}@${v}`);
    }
    shown.set(key, list);
  }
  const lags = [];
  const domLags = [];
  let lost = 0;
  let failed = 0;
  let fromDom = 0;
  const measured = changes.filter(only);
  for (const c of measured) {
    if (!c.rv) {
      failed++;
      continue;
    }
    const key = `${c.target.kind}/${c.target.name}`;
    const list = shown.get(key) ?? [];
    const deadline = spans.get(pageOf.get(key) ?? '')?.deadline ?? -Infinity;
    const first = (/** @type {number} */ source) => list.filter((s) => s.source === source && s.seq >= c.seq && s.t <= deadline).reduce((m, s) => Math.min(m, s.t), Infinity);
    const frame = first(1);
    const dom = first(0);
    if (frame === Infinity && dom === Infinity) {
      lost++;
      continue;
    }
    if (frame === Infinity) fromDom++;
    lags.push((frame === Infinity ? dom : frame) - c.sentAt);
    if (dom !== Infinity) domLags.push(dom - c.sentAt);
  }
  const acks = measured.filter((c) => c.rv).map((c) => c.ackAt - c.sentAt);
  return {
    count: measured.length,
    shown: lags.length,
    lost,
    failed,
    fromDom,
    unknownVersions: foreign.size,
    lagMs: { p50: percentile(lags, 50), p95: percentile(lags, 95), p99: percentile(lags, 99), max: lags.length ? Math.max(...lags) : Number.NaN },
    domLagMs: { p50: percentile(domLags, 50), p95: percentile(domLags, 95) },
    ackMs: { p50: percentile(acks, 50), p95: percentile(acks, 95), max: acks.length ? Math.max(...acks) : Number.NaN },
  };
}

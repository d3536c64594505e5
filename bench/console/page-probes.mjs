/**
 * In-page helpers, installed in every page before its scripts run (`context.addInitScript`),
 * as `window.__bench`. Predicates that Playwright polls call them, so every figure is taken
 * inside the page with `performance.now()` (milliseconds since the navigation start).
 *
 * - `keyAt`: `performance.now()` of the last keydown the page received (capture phase, before
 *   the app's handlers): the start of every keyboard-driven figure.
 * - `longTasks`: [start, end] of every long task (PerformanceObserver 'longtask', > 50 ms).
 * - `item(prefix, opts)`: a treeitem of the Inventory tree whose accessible name is `prefix` or
 *   starts with `prefix + ","`, or matches `opts.re`, rendered inside the tree's scroll viewport.
 * - `interactiveAt(anchor)`: the end of the last long task that starts less than 1 s after the
 *   moment found so far (starting at `anchor`), once 1 s has passed without one; else false.
 * - `startRecorder()`: records every (row name, data-resource-version) the list table shows,
 *   from a MutationObserver (DOM time) and a per-frame scan (frame time): see measure-live.mjs.
 */
export function installProbes() {
  const w = /** @type {any} */ (window);
  if (w.__bench) return;
  const b = (w.__bench = { keyAt: 0, longTasks: /** @type {number[][]} */ ([]) });
  document.addEventListener('keydown', () => (b.keyAt = performance.now()), true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: interactiveAt then equals its anchor.
  }
  /** The nearest scrolling ancestor (the viewport of a virtualised list). */
  const scroller = (/** @type {Element} */ el) => {
    let s = el.parentElement;
    while (s && !/(auto|scroll)/.test(getComputedStyle(s).overflowY)) s = s.parentElement;
    return s;
  };
  /** Rendered, with some of it inside its scroller's box and inside the window. */
  const inView = (/** @type {Element} */ el) => {
    const r = el.getBoundingClientRect();
    if (r.height === 0 || r.bottom <= 0 || r.top >= innerHeight) return false;
    const s = scroller(el);
    if (!s) return true;
    const v = s.getBoundingClientRect();
    return r.bottom > v.top && r.top < v.bottom;
  };
  const name = (/** @type {Element} */ el) => el.getAttribute('aria-label') ?? el.textContent ?? '';
  Object.assign(b, {
    scroller,
    inView,
    name,
    tree: () => document.querySelector('[role=tree][aria-label="Inventory"]'),
    /** @param {string} prefix @param {{ re?: string, level?: number }} [opts] */
    item(prefix, opts = {}) {
      const tree = b.tree();
      if (!tree) return undefined;
      const re = opts.re ? new RegExp(opts.re) : undefined;
      for (const el of tree.querySelectorAll('[role=treeitem]')) {
        if (el.getAttribute('aria-disabled') === 'true') continue;
        if (opts.level !== undefined && el.getAttribute('aria-level') !== String(opts.level)) continue;
        const n = name(el);
        if (!(n === prefix || n.startsWith(`${prefix},`))) continue;
        if (re && !re.test(n)) continue;
        if (inView(el)) return el;
      }
      return undefined;
    },
    interactiveAt(/** @type {number} */ anchor, quiet = 1000) {
      let t = anchor;
      for (const [s, e] of [...b.longTasks].sort((x, y) => x[0] - y[0])) {
        if (e <= t) continue;
        if (s < t + quiet) t = e;
        else break;
      }
      return performance.now() >= t + quiet ? t : false;
    },
    table: () => document.querySelector('main table[aria-rowcount]'),
    rows: () => [...(b.table()?.querySelectorAll('tbody tr[aria-rowindex]') ?? [])],
    rowName: (/** @type {Element} */ tr) => tr.querySelector('td a')?.textContent ?? '',
    startRecorder() {
      const rec = (b.rec = { list: /** @type {[string, string, number, number][]} */ ([]), seen: [new Map(), new Map()], frames: 0, since: performance.now() });
      /** @param {number} source 0: MutationObserver, 1: animation frame */
      const scan = (source) => {
        const t = performance.timeOrigin + performance.now();
        const seen = rec.seen[source];
        for (const tr of b.rows()) {
          const v = tr.getAttribute('data-resource-version');
          const n = b.rowName(tr);
          if (v && n && seen.get(n) !== v) {
            seen.set(n, v);
            rec.list.push([n, v, t, source]);
          }
        }
      };
      new MutationObserver(() => scan(0)).observe(document.querySelector('main') ?? document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-resource-version'] });
      const frame = () => {
        rec.frames++;
        scan(1);
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      scan(0);
      scan(1);
    },
  });
}

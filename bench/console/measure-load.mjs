/**
 * Figure 1 and 7: a fresh tab opens the console at `/` (the Overview, with the inventory tree
 * in the left pane) with the browser cache off, as a first visit: every byte counts and every
 * repeat loads the same way (the context is signed in, so only the session cookie is reused).
 * From the navigation start:
 * - `namespaceRowMs`: the big namespace's treeitem is visible at all;
 * - `inventoryPaintMs`: "first painted inventory": that namespace row's accessible name holds
 *   its count summary (/\d[\d,]* objects?/), i.e. the tree shows namespaces WITH counts; null
 *   when not reached within the timeout (the console may list counts only after an expansion);
 * - `interactiveMs`: from the first paint (with counts, else the namespace row), the end of the
 *   last long task before a full second without one (see page-probes.mjs `interactiveAt`);
 * - `firstContentfulPaintMs`, for context;
 * - transfer: bytes on the wire of every response finished before the first-paint moment (with
 *   counts, else the namespace row), and of the whole page load: every response finished by the
 *   moment the network went quiet (1 s without a response open, streams and long polls aside:
 *   see network-log.mjs; within the timeout after the first paint), plus what streams had
 *   received by then.
 * The page is left open, for the tree and find figures.
 */
import { markWhen } from './browser.mjs';
import { recordNetwork } from './network-log.mjs';

const COUNTS = '\\d[\\d,]* objects?\\b';

/** @param {{ ns: string, re?: string }} a */
const ROW = (a) => {
  const b = /** @type {any} */ (window).__bench;
  return b?.item(a.ns, { re: a.re }) ? performance.now() : false;
};

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ namespace: string, timeoutMs: number }} o
 */
export async function loadInventory(context, { namespace, timeoutMs }) {
  const page = await context.newPage();
  const net = await recordNetwork(page, { cold: true });
  try {
    await page.goto('/', { waitUntil: 'commit' });
    const namespaceRowMs = /** @type {number} */ (await markWhen(page, ROW, { ns: namespace }, { timeout: Math.max(timeoutMs, 60_000) }));
    const inventoryPaintMs = await markWhen(page, ROW, { ns: namespace, re: COUNTS }, { timeout: timeoutMs, orNull: true });
    const anchor = inventoryPaintMs ?? namespaceRowMs;
    const interactiveMs = await markWhen(page, (t) => /** @type {any} */ (window).__bench.interactiveAt(t), anchor, { timeout: timeoutMs, orNull: true });
    const facts = await page.evaluate((ns) => {
      const b = /** @type {any} */ (window).__bench;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const row = b.item(ns);
      return { timeOrigin: performance.timeOrigin, fcp: fcp ? fcp.startTime : null, label: row ? b.name(row) : '', longTasks: b.longTasks.length };
    }, namespace);
    const firstPaint = net.until(facts.timeOrigin + anchor);
    const cap = facts.timeOrigin + anchor + timeoutMs;
    let quiet = net.quietAt(facts.timeOrigin + anchor);
    while (quiet === null && Date.now() < cap + 1000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      quiet = net.quietAt(facts.timeOrigin + anchor);
    }
    const pageLoad = { ...net.until(quiet ?? cap), quietMs: quiet === null ? null : quiet - facts.timeOrigin };
    return {
      page,
      figures: {
        namespaceRowMs,
        inventoryPaintMs,
        interactiveMs,
        interactiveFrom: inventoryPaintMs === null ? 'namespace row' : 'inventory paint',
        firstContentfulPaintMs: facts.fcp,
        namespaceLabel: facts.label,
        longTasks: facts.longTasks,
        transfer: { firstPaint, pageLoad, firstPaintAt: inventoryPaintMs === null ? 'namespace row' : 'inventory paint' },
      },
    };
  } catch (error) {
    await page.close();
    throw error;
  } finally {
    await net.stop();
  }
}

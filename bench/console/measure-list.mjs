/**
 * Figure 2, on the list page of the big namespace's VMs (`/namespaces/<ns>/r/<kind id>`, as
 * lib/resources/links.ts builds it), in a fresh tab, from the navigation start:
 * - `firstRowMs`: the first data row (`tbody tr[aria-rowindex]`) in view;
 * - `allRowsMs`: aria-rowcount says every VM is listed (count + 1 for the header row);
 * - rows in the DOM against aria-rowcount at the first row, at all rows, and at the bottom
 *   (virtualisation);
 * - `bottomMs`: from setting the table's scroller to its bottom until the last row
 *   (aria-rowindex = aria-rowcount) is in view.
 */
import { markWhen } from './browser.mjs';
import { VM_KIND } from './inventory.mjs';

export const vmListHref = (/** @type {string} */ ns) => `/namespaces/${encodeURIComponent(ns)}/r/${encodeURIComponent(VM_KIND)}`;

const FIRST_ROW = () => {
  const b = /** @type {any} */ (window).__bench;
  return b?.rows().some((/** @type {Element} */ r) => b.inView(r)) ? performance.now() : false;
};

const ALL_ROWS = (/** @type {number} */ count) => (Number(/** @type {any} */ (window).__bench?.table()?.getAttribute('aria-rowcount')) === count + 1 ? performance.now() : false);

const LAST_ROW = () => {
  const b = /** @type {any} */ (window).__bench;
  const table = b.table();
  const last = table?.querySelector(`tbody tr[aria-rowindex="${table.getAttribute('aria-rowcount')}"]`);
  return last && b.inView(last) && last.getBoundingClientRect().bottom <= b.scroller(last).getBoundingClientRect().bottom + 1 ? performance.now() - b.scrollAt : false;
};

const domFacts = (/** @type {import('@playwright/test').Page} */ page) =>
  page.evaluate(() => {
    const b = /** @type {any} */ (window).__bench;
    return { rows: b.rows().length, ariaRowCount: Number(b.table()?.getAttribute('aria-rowcount') ?? 0) };
  });

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ namespace: string, count: number, timeoutMs: number }} o
 */
export async function measureVmList(context, { namespace, count, timeoutMs }) {
  const page = await context.newPage();
  try {
    await page.goto(vmListHref(namespace), { waitUntil: 'commit' });
    const firstRowMs = await markWhen(page, FIRST_ROW, undefined, { timeout: Math.max(60_000, timeoutMs) });
    const atFirstRow = await domFacts(page);
    const allRowsMs = await markWhen(page, ALL_ROWS, count, { timeout: Math.max(60_000, timeoutMs), orNull: true });
    const atAllRows = await domFacts(page);
    await page.evaluate(() => {
      const b = /** @type {any} */ (window).__bench;
      const s = b.scroller(b.rows()[0]);
      b.scrollAt = performance.now();
      s.scrollTop = s.scrollHeight;
    });
    const bottomMs = await markWhen(page, LAST_ROW, undefined, { timeout: timeoutMs, orNull: true });
    const atBottom = await domFacts(page);
    return { firstRowMs, allRowsMs, bottomMs, dom: { atFirstRow, atAllRows, atBottom } };
  } finally {
    await page.close();
  }
}

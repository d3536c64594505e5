/**
 * Figure (b): the inventory tree. A fresh tab opens /search (a page that lists nothing itself,
 * so the tree's own requests are all that run), then, from the keyboard as e2e/inventory-tree
 * does: expand the big namespace (time to its first child rows, and to its real groups: for an
 * admin the console lists every tree kind cluster-wide on the first expansion, see
 * lib/inventory/list-plan.ts), expand its "vSphere Pods" group (time to the first pods), count
 * the treeitems in the DOM (virtualisation), and press End (time until the last row is focused
 * and scrolled into view). Interaction figures count from the keydown the page received.
 */
import { markWhen, proxyRequests, trackInFlight } from './browser.mjs';
import { summarize } from './stats.mjs';

/**
 * A treeitem of the given level whose label starts with `prefix` (or any, when empty), rendered
 * inside the tree's scroll viewport; `real` skips message rows such as "Loading…".
 * @param {{ level: number, prefix: string, real: boolean, since: 'nav' | 'key' }} a
 */
const ROW_VISIBLE = (a) => {
  const tree = document.querySelector('[role=tree][aria-label="Inventory"]');
  const view = tree?.parentElement?.getBoundingClientRect();
  if (!tree || !view) return false;
  for (const el of tree.querySelectorAll(`[role=treeitem][aria-level="${a.level}"]`)) {
    const name = el.getAttribute('aria-label') ?? el.textContent ?? '';
    if (a.prefix && !(name === a.prefix || name.startsWith(`${a.prefix},`))) continue;
    if (a.real && el.getAttribute('aria-disabled') === 'true') continue;
    const r = el.getBoundingClientRect();
    if (r.height > 0 && r.bottom > view.top && r.top < view.bottom) {
      return a.since === 'nav' ? performance.now() : performance.now() - (/** @type {any} */ (window).__benchKeyAt ?? 0);
    }
  }
  return false;
};

/** After End: the focused row is a treeitem at the very bottom of the scrolled-down tree. */
const END_REACHED = () => {
  const tree = document.querySelector('[role=tree][aria-label="Inventory"]');
  const scroller = tree?.parentElement;
  const active = document.activeElement;
  if (!tree || !scroller || active?.getAttribute('role') !== 'treeitem') return false;
  if (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) return false;
  const r = active.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (r.bottom < view.bottom - 2 || r.top < view.top) return false;
  return performance.now() - (/** @type {any} */ (window).__benchKeyAt ?? 0);
};

/**
 * Opens a treeitem from the keyboard (focus, ArrowRight), as e2e/inventory-tree.spec.ts does.
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 */
async function expand(page, name) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const row = page.getByRole('tree', { name: 'Inventory' }).getByRole('treeitem', { name: new RegExp(`^${escaped}(,|$)`) });
  await row.focus();
  await page.keyboard.press('ArrowRight');
}

const countItems = (/** @type {import('@playwright/test').Page} */ page) => page.locator('[role=tree] [role=treeitem]').count();

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ repeats: number, namespace: string, log: (m: string) => void }} options
 */
export async function measureTree(context, { repeats, namespace, log }) {
  const r = { namespacesVisible: [], firstChild: [], groups: [], firstPods: [], end: [] };
  let domItems = { afterPods: 0, afterEnd: 0, lastLabel: '' };
  /** @type {Awaited<ReturnType<typeof proxyRequests>>} */
  let requests = [];
  /** @type {string[]} lists asked for but not received when the namespace's groups showed */
  let pendingAtGroups = [];
  for (let i = 0; i < repeats; i++) {
    const page = await context.newPage();
    const inFlight = trackInFlight(page);
    try {
      await page.goto('/search', { waitUntil: 'commit' });
      r.namespacesVisible.push(await markWhen(page, ROW_VISIBLE, { level: 2, prefix: namespace, real: true, since: 'nav' }));
      await expand(page, namespace);
      r.firstChild.push(await markWhen(page, ROW_VISIBLE, { level: 3, prefix: '', real: false, since: 'key' }));
      r.groups.push(await markWhen(page, ROW_VISIBLE, { level: 3, prefix: 'vSphere Pods', real: true, since: 'key' }, 300_000));
      pendingAtGroups = inFlight();
      await expand(page, 'vSphere Pods');
      r.firstPods.push(await markWhen(page, ROW_VISIBLE, { level: 4, prefix: '', real: true, since: 'key' }));
      const afterPods = await countItems(page);
      await page.keyboard.press('End');
      r.end.push(await markWhen(page, END_REACHED, undefined));
      const lastLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      domItems = { afterPods, afterEnd: await countItems(page), lastLabel };
      requests = await proxyRequests(page);
      log(`tree run ${i + 1}/${repeats}: namespace groups ${Math.round(r.groups.at(-1) ?? 0)} ms, pods ${Math.round(r.firstPods.at(-1) ?? 0)} ms, End ${Math.round(r.end.at(-1) ?? 0)} ms, ${afterPods} treeitems in the DOM`);
    } finally {
      await page.close();
    }
  }
  return {
    namespacesVisibleMs: summarize(r.namespacesVisible),
    firstChildMs: summarize(r.firstChild),
    groupsMs: summarize(r.groups),
    firstPodsMs: summarize(r.firstPods),
    endMs: summarize(r.end),
    domItems,
    largestRequests: requests.slice(0, 5),
    pendingAtGroups,
  };
}

/**
 * Figure 2, in the tree: on the page measure-load.mjs left open, from the keyboard as
 * e2e/inventory-tree.spec.ts does, each time from the page's keydown mark:
 * - ArrowRight on the big namespace: its "Virtual Machines" group row visible (`groupRowMs`),
 *   and that row's name holding its count (`groupCountMs`; null if not within the timeout);
 * - ArrowRight on the group: its first VM row visible (`firstVmMs`);
 * - End: the last row of the tree focused, scrolled to and visible (`endMs`);
 * - treeitems in the DOM with the 1,000 VMs open and after End (virtualisation), and the
 *   group's aria-setsize.
 */
import { markWhen, pressOnTreeItem } from './browser.mjs';

const GROUP = 'Virtual Machines';

/** @param {{ level: number, prefix: string, re?: string }} a */
const ITEM_SINCE_KEY = (a) => {
  const b = /** @type {any} */ (window).__bench;
  return b?.item(a.prefix, { level: a.level, re: a.re }) ? performance.now() - b.keyAt : false;
};

/** The first treeitem below the group's level whose name starts with "vm-", in view. */
const FIRST_VM = (/** @type {number} */ level) => {
  const b = /** @type {any} */ (window).__bench;
  const el = [...(b.tree()?.querySelectorAll(`[role=treeitem][aria-level="${level}"]`) ?? [])].find((e) => b.name(e).startsWith('vm-') && b.inView(e));
  return el ? performance.now() - b.keyAt : false;
};

/** After End: the focused treeitem is in view and the tree's scroller is at its bottom. */
const END_REACHED = () => {
  const b = /** @type {any} */ (window).__bench;
  const active = document.activeElement;
  if (!active || active.getAttribute('role') !== 'treeitem' || !b.inView(active)) return false;
  const s = b.scroller(active);
  if (s && s.scrollTop + s.clientHeight < s.scrollHeight - 2) return false;
  return performance.now() - b.keyAt;
};

/**
 * @param {import('@playwright/test').Page} page
 * @param {{ namespace: string, timeoutMs: number }} o
 */
export async function measureTree(page, { namespace, timeoutMs }) {
  const nsLevel = await page.evaluate((ns) => Number(/** @type {any} */ (window).__bench.item(ns)?.getAttribute('aria-level') ?? 0), namespace);
  if (!nsLevel) throw new Error(`no treeitem "${namespace}" in view`);
  const wait = { timeout: timeoutMs, orNull: true };
  await pressOnTreeItem(page, namespace, 'ArrowRight');
  const groupRowMs = await markWhen(page, ITEM_SINCE_KEY, { level: nsLevel + 1, prefix: GROUP }, wait);
  const groupCountMs = groupRowMs === null ? null : await markWhen(page, ITEM_SINCE_KEY, { level: nsLevel + 1, prefix: GROUP, re: '\\d' }, wait);
  const groupLabel = await page.evaluate(({ l, g }) => {
    const b = /** @type {any} */ (window).__bench;
    const el = b.item(g, { level: l });
    return el ? b.name(el) : '';
  }, { l: nsLevel + 1, g: GROUP });
  if (groupRowMs === null) return { groupRowMs, groupCountMs, groupLabel, firstVmMs: null, endMs: null, dom: undefined };
  await pressOnTreeItem(page, GROUP, 'ArrowRight');
  const firstVmMs = await markWhen(page, FIRST_VM, nsLevel + 2, wait);
  const count = () => page.evaluate(() => document.querySelectorAll('[role=tree] [role=treeitem]').length);
  const withVms = await count();
  const setSize = await page.evaluate((l) => Number(document.querySelector(`[role=tree] [role=treeitem][aria-level="${l}"]`)?.getAttribute('aria-setsize') ?? 0), nsLevel + 2);
  await page.keyboard.press('End');
  const endMs = await markWhen(page, END_REACHED, undefined, wait);
  const afterEnd = await count();
  const lastLabel = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  await page.keyboard.press('Home');
  return { groupRowMs, groupCountMs, groupLabel, firstVmMs, endMs, dom: { withVms, afterEnd, setSize, lastLabel } };
}

/**
 * Figure 3: finding one object by its exact name over the whole inventory, each timed from the
 * page's mark of the last keydown (typed) or from the navigation start (cold URL):
 * - `treeFilterMs`: on the page the tree figures used, the "Filter inventory" searchbox gets the
 *   name of a VM in the last namespace (never expanded); until a treeitem with that name is in
 *   view. The box is cleared afterwards.
 * - `searchFirstMs`: `/search` freshly loaded, the "Search query" searchbox gets that VM's name;
 *   until a result link with that exact name is in view (components/search/search-results.tsx:
 *   result links sit in a table per kind). This first query also loads what search reads.
 * - `searchMs`: the box's text replaced by the name of a pod in another far namespace: the
 *   same, with the search's sources loaded (the goal applies to this one).
 * - `searchColdMs`: a new navigation to `/search?q=<pod name>`; until its result is in view.
 * Null when not reached within the timeout.
 */
import { markWhen } from './browser.mjs';

/** @param {{ name: string, since: 'key' | 'nav' }} a */
const TREE_ITEM = (a) => {
  const b = /** @type {any} */ (window).__bench;
  return b?.item(a.name) ? performance.now() - (a.since === 'key' ? b.keyAt : 0) : false;
};

/** @param {{ name: string, since: 'key' | 'nav' }} a */
const RESULT = (a) => {
  const b = /** @type {any} */ (window).__bench;
  const link = [...document.querySelectorAll('main table a')].find((el) => el.textContent === a.name);
  return b && link && b.inView(link) ? performance.now() - (a.since === 'key' ? b.keyAt : 0) : false;
};

/**
 * @param {import('@playwright/test').Page} page the page left by measure-tree.mjs
 * @param {{ namespace: string, vm: { name: string }, pod: { name: string }, timeoutMs: number }} o
 */
export async function measureFind(page, { namespace, vm, pod, timeoutMs }) {
  const wait = { timeout: timeoutMs, orNull: true };
  const filter = page.getByRole('searchbox', { name: 'Filter inventory' });
  await filter.focus();
  await page.keyboard.type(vm.name);
  const treeFilterMs = await markWhen(page, TREE_ITEM, { name: vm.name, since: 'key' }, wait);
  await filter.fill('');

  await page.goto('/search', { waitUntil: 'commit' });
  // The tree renders on the client only: once a namespace row shows, the page is hydrated and
  // typed text reaches the search box's handlers.
  await markWhen(page, (ns) => (/** @type {any} */ (window).__bench?.item(ns) ? performance.now() : false), namespace, { timeout: 60_000 });
  const box = page.getByRole('searchbox', { name: 'Search query' });
  await box.focus();
  await page.keyboard.type(vm.name);
  const searchFirstMs = await markWhen(page, RESULT, { name: vm.name, since: 'key' }, wait);
  await box.selectText();
  await page.keyboard.type(pod.name);
  const searchMs = await markWhen(page, RESULT, { name: pod.name, since: 'key' }, wait);

  await page.goto(`/search?q=${encodeURIComponent(pod.name)}`, { waitUntil: 'commit' });
  const searchColdMs = await markWhen(page, RESULT, { name: pod.name, since: 'nav' }, wait);
  return { treeFilterMs, searchFirstMs, searchMs, searchColdMs, vm: vm.name, pod: pod.name };
}

/**
 * The browser side: Debian's Chromium through Playwright (nothing is downloaded), one signed-in
 * context whose pages all carry the probes of page-probes.mjs, and helpers that time things
 * inside the page.
 *
 * Timing contract: a figure is taken in the page itself, by a predicate polled every animation
 * frame (`page.waitForFunction(..., { polling: 'raf' })`) that returns `performance.now()` once
 * true. `performance.now()` counts from the navigation start, so page-load figures need no
 * clock of ours; keyboard figures subtract `__bench.keyAt`, the page's own mark of the keydown.
 * Resolution is one frame (~16 ms).
 */
import { chromium } from '@playwright/test';
import { installProbes } from './page-probes.mjs';

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches Chromium and signs in as admin the way e2e/sign-in.ts does (the one-click demo user
 * on /login); new pages of the returned context are signed in and probed.
 * @param {string} baseURL
 */
export async function launchSignedIn(baseURL) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(installProbes);
  const page = await context.newPage();
  const started = performance.now();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in as admin' }).click();
  await page.getByRole('tree', { name: 'Inventory' }).waitFor({ state: 'visible', timeout: 120_000 });
  const signInMs = performance.now() - started;
  await page.close();
  return { browser, context, signInMs, version: browser.version() };
}

/**
 * Waits in the page until `predicate(arg)` returns a number and returns it; with `orNull`, a
 * timeout gives null (the figure was "not reached") instead of throwing.
 * @template A
 * @param {import('@playwright/test').Page} page
 * @param {(arg: A) => number | false | null | undefined} predicate
 * @param {A} arg
 * @param {{ timeout?: number, orNull?: boolean }} [options]
 * @returns {Promise<number | null>}
 */
export async function markWhen(page, predicate, arg, { timeout = 120_000, orNull = false } = {}) {
  try {
    const handle = await page.waitForFunction(predicate, arg, { polling: 'raf', timeout });
    const value = await handle.jsonValue();
    await handle.dispose();
    return /** @type {number} */ (value);
  } catch (error) {
    if (orNull && error instanceof Error && error.name === 'TimeoutError') return null;
    throw error;
  }
}

/**
 * The page's JS heap after a forced garbage collection, and its DOM size, from the DevTools
 * protocol (`HeapProfiler.collectGarbage`, then `Performance.getMetrics`).
 * @param {import('@playwright/test').Page} page
 */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    return { usedBytes: m.JSHeapUsedSize ?? Number.NaN, totalBytes: m.JSHeapTotalSize ?? Number.NaN, domNodes: m.Nodes ?? Number.NaN };
  } finally {
    await cdp.detach();
  }
}

/**
 * Focuses a treeitem of the Inventory tree (accessible name `name` or `name, …`) and presses
 * `key` on it, as e2e/inventory-tree.spec.ts drives the tree.
 * @param {import('@playwright/test').Page} page
 * @param {string} name
 * @param {string} key
 */
export async function pressOnTreeItem(page, name, key) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await page.getByRole('tree', { name: 'Inventory' }).getByRole('treeitem', { name: new RegExp(`^${escaped}(,|$)`) }).first().focus();
  await page.keyboard.press(key);
}

/**
 * The browser side: Debian's Chromium through Playwright (nothing is downloaded), one signed-in
 * context, and helpers that time things inside the page. Each repeat gets a fresh tab, so every
 * run starts with an empty client cache (TanStack Query lives in the page) and one watch stream.
 *
 * Timing contract: a figure is taken in the page itself, by a predicate polled every animation
 * frame (`page.waitForFunction(..., { polling: 'raf' })`) that returns `performance.now()` once
 * true. `performance.now()` counts from the navigation start, so page-load figures need no
 * clock of ours; interaction figures subtract a mark the page took when the input arrived.
 * Resolution is one frame (~16 ms).
 */
import { chromium } from '@playwright/test';

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Launches Chromium and signs in as admin the way e2e/sign-in.ts does (the one-click demo user
 * on /login), returning a context whose new pages are signed in.
 * @param {string} baseURL
 */
export async function launchSignedIn(baseURL) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: BROWSER_ARGS });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  // Marks the last keydown in the page (capture phase, before the app sees it): the start of
  // keyboard-driven figures.
  await context.addInitScript(() => {
    document.addEventListener('keydown', () => ((/** @type {any} */ (window)).__benchKeyAt = performance.now()), true);
  });
  const page = await context.newPage();
  const started = performance.now();
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in as admin' }).click();
  await page.getByRole('tree', { name: 'Inventory' }).waitFor({ state: 'visible', timeout: 120_000 });
  const signInMs = performance.now() - started;
  await page.close();
  return { browser, context, signInMs };
}

/**
 * Waits in the page until `predicate(arg)` returns a number (a `performance.now()` mark) and
 * returns it.
 * @template A
 * @param {import('@playwright/test').Page} page
 * @param {(arg: A) => number | false | null | undefined} predicate
 * @param {A} arg
 * @param {number} [timeout]
 * @returns {Promise<number>}
 */
export async function markWhen(page, predicate, arg, timeout = 120_000) {
  const handle = await page.waitForFunction(predicate, arg, { polling: 'raf', timeout });
  const value = await handle.jsonValue();
  await handle.dispose();
  return /** @type {number} */ (value);
}

/**
 * The page's JS heap and DOM size from the DevTools protocol, before and after a forced GC
 * (the after-GC figure is what the page really holds on to).
 * @param {import('@playwright/test').Page} page
 */
export async function heapFacts(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Performance.enable');
    const read = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const before = await read();
    await cdp.send('HeapProfiler.collectGarbage');
    const after = await read();
    return { usedBytes: before.JSHeapUsedSize ?? Number.NaN, usedAfterGcBytes: after.JSHeapUsedSize ?? Number.NaN, totalBytes: after.JSHeapTotalSize ?? Number.NaN, domNodes: after.Nodes ?? Number.NaN };
  } finally {
    await cdp.detach();
  }
}

/**
 * Starts recording the console's proxy requests of a page (`/api/k8s/...`), so requests still in
 * flight when a figure is taken show up too (resource timing lists only finished ones).
 * @param {import('@playwright/test').Page} page
 * @returns {() => string[]} the paths requested and not finished yet
 */
export function trackInFlight(page) {
  const open = new Map();
  const path = (/** @type {string} */ url) => {
    const u = new URL(url);
    return u.pathname.startsWith('/api/k8s/') ? u.pathname.slice('/api/k8s'.length) + u.search : undefined;
  };
  page.on('request', (r) => {
    const p = path(r.url());
    if (p) open.set(r, p);
  });
  const done = (/** @type {import('@playwright/test').Request} */ r) => open.delete(r);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => [...new Set(open.values())].filter((p) => !p.includes('watch=') && !p.includes('/stream'));
}

/**
 * The console's proxy requests the page made, largest first (body size as JSON and on the
 * wire, start and end from the navigation start): shows which lists a page pulled.
 * @param {import('@playwright/test').Page} page
 */
export async function proxyRequests(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => /** @type {PerformanceResourceTiming} */ (e))
      .filter((e) => new URL(e.name).pathname.startsWith('/api/k8s/') && e.initiatorType === 'fetch')
      .map((e) => ({ path: new URL(e.name).pathname.slice('/api/k8s'.length) + new URL(e.name).search, bytes: e.decodedBodySize, wireBytes: e.encodedBodySize, startMs: e.startTime, endMs: e.responseEnd }))
      .sort((a, b) => b.bytes - a.bytes),
  );
}

/**
 * Figures (c), (d) and (e) on the list page `/namespaces/<ns>/r/pods` (the table captioned
 * "vSphere Pods in <ns>"): time from the navigation start to the first data row; rendered rows
 * against aria-rowcount (virtualisation); time from setting the scroller to the bottom until
 * the last row (aria-rowindex = aria-rowcount) shows; the page's JS heap once loaded; and the
 * live-update latency: pods created over HTTPS, each timed from just before its POST until its
 * row is visible on the open page, without a reload (the browser and this process share the
 * machine's clock, so Date.now() on both sides compares).
 */
import { heapFacts, markWhen, proxyRequests, trackInFlight } from './browser.mjs';
import { benchPod } from './kube-client.mjs';
import { summarize } from './stats.mjs';

/** The list table by its caption, e.g. "vSphere Pods in scale-001". Inlined into predicates. */
const FIRST_ROW = (caption) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  const row = table?.querySelector('tbody tr[aria-rowindex]');
  if (!row || !row.checkVisibility()) return false;
  const r = row.getBoundingClientRect();
  return r.height > 0 && r.top < innerHeight ? performance.now() : false;
};

const LAST_ROW = (caption) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  const scroller = table?.parentElement;
  const last = table?.querySelector(`tbody tr[aria-rowindex="${table.getAttribute('aria-rowcount')}"]`);
  if (!scroller || !last) return false;
  const r = last.getBoundingClientRect();
  const view = scroller.getBoundingClientRect();
  if (r.height === 0 || r.bottom > view.bottom + 1 || r.top < view.top) return false;
  return performance.now() - (/** @type {any} */ (window).__benchScrollAt ?? 0);
};

/**
 * The whole list is on screen: the header's status no longer says "Loading…" or "loading more"
 * (a large list shows its first page while the rest arrives). Returns the row count with the time.
 */
const ALL_ROWS = (caption) => {
  const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === caption);
  const status = document.querySelector('main header [role=status]')?.textContent ?? '';
  if (!table || !status || /loading/i.test(status)) return false;
  return performance.now();
};

/**
 * @param {import('@playwright/test').Page} page
 * @param {string} caption
 */
async function openList(page, caption, namespace) {
  await page.goto(`/namespaces/${namespace}/r/pods`, { waitUntil: 'commit' });
  return markWhen(page, FIRST_ROW, caption, 300_000);
}

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ repeats: number, namespace: string, log: (m: string) => void }} options
 */
export async function measureList(context, { repeats, namespace, log }) {
  const caption = `vSphere Pods in ${namespace}`;
  const first = [];
  const all = [];
  const bottom = [];
  let dom = { rows: 0, ariaRowCount: 0, rowsAtBottom: 0, nodes: 0, allRows: 0 };
  /** @type {Awaited<ReturnType<typeof heapFacts>> | undefined} */
  let heap;
  /** @type {Awaited<ReturnType<typeof proxyRequests>>} */
  let requests = [];
  /** @type {string[]} lists the page had asked for but not received when its first row showed */
  let pendingAtFirstRow = [];
  for (let i = 0; i < repeats; i++) {
    const page = await context.newPage();
    const inFlight = trackInFlight(page);
    try {
      first.push(await openList(page, caption, namespace));
      pendingAtFirstRow = inFlight();
      const facts = await page.evaluate((c) => {
        const table = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === c);
        return { rows: table?.querySelectorAll('tbody tr[aria-rowindex]').length ?? 0, ariaRowCount: Number(table?.getAttribute('aria-rowcount') ?? 0), nodes: document.getElementsByTagName('*').length };
      }, caption);
      all.push(await markWhen(page, ALL_ROWS, caption, 300_000));
      const allRows = await page.evaluate((c) => Number([...document.querySelectorAll('table')].find((t) => t.caption?.textContent === c)?.getAttribute('aria-rowcount') ?? 0), caption);
      if (i === repeats - 1) heap = await heapFacts(page);
      await page.evaluate((c) => {
        const scroller = [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === c)?.parentElement;
        if (!scroller) throw new Error(`no table captioned ${c}`);
        /** @type {any} */ (window).__benchScrollAt = performance.now();
        scroller.scrollTop = scroller.scrollHeight;
      }, caption);
      bottom.push(await markWhen(page, LAST_ROW, caption));
      const rowsAtBottom = await page.evaluate((c) => [...document.querySelectorAll('table')].find((t) => t.caption?.textContent === c)?.querySelectorAll('tbody tr[aria-rowindex]').length ?? 0, caption);
      dom = { ...facts, rowsAtBottom, allRows };
      requests = await proxyRequests(page);
      log(`list run ${i + 1}/${repeats}: first row ${Math.round(first.at(-1) ?? 0)} ms, bottom ${Math.round(bottom.at(-1) ?? 0)} ms, ${facts.rows} rows in the DOM of aria-rowcount ${facts.ariaRowCount}`);
    } finally {
      await page.close();
    }
  }
  return { firstRowMs: summarize(first), allRowsMs: summarize(all), scrollToBottomMs: summarize(bottom), dom, heap, largestRequests: requests.slice(0, 5), pendingAtFirstRow };
}

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ samples: number, namespace: string, kube: ReturnType<typeof import('./kube-client.mjs').createKubeClient>, log: (m: string) => void }} options
 */
export async function measureLive(context, { samples, namespace, kube, log }) {
  const caption = `vSphere Pods in ${namespace}`;
  const prefix = `bench-live-${Date.now().toString(36)}`;
  const page = await context.newPage();
  const latencies = [];
  const acks = [];
  try {
    await openList(page, caption, namespace);
    // Only the new pods match the filter, so each new row is in view whatever the sort.
    await page.getByRole('searchbox', { name: 'Filter vSphere Pods' }).fill(prefix);
    await page.getByText(`Nothing matches “${prefix}”.`).waitFor({ timeout: 30_000 });
    for (let i = 0; i < samples; i++) {
      const name = `${prefix}-${i}`;
      // Armed before the write: records Date.now() on the first frame the row's link is visible.
      await page.evaluate((n) => {
        const w = /** @type {any} */ (window);
        w.__benchSeen ??= {};
        const check = () => {
          const link = [...document.querySelectorAll('main table a')].find((a) => a.textContent === n);
          if (link && link.checkVisibility()) w.__benchSeen[n] = Date.now();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }, name);
      const sent = Date.now();
      await kube.request('POST', `/api/v1/namespaces/${namespace}/pods`, benchPod(namespace, name));
      acks.push(Date.now() - sent);
      const seen = await markWhen(page, (n) => /** @type {any} */ (window).__benchSeen?.[n] ?? false, name, 60_000);
      latencies.push(seen - sent);
      log(`live sample ${i + 1}/${samples}: ${latencies.at(-1)} ms (POST acknowledged after ${acks.at(-1)} ms)`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  } finally {
    await page.close();
  }
  return { latencyMs: summarize(latencies), ackMs: summarize(acks) };
}

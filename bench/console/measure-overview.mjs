/**
 * Figure (a): the Overview (`/`) in a fresh tab. Two marks from the navigation start: the h1
 * (the cluster name) visible, which must not wait for cluster-wide lists, and the inventory
 * count tiles filled (every "Total" row holds a number instead of "…"). The cluster-wide pod
 * list's arrival is recorded too, to show whether the h1 came before it.
 */
import { heapFacts, markWhen, proxyRequests } from './browser.mjs';
import { summarize } from './stats.mjs';

/** Whether an element is rendered and inside the viewport. Inlined into each predicate. */
const H1_VISIBLE = () => {
  const h = document.querySelector('main h1');
  if (!h || !h.textContent?.trim() || !h.checkVisibility()) return false;
  const r = h.getBoundingClientRect();
  return r.height > 0 && r.bottom > 0 && r.top < innerHeight ? performance.now() : false;
};

/** The count tiles (components/overview/count-tiles.tsx) with every count present. */
const COUNTS_FILLED = () => {
  const section = document.querySelector('section[aria-label="Inventory counts"]');
  if (!section) return false;
  const totals = [...section.querySelectorAll('th[scope=row]')].filter((th) => th.textContent?.trim() === 'Total');
  if (totals.length < 3) return false;
  if ([...section.querySelectorAll('td')].some((td) => td.textContent?.trim() === '…')) return false;
  return performance.now();
};

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ repeats: number, log: (m: string) => void }} options
 */
export async function measureOverview(context, { repeats, log }) {
  const h1 = [];
  const counts = [];
  const podsListDone = [];
  /** @type {Awaited<ReturnType<typeof heapFacts>> | undefined} */
  let heap;
  /** @type {{ path: string, bytes: number, startMs: number, endMs: number }[]} */
  let requests = [];
  let totals = {};
  for (let i = 0; i < repeats; i++) {
    const page = await context.newPage();
    try {
      await page.goto('/', { waitUntil: 'commit' });
      h1.push(await markWhen(page, H1_VISIBLE, undefined));
      counts.push(await markWhen(page, COUNTS_FILLED, undefined, 300_000));
      requests = await proxyRequests(page);
      const pods = requests.find((r) => r.path.startsWith('/api/v1/pods'));
      if (pods) podsListDone.push(pods.endMs);
      totals = await page.evaluate(() => {
        /** @type {Record<string, string>} */
        const out = {};
        for (const s of document.querySelectorAll('section[aria-label="Inventory counts"] > section')) {
          const title = s.querySelector('h2')?.textContent ?? '?';
          const total = [...s.querySelectorAll('tr')].find((tr) => tr.querySelector('th')?.textContent?.trim() === 'Total');
          if (total) out[title] = total.querySelector('td')?.textContent?.trim() ?? '';
        }
        return out;
      });
      if (i === repeats - 1) heap = await heapFacts(page);
      log(`overview run ${i + 1}/${repeats}: h1 ${Math.round(h1.at(-1) ?? 0)} ms, counts ${Math.round(counts.at(-1) ?? 0)} ms`);
    } finally {
      await page.close();
    }
  }
  return {
    h1Ms: summarize(h1),
    countsMs: summarize(counts),
    podsListDoneMs: summarize(podsListDone),
    h1BeforePodList: h1.every((t, i) => podsListDone[i] === undefined || t < /** @type {number} */ (podsListDone[i])),
    totals,
    heap,
    largestRequests: requests.slice(0, 5),
  };
}

/**
 * Bytes the browser received for one page, from the DevTools protocol's Network domain,
 * attached before the navigation. A response's size is the `encodedDataLength` of its
 * `Network.loadingFinished` (bytes on the wire: headers and compressed body); a response still
 * open (the watch stream) counts the `encodedDataLength` of the `Network.dataReceived` events
 * received by then. Protocol timestamps are monotonic seconds; `requestWillBeSent.wallTime` maps them to the
 * epoch, so they compare with the page's `performance.timeOrigin + performance.now()`.
 */

const LONG_LIVED_MS = 5000;

/**
 * @param {import('@playwright/test').Page} page
 * @param {{ cold?: boolean }} [options] cold: the browser cache is off for this page (a first visit)
 */
export async function recordNetwork(page, { cold = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  /** @type {Map<string, { url: string, startedAt: number, finishedAt?: number, bytes: number, chunks: number[][] }>} */
  const requests = new Map();
  /** epoch ms minus monotonic ms, from the first request that reports both */
  let offset = Number.NaN;
  const at = (/** @type {number} */ monotonicS) => monotonicS * 1000 + offset;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (Number.isNaN(offset)) offset = e.wallTime * 1000 - e.timestamp * 1000;
    if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, startedAt: at(e.timestamp), bytes: 0, chunks: [] });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.chunks.push([at(e.timestamp), e.encodedDataLength]);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { finishedAt: at(e.timestamp), bytes: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.finishedAt = at(e.timestamp);
  });
  await cdp.send('Network.enable');
  if (cold) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return {
    /**
     * Bytes of the responses finished by `epochMs`, and the bytes received by then on responses
     * still open at that moment; the largest finished responses are listed to explain the figure.
     * @param {number} epochMs
     */
    until(epochMs) {
      let bytes = 0;
      let count = 0;
      let openBytes = 0;
      /** @type {{ path: string, bytes: number }[]} */
      const largest = [];
      for (const r of requests.values()) {
        if (r.finishedAt !== undefined && r.finishedAt <= epochMs) {
          bytes += r.bytes;
          count++;
          const u = new URL(r.url);
          largest.push({ path: u.pathname + u.search, bytes: r.bytes });
        } else for (const [t, n] of r.chunks) if (t <= epochMs) openBytes += n;
      }
      largest.sort((a, b) => b.bytes - a.bytes);
      return { bytes, count, openBytes, largest: largest.slice(0, 4) };
    },
    /**
     * The end of the last response, from `epochMs` on, before `quietMs` without a response open;
     * null while that has not happened yet. A request open for LONG_LIVED_MS or more is a stream
     * or a long poll (the watch stream, the inventory summary) and holds nothing up; what it
     * received by then still counts in `until`.
     * @param {number} epochMs
     */
    quietAt(epochMs, quietMs = 1000) {
      const now = Date.now();
      const spans = [...requests.values()]
        .filter((r) => (r.finishedAt ?? now) - r.startedAt < LONG_LIVED_MS)
        .map((r) => [r.startedAt, r.finishedAt ?? Infinity])
        .sort((a, b) => a[0] - b[0]);
      let t = epochMs;
      for (const [s, e] of spans) {
        if (e <= t) continue;
        if (s < t + quietMs) t = e;
        else break;
      }
      return now >= t + quietMs ? t : null;
    },
    stop: () => cdp.detach().catch(() => {}),
  };
}

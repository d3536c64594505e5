/**
 * Figure 5: proxy overhead. The same GET through the console's proxy (`/api/k8s/<path>` with
 * the browser context's session cookie: GETs need nothing else, see lib/k8s-server/request-guard)
 * and directly against the supervisor (HTTPS, admin bearer token), both with keep-alive and the
 * `accept`/`accept-encoding` a browser sends. Time to the last byte, measured here. After 3
 * warm-ups each, `samples` rounds, each running console and direct back to back (the order
 * alternating between rounds). Requests: the big namespace's VM list, one page of 500 pods
 * across the cluster, and one VM. Per request: medians and their ratio; overall: the geometric
 * mean of the three ratios. For context, each round also times the console without
 * compression (`accept-encoding: identity`): the supervisor gzips lists of 128 KiB or
 * more for clients that accept it, and the proxy passes that through.
 */
import http from 'node:http';
import https from 'node:https';
import { VM_API, vmName } from './inventory.mjs';
import { percentile } from './stats.mjs';

const BROWSER_HEADERS = { accept: 'application/json', 'accept-encoding': 'gzip, deflate, br' };

/**
 * One GET, timed from just before the request to the response's last byte.
 * @param {typeof http | typeof https} mod
 * @param {URL} url
 * @param {import('node:http').RequestOptions} options
 * @returns {Promise<{ ms: number, bytes: number, status: number, encoding: string }>}
 */
function timedGet(mod, url, options) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const req = mod.request(url, { method: 'GET', ...options }, (res) => {
      let bytes = 0;
      res.on('data', (c) => (bytes += c.length));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status !== 200) reject(new Error(`GET ${url.pathname}${url.search}: ${status}`));
        else resolve({ ms: performance.now() - start, bytes, status, encoding: String(res.headers['content-encoding'] ?? 'identity') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * @param {{ consoleUrl: string, cookies: { name: string, value: string }[], target: { url: string, ca: string, token: string },
 *   namespace: string, samples: number, log: (m: string) => void }} o
 */
export async function measureProxy({ consoleUrl, cookies, target, namespace, samples, log }) {
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const viaConsole = { agent: new http.Agent({ keepAlive: true, maxSockets: 1 }), headers: { ...BROWSER_HEADERS, cookie } };
  const plain = { agent: viaConsole.agent, headers: { ...viaConsole.headers, 'accept-encoding': 'identity' } };
  const direct = { agent: new https.Agent({ keepAlive: true, maxSockets: 1, ca: target.ca }), headers: { ...BROWSER_HEADERS, authorization: `Bearer ${target.token}` } };
  const requests = {
    vmList: `${VM_API}/namespaces/${namespace}/virtualmachines`,
    podPage: '/api/v1/pods?limit=500',
    vmGet: `${VM_API}/namespaces/${namespace}/virtualmachines/${vmName(0)}`,
  };
  const one = (/** @type {'console' | 'direct' | 'plain'} */ via, /** @type {string} */ path) =>
    via === 'direct' ? timedGet(https, new URL(path, target.url), direct) : timedGet(http, new URL(`/api/k8s${path}`, consoleUrl), via === 'console' ? viaConsole : plain);
  try {
    /** @type {Record<string, any>} */
    const out = {};
    for (const [key, path] of Object.entries(requests)) {
      for (let i = 0; i < 3; i++) {
        await one('console', path);
        await one('direct', path);
      }
      /** @type {{ console: number[], direct: number[], plain: number[] }} */
      const ms = { console: [], direct: [], plain: [] };
      const last = { console: { bytes: 0, encoding: '' }, direct: { bytes: 0, encoding: '' }, plain: { bytes: 0, encoding: '' } };
      for (let i = 0; i < samples; i++) {
        const order = /** @type {const} */ (i % 2 === 0 ? ['console', 'direct', 'plain'] : ['direct', 'console', 'plain']);
        for (const via of order) {
          const r = await one(via, path);
          ms[via].push(r.ms);
          last[via] = r;
        }
      }
      const c = percentile(ms.console, 50);
      const d = percentile(ms.direct, 50);
      out[key] = { path, samples, consoleMs: c, directMs: d, ratio: c / d, consoleP95Ms: percentile(ms.console, 95), uncompressedMs: percentile(ms.plain, 50), directP95Ms: percentile(ms.direct, 95), bytes: { console: last.console.bytes, consoleEncoding: last.console.encoding, direct: last.direct.bytes } };
      log(`proxy ${key}: console ${c.toFixed(1)} ms, direct ${d.toFixed(1)} ms, ratio ${(c / d).toFixed(2)}`);
    }
    const ratios = Object.values(out).map((r) => r.ratio);
    out.overallRatio = Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
    return out;
  } finally {
    viaConsole.agent.destroy();
    direct.agent.destroy();
  }
}

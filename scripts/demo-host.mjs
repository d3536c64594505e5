/**
 * `npm run demo:host`: a stand-in for the portals Glasspane is embedded in, on an origin of its
 * own (http://localhost:4100 by default, while the console is http://127.0.0.1:3000: different
 * sites, as in real life). Two pages:
 *
 * - /vsphere-client/ — a vCenter-like shell built from the console's /plugin.json, as the
 *   vSphere Client builds a remote plug-in's extensions: the global view, VM and namespace
 *   summary cards, monitor and configure views and Actions-menu items, in iframes. Its frames
 *   get an `htmlClientSdk`-compatible object: they load /api/ui/htmlClientSdk.js from this host
 *   (the console's views do so when opened with `host=vsphere&sdkOrigin=<this origin>`), a shim
 *   that bridges the SDK's calls to this page with postMessage.
 * - /portal/ — an internal portal using the console's host module (/glasspane-host.js) and the
 *   generic contract.
 *
 * Both let you switch the theme, the selected object and the signed-in user (the kubeconfig's
 * token users; the host hands the user's token to Glasspane). The console must allow this
 * origin to frame it: GLASSPANE_FRAME_ANCESTORS="'self' http://localhost:4100" npm start.
 *
 * Options (or env): --port (DEMO_HOST_PORT, 4100), --console (GLASSPANE_CONSOLE_URL,
 * http://127.0.0.1:3000), --kubeconfig (GLASSPANE_KUBECONFIG, .data/supervisor/kubeconfig).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readInventory, readKubeconfig } from './demo-host/supervisor-client.mjs';
import { ROOT, portFromEnv, resolveUserPath } from './lib/repo.mjs';

const ASSETS = path.join(ROOT, 'scripts', 'demo-host');
const FILES = {
  '/assets/shell.css': ['shell.css', 'text/css'],
  '/assets/shell.js': ['shell.js', 'text/javascript'],
  '/assets/shell-sdk-bridge.js': ['shell-sdk-bridge.js', 'text/javascript'],
  '/assets/portal.js': ['portal.js', 'text/javascript'],
  '/api/ui/htmlClientSdk.js': ['html-client-sdk.js', 'text/javascript'],
};
const PAGES = { '/vsphere-client/': 'shell.html', '/portal/': 'portal.html' };

function options() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, console: { type: 'string' }, kubeconfig: { type: 'string' } } });
  const port = portFromEnv(values.port ?? process.env.DEMO_HOST_PORT, 4100, '--port');
  const consoleUrl = new URL(values.console ?? process.env.GLASSPANE_CONSOLE_URL ?? 'http://127.0.0.1:3000').origin;
  const kubeconfig = resolveUserPath(values.kubeconfig ?? process.env.GLASSPANE_KUBECONFIG ?? path.join(ROOT, '.data', 'supervisor', 'kubeconfig'));
  return { port, consoleUrl, kubeconfig, hostOrigin: `http://localhost:${port}` };
}

/** The console's manifest, and whether its CSP lets this origin frame it. */
async function consoleFacts(opts) {
  try {
    const res = await fetch(`${opts.consoleUrl}/plugin.json`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) return { problem: `${opts.consoleUrl}/plugin.json answered ${res.status}` };
    const ancestors = /frame-ancestors ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '';
    const framingAllowed = ancestors.split(/\s+/).includes(opts.hostOrigin);
    return { manifest: await res.json(), framingAllowed, ancestors };
  } catch (error) {
    return { problem: `the console at ${opts.consoleUrl} cannot be reached (${error instanceof Error ? error.message : String(error)})` };
  }
}

function csp(opts) {
  return [
    "default-src 'self'",
    `script-src 'self' ${opts.consoleUrl}`,
    "style-src 'self' 'unsafe-inline'",
    `frame-src ${opts.consoleUrl}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

async function page(opts, kube, file) {
  const facts = await consoleFacts(opts);
  const config = { consoleUrl: opts.consoleUrl, hostOrigin: opts.hostOrigin, vcGuid: 'demo-vc-4f1e', users: kube.users, defaultUser: kube.currentUser ?? kube.users[0]?.name, ...facts };
  const html = await readFile(path.join(ASSETS, file), 'utf8');
  // JSON in a data block; `<` escaped so no value can close the element.
  return html.replace('__CONFIG__', JSON.stringify(config).replace(/</g, '\\u003c')).replaceAll('__CONSOLE__', opts.consoleUrl);
}

async function main() {
  const opts = options();
  const kube = await readKubeconfig(opts.kubeconfig);
  const handler = async (req, res) => {
    const url = new URL(req.url ?? '/', opts.hostOrigin);
    const send = (status, type, body, extra = {}) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'origin', ...extra });
      res.end(body);
    };
    try {
      if (req.method !== 'GET') return send(405, 'text/plain', 'method not allowed');
      if (url.pathname === '/') return send(302, 'text/plain', '', { location: '/vsphere-client/' });
      if (PAGES[url.pathname]) return send(200, 'text/html; charset=utf-8', await page(opts, kube, PAGES[url.pathname]), { 'content-security-policy': csp(opts) });
      if (FILES[url.pathname]) {
        const [file, type] = FILES[url.pathname];
        return send(200, `${type}; charset=utf-8`, await readFile(path.join(ASSETS, file)));
      }
      if (url.pathname === '/api/inventory') return send(200, 'application/json', JSON.stringify(await readInventory(kube)));
      return send(404, 'text/plain', 'not found');
    } catch (error) {
      return send(502, 'text/plain', error instanceof Error ? error.message : String(error));
    }
  };
  // "localhost" may resolve to either loopback address; answer on both, and on nothing else.
  const servers = ['127.0.0.1', '::1'].map((address) => ({ address, server: http.createServer((req, res) => void handler(req, res)) }));
  const listening = await Promise.all(
    servers.map(({ address, server }) => new Promise((resolve) => server.once('error', () => resolve(false)).listen(opts.port, address, () => resolve(true)))),
  );
  if (!listening[0]) throw new Error(`port ${opts.port} on 127.0.0.1 is taken`);
  console.log(`[demo-host] vCenter-like shell: ${opts.hostOrigin}/vsphere-client/`);
  console.log(`[demo-host] portal (generic contract): ${opts.hostOrigin}/portal/`);
  console.log(`[demo-host] embedding ${opts.consoleUrl}; kubeconfig ${opts.kubeconfig}`);
  const facts = await consoleFacts(opts);
  if (facts.problem) console.log(`[demo-host] warning: ${facts.problem}`);
  else if (!facts.framingAllowed) console.log(`[demo-host] warning: the console's frame-ancestors (${facts.ancestors}) do not list ${opts.hostOrigin}; start it with GLASSPANE_FRAME_ANCESTORS="'self' ${opts.hostOrigin}"`);
  const stop = () => {
    for (const { server } of servers) server.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(`[demo-host] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { createServer } from 'node:http';
import next from 'next';
import { handleInventory, isInventoryRequest } from './lib/k8s-server/inventory-index/inventory-api';
import { handleProxy, isProxyRequest } from './lib/k8s-server/raw-proxy';

/**
 * The console's HTTP server: the Kubernetes API proxy (`/api/k8s/...`, lib/k8s-server/raw-proxy)
 * and the inventory index (`/api/inventory...`, lib/k8s-server/inventory-index/inventory-api)
 * answer on Node's own request and response; everything else goes to Next.js, from the working
 * directory. Production runs the bundle (`node .next/glasspane-server.mjs [-H host] [-p port]`,
 * see scripts/build-server.mjs and scripts/lib/console-server.mjs); `npm run dev` runs this file
 * through tsx with `--dev`.
 */
function option(names: string[], fallback: string): string {
  const i = process.argv.findIndex((a) => names.includes(a));
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const dev = process.argv.includes('--dev');
const hostname = option(['-H', '--hostname'], process.env.HOSTNAME ?? '127.0.0.1');
const port = Number(option(['-p', '--port'], process.env.PORT ?? '3000'));

const app = next({ dev, hostname, port, dir: process.cwd() });
const handle = app.getRequestHandler();
await app.prepare();
const upgrade = app.getUpgradeHandler();

const server = createServer((req, res) => {
  const own = isProxyRequest(req.url) ? handleProxy : isInventoryRequest(req.url) ? handleInventory : undefined;
  if (!own) {
    void handle(req, res);
    return;
  }
  own(req, res).catch((e: unknown) => {
    console.error('API failure:', e);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end('internal error');
  });
});
server.on('upgrade', (req, socket, head) => void upgrade(req, socket, head));
// GLASSPANE_MEMORY_LOG=<seconds>: the process's memory use on stdout, for benchmarks.
const every = Number(process.env.GLASSPANE_MEMORY_LOG ?? 0);
if (every > 0) {
  setInterval(() => {
    const m = process.memoryUsage();
    const mb = (n: number) => Math.round(n / 1048576);
    console.log(`glasspane: memory rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, external ${mb(m.external)} MB, buffers ${mb(m.arrayBuffers)} MB`);
  }, every * 1000).unref();
}
server.listen(port, hostname, () => console.log(`glasspane: ready on http://${hostname}:${port}${dev ? ' (development)' : ''}`));

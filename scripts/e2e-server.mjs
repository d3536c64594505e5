/**
 * Playwright's web server: a fresh supervisor on a free port in a temporary data dir, and the
 * built console on 127.0.0.1:$GLASSPANE_E2E_PORT (3100) pointed at it. The connection facts go
 * to a JSON file (GLASSPANE_E2E_ENV_FILE, default .data/e2e/env.json) that e2e/fixtures.ts reads.
 * On SIGTERM/SIGINT (Playwright's graceful shutdown) it stops both and removes the temp dir.
 *
 * Specs can stop and restart the supervisor (to test how the console rides out an outage)
 * through a control endpoint on 127.0.0.1 whose URL is in the facts as `controlUrl`:
 * `POST <controlUrl>/supervisor/stop` (SIGTERM; answers once it has exited) and
 * `POST <controlUrl>/supervisor/start` (same port and data dir; answers once it is ready).
 * See e2e/supervisor-control.ts.
 *
 * Embedding specs (e2e/embed.spec.ts) run the demo host (scripts/demo-host.mjs) themselves on
 * `demoHostUrl` (http://localhost:<GLASSPANE_E2E_DEMO_HOST_PORT, default console port + 1000>),
 * a different site from the console's 127.0.0.1; the console is started with that origin in
 * GLASSPANE_FRAME_ANCESTORS (unless the variable is set already) so it may frame the console.
 *
 * Env: GLASSPANE_E2E_PORT, GLASSPANE_E2E_ENV_FILE, GLASSPANE_E2E_SEED (supervisor --seed),
 * GLASSPANE_E2E_DEMO_HOST_PORT.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { startConsole } from './lib/console-server.mjs';
import { e2eEnvFile, e2ePort } from './lib/e2e-env.mjs';
import { prefixedWriter } from './lib/lines.mjs';
import { createProcessGroup } from './lib/process-group.mjs';
import { ROOT } from './lib/repo.mjs';
import { restartableSupervisor } from './lib/restartable-supervisor.mjs';

const HOST = '127.0.0.1';
const say = (message) => console.log(`[e2e-server] ${message}`);
const complain = (message) => console.error(`[e2e-server] ${message}`);

async function main() {
  const consolePort = e2ePort();
  const envFile = e2eEnvFile();
  const seed = process.env.GLASSPANE_E2E_SEED;
  await buildIfStale({ root: ROOT, log: say });

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'glasspane-e2e-'));
  const group = createProcessGroup({ log: complain });
  group.handleSignals();
  const cleanUp = async () => {
    await rm(envFile, { force: true });
    await rm(dataDir, { recursive: true, force: true });
  };

  const supervisor = restartableSupervisor({
    root: ROOT,
    dataDir,
    port: 0,
    host: HOST,
    args: seed ? ['--seed', seed] : [],
    onLine: prefixedWriter('supervisor', { color: 'cyan' }),
  });
  group.add('supervisor', supervisor.handle);
  let ready;
  try {
    ready = await supervisor.ready;
  } catch (error) {
    if (!group.receivedSignal) {
      complain(error instanceof Error ? error.message : String(error));
      group.stop(1);
    }
    const code = await group.done;
    await cleanUp();
    return code || 1;
  }

  const control = await startControl(supervisor);
  const demoHostUrl = `http://localhost:${process.env.GLASSPANE_E2E_DEMO_HOST_PORT || consolePort + 1000}`;
  const facts = {
    consoleUrl: `http://${HOST}:${consolePort}`,
    demoHostUrl,
    controlUrl: control.url,
    supervisorUrl: ready.url,
    kubeconfig: ready.kubeconfig,
    dataDir,
    pid: process.pid,
  };
  await mkdir(path.dirname(envFile), { recursive: true });
  await writeFile(envFile, `${JSON.stringify(facts, null, 2)}\n`);
  say(`supervisor at ${ready.url}; kubeconfig ${ready.kubeconfig}; facts in ${path.relative(ROOT, envFile)}`);

  const consoleChild = startConsole({
    root: ROOT,
    host: HOST,
    port: consolePort,
    env: { GLASSPANE_FRAME_ANCESTORS: `'self' ${demoHostUrl}`, ...process.env, GLASSPANE_KUBECONFIG: ready.kubeconfig, GLASSPANE_EMBEDDED: '1' },
    onLine: prefixedWriter('console', { color: 'magenta' }),
  });
  group.add('console', consoleChild);

  const code = await group.done;
  control.server.close();
  await cleanUp();
  return code;
}

/**
 * The control endpoint (see the header comment). Requests are handled one at a time.
 * @param {ReturnType<typeof restartableSupervisor>} supervisor
 */
async function startControl(supervisor) {
  let queue = Promise.resolve();
  const actions = { '/supervisor/stop': () => supervisor.stop(), '/supervisor/start': () => supervisor.start() };
  const server = http.createServer((req, res) => {
    const action = req.method === 'POST' ? actions[/** @type {keyof typeof actions} */ (req.url ?? '')] : undefined;
    if (!action) {
      res.writeHead(404).end();
      return;
    }
    queue = queue.then(async () => {
      try {
        await action();
        say(`${req.url}: done`);
        res.writeHead(204).end();
      } catch (error) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(error instanceof Error ? error.message : String(error));
      }
    });
  });
  await new Promise((resolve) => server.listen(0, HOST, () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return { server, url: `http://${HOST}:${address.port}` };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    complain(error instanceof Error ? error.message : String(error));
    process.exit(typeof error?.exitCode === 'number' ? error.exitCode : 1);
  },
);

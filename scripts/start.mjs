/**
 * `npm start`: builds the console when stale, starts the embedded supervisor (unless
 * GLASSPANE_KUBECONFIG names another cluster) and serves the console on 127.0.0.1:$PORT.
 * Arguments after `--` go to the supervisor, e.g. `npm start -- --seed none`.
 * Stops everything on Ctrl+C, and exits with a child's code when either child dies.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { startConsole, waitForHttpOk } from './lib/console-server.mjs';
import { prefixedWriter } from './lib/lines.mjs';
import { createProcessGroup } from './lib/process-group.mjs';
import { ROOT, portFromEnv, resolveUserPath } from './lib/repo.mjs';
import { startSupervisor } from './lib/supervisor.mjs';

const HOST = '127.0.0.1';
const say = (message) => console.log(`[start] ${message}`);
const complain = (message) => console.error(`[start] ${message}`);

/** Shows a path relative to the repository when it lies inside it, as the README does. */
function displayPath(file) {
  const relative = path.relative(ROOT, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Resolves with the kubeconfig to use, starting the embedded supervisor when none is given. */
async function connect(group) {
  if (process.env.GLASSPANE_KUBECONFIG) {
    const kubeconfig = resolveUserPath(process.env.GLASSPANE_KUBECONFIG);
    if (!existsSync(kubeconfig)) throw new Error(`GLASSPANE_KUBECONFIG names ${kubeconfig}, which does not exist`);
    say(`Using ${kubeconfig} (its current context); the embedded supervisor is not started.`);
    return { kubeconfig, embedded: false };
  }
  const port = portFromEnv(process.env.SUPERVISOR_PORT, 6443, 'SUPERVISOR_PORT');
  const dataDir = process.env.SUPERVISOR_DATA_DIR
    ? resolveUserPath(process.env.SUPERVISOR_DATA_DIR)
    : path.join(ROOT, '.data', 'supervisor');
  say(`Starting the embedded supervisor (data in ${displayPath(dataDir)}, port ${port}).`);
  const supervisor = startSupervisor({
    root: ROOT,
    dataDir,
    port,
    args: process.argv.slice(2),
    onLine: prefixedWriter('supervisor', { color: 'cyan' }),
  });
  group.add('supervisor', supervisor.child);
  const { url, kubeconfig } = await supervisor.ready;
  return { kubeconfig, embedded: true, supervisorUrl: url };
}

function printBanner({ consoleUrl, kubeconfig, embedded, supervisorUrl }) {
  const shown = displayPath(kubeconfig);
  const lines = [
    '',
    `  Glasspane console:  ${consoleUrl}`,
    ...(supervisorUrl ? [`  Supervisor API:     ${supervisorUrl}`] : []),
    `  Kubeconfig:         ${kubeconfig}`,
    `  Try:                kubectl --kubeconfig ${shown} get ns`,
    ...(embedded ? ['  Contexts:           admin (current), devops, developer (namespace team-a)'] : []),
    '',
    '  Press Ctrl+C to stop.',
    '',
  ];
  console.log(lines.join('\n'));
}

async function main() {
  const consolePort = portFromEnv(process.env.PORT, 3000, 'PORT');
  await buildIfStale({ root: ROOT, log: say });

  const group = createProcessGroup({ log: complain });
  group.handleSignals();

  let connection;
  try {
    connection = await connect(group);
  } catch (error) {
    // A supervisor that died was already reported by the group, its output shown live.
    if (!group.stopping) {
      complain(error instanceof Error ? error.message : String(error));
      group.stop(1);
    }
    return group.done;
  }

  const consoleChild = startConsole({
    root: ROOT,
    host: HOST,
    port: consolePort,
    env: {
      ...process.env,
      GLASSPANE_KUBECONFIG: connection.kubeconfig,
      GLASSPANE_EMBEDDED: connection.embedded ? '1' : '0',
    },
    onLine: prefixedWriter('console', { color: 'magenta' }),
  });
  group.add('console', consoleChild);
  const consoleUrl = `http://${HOST}:${consolePort}`;
  waitForHttpOk(`${consoleUrl}/api/healthz`, { child: consoleChild }).then(
    () => printBanner({ consoleUrl, ...connection }),
    (error) => {
      if (group.stopping) return;
      complain(`the console did not come up: ${error.message}`);
      group.stop(1);
    },
  );
  return group.done;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    complain(error instanceof Error ? error.message : String(error));
    process.exit(typeof error?.exitCode === 'number' ? error.exitCode : 1);
  },
);

/**
 * Starts the embedded supervisor as a child process and waits for its ready line.
 * Contract: `node --import tsx supervisor/src/main.ts [--seed default|none]` prints exactly one
 * line `supervisor: ready at <https url>; kubeconfig: <path>` when it serves, and runs until
 * SIGTERM/SIGINT. Env: SUPERVISOR_PORT (0 = any free port), SUPERVISOR_HOST, SUPERVISOR_DATA_DIR.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { forEachLine } from './lines.mjs';

export const READY_LINE = /^supervisor: ready at (https:\/\/\S+); kubeconfig: (\S+)$/;

/** The supervisor's entry point; GLASSPANE_SUPERVISOR_MAIN overrides it (tests of these scripts). */
export const DEFAULT_ENTRY = 'supervisor/src/main.ts';

/**
 * @param {string} line
 * @returns {{ url: string, kubeconfig: string } | null}
 */
export function parseReadyLine(line) {
  const match = READY_LINE.exec(line);
  return match ? { url: /** @type {string} */ (match[1]), kubeconfig: /** @type {string} */ (match[2]) } : null;
}

/**
 * @typedef {object} SupervisorOptions
 * @property {string} root repository root; relative paths resolve against it
 * @property {string} dataDir
 * @property {number | string} port
 * @property {string} [host]
 * @property {string[]} [args] extra arguments, e.g. ['--seed', 'none']
 * @property {string} [entry]
 * @property {NodeJS.ProcessEnv} [env]
 * @property {(line: string) => void} [onLine] every output line (stdout and stderr)
 * @property {number} [readyTimeoutMs]
 */

/**
 * Spawns the supervisor. `ready` resolves with its URL and absolute kubeconfig path, or rejects
 * when it exits or stays silent past the deadline (the child is then left to the caller).
 * @param {SupervisorOptions} options
 */
export function startSupervisor({
  root,
  dataDir,
  port,
  host,
  args = [],
  entry = process.env.GLASSPANE_SUPERVISOR_MAIN || DEFAULT_ENTRY,
  env = process.env,
  onLine = () => {},
  readyTimeoutMs = 120_000,
}) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    env: {
      ...env,
      SUPERVISOR_PORT: String(port),
      SUPERVISOR_DATA_DIR: path.resolve(root, dataDir),
      ...(host ? { SUPERVISOR_HOST: host } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  /** Kept to explain an early exit: the last lines usually hold the stack trace. */
  const recent = [];
  const ready = new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn(value);
    };
    const timer = setTimeout(() => {
      settle(reject, new Error(`the supervisor printed no ready line within ${readyTimeoutMs / 1000} s`));
    }, readyTimeoutMs);
    const handle = (line) => {
      recent.push(line);
      if (recent.length > 20) recent.shift();
      onLine(line);
      const parsed = parseReadyLine(line);
      if (parsed) settle(resolve, { url: parsed.url, kubeconfig: path.resolve(root, parsed.kubeconfig) });
    };
    forEachLine(child.stdout, handle);
    forEachLine(child.stderr, handle);
    child.on('error', (error) => settle(reject, new Error(`cannot start the supervisor: ${error.message}`)));
    child.on('close', (code, signal) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      const tail = recent.length ? `; its last output:\n  ${recent.join('\n  ')}` : '';
      settle(reject, new Error(`the supervisor ${how} before it was ready${tail}`));
    });
  });
  // A caller that stops waiting must not see an unhandled rejection.
  ready.catch(() => {});
  return { child, ready };
}

/** Starts the built console (server.ts: the API proxy, then Next.js) and waits until it answers. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { forEachLine } from './lines.mjs';

/**
 * Node's arguments that run the built console server (server.ts bundled by
 * scripts/build-server.mjs; `npm run dev` runs server.ts itself through tsx). V8 is told to keep
 * the heap close to what is live (a 4 MB young generation, old space grown by 25 % instead of
 * V8's default factor): under a steady stream of watch events the heap otherwise grew lazily to
 * about 210 MB (RSS 350 MB) with about 100 MB live; with these it stays near 126 MB (RSS 245 MB).
 * @param {string} root
 */
export function consoleServerArgs(root) {
  return ['--max-semi-space-size=4', '--heap-growing-percent=25', path.join(root, '.next', 'glasspane-server.mjs')];
}

/**
 * @param {{ root: string, host: string, port: number | string, env: NodeJS.ProcessEnv,
 *   onLine?: (line: string) => void }} options
 */
export function startConsole({ root, host, port, env, onLine = () => {} }) {
  const child = spawn(process.execPath, [...consoleServerArgs(root), '-H', host, '-p', String(port)], {
    cwd: root,
    env: { NEXT_TELEMETRY_DISABLED: '1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  forEachLine(child.stdout, onLine);
  forEachLine(child.stderr, onLine);
  return child;
}

/**
 * Polls `url` until it answers 2xx. Rejects when `child` exits first or after `timeoutMs`.
 * @param {string} url
 * @param {{ child?: import('node:child_process').ChildProcess, timeoutMs?: number, intervalMs?: number }} [options]
 */
export async function waitForHttpOk(url, { child, timeoutMs = 60_000, intervalMs = 250 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  const onClose = () => {
    exited = true;
  };
  child?.once('close', onClose);
  try {
    for (;;) {
      if (exited) throw new Error(`the process exited before ${url} answered`);
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
        await response.body?.cancel();
        if (response.ok) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    child?.off('close', onClose);
  }
}

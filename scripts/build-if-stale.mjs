/**
 * Builds the console with `next build`, then bundles server.ts (scripts/build-server.mjs),
 * unless both outputs are newer than every file the build reads. Shared by `npm start`,
 * `npm run test:e2e`, the e2e web server and the bench; also runnable alone:
 * `node scripts/build-if-stale.mjs`.
 */
import { spawn } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, SERVER_BUNDLE } from './build-server.mjs';
import { forEachLine, prefixedWriter } from './lib/lines.mjs';

/** Files and directories whose changes make a build stale, relative to the repository root. */
export const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'package.json',
  'tsconfig.json',
  'postcss.config.mjs',
  'server.ts',
];

/** Unit tests and their helpers sit next to the code but never reach the build. */
const IGNORED = /(\.test\.[cm]?[jt]sx?$)|(^|\/)test-support(\/|$)/;

/**
 * The newest modification time among the build inputs (recursively), ignoring tests.
 * Missing inputs are skipped.
 * @param {string} root
 * @param {readonly string[]} [inputs]
 * @returns {Promise<{ mtimeMs: number, file: string | null }>}
 */
export async function newestInput(root, inputs = BUILD_INPUTS) {
  let newest = { mtimeMs: 0, file: /** @type {string | null} */ (null) };
  const visit = async (relative) => {
    if (IGNORED.test(relative)) return;
    let info;
    try {
      info = await stat(path.join(root, relative));
    } catch {
      return;
    }
    if (info.isDirectory()) {
      const entries = await readdir(path.join(root, relative));
      await Promise.all(entries.map((entry) => visit(path.posix.join(relative, entry))));
    } else if (info.mtimeMs > newest.mtimeMs) {
      newest = { mtimeMs: info.mtimeMs, file: relative };
    }
  };
  await Promise.all(inputs.map(visit));
  return newest;
}

/**
 * Whether `next build` must run, and why.
 * @param {string} root
 * @returns {Promise<{ stale: boolean, reason: string }>}
 */
export async function buildStatus(root) {
  let built;
  try {
    built = await stat(path.join(root, '.next', 'BUILD_ID'));
  } catch {
    return { stale: true, reason: 'no build yet (.next/BUILD_ID is missing)' };
  }
  try {
    const server = await stat(path.join(root, SERVER_BUNDLE));
    if (server.mtimeMs < built.mtimeMs) built = server;
  } catch {
    return { stale: true, reason: `no server bundle yet (${SERVER_BUNDLE} is missing)` };
  }
  const newest = await newestInput(root);
  if (newest.mtimeMs > built.mtimeMs) {
    return { stale: true, reason: `${newest.file} changed after the last build` };
  }
  return { stale: false, reason: 'the build is up to date' };
}

/**
 * Runs `next build` when the build is stale; output lines are prefixed with `[build]`.
 * @param {{ root: string, log?: (message: string) => void, force?: boolean }} options
 * @returns {Promise<boolean>} true when a build ran
 * @throws Error with `exitCode` when the build fails
 */
export async function buildIfStale({ root, log = (message) => console.log(message), force = false }) {
  const status = force ? { stale: true, reason: 'a build was requested' } : await buildStatus(root);
  if (!status.stale) return false;
  log(`Building the console: ${status.reason}.`);
  const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, 'build'], {
    cwd: root,
    env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const write = prefixedWriter('build', { color: 'yellow' });
  forEachLine(child.stdout, write);
  forEachLine(child.stderr, write);
  const [code, signal] = await new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  if (code !== 0) {
    const error = new Error(`next build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`);
    Object.assign(error, { exitCode: code ?? 1 });
    throw error;
  }
  await buildServer(root);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  buildIfStale({ root, force: process.argv.includes('--force') })
    .then((built) => {
      if (!built) console.log('The console build is up to date.');
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(error.exitCode ?? 1);
    });
}

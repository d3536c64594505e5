/**
 * `npm run test:e2e`: builds the console when stale, then runs Playwright (which starts
 * scripts/e2e-server.mjs as its web server). Arguments are passed to `playwright test`,
 * e.g. `npm run test:e2e -- e2e/home.spec.ts --headed`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildIfStale } from './build-if-stale.mjs';
import { exitCodeOf } from './lib/process-group.mjs';
import { ROOT } from './lib/repo.mjs';

async function main() {
  await buildIfStale({ root: ROOT, log: (message) => console.log(`[e2e] ${message}`) });
  const cli = createRequire(path.join(ROOT, 'package.json')).resolve('@playwright/test/cli');
  const child = spawn(process.execPath, [cli, 'test', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
  // Ctrl+C reaches Playwright directly (same process group); forwarding it too would make a
  // second SIGINT, which skips Playwright's graceful web server shutdown. SIGTERM is forwarded.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(exitCodeOf(code, signal)));
  });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(typeof error?.exitCode === 'number' ? error.exitCode : 1);
  },
);

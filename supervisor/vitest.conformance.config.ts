import { defineConfig } from 'vitest/config';
import path from 'node:path';

/**
 * The supervisor conformance suite (`npm run test:conformance`): the real kubectl v1.32 and
 * @kubernetes/client-node against real supervisor processes (one per test file). Each file
 * spawns a server plus many kubectl processes, so on a 2-core machine at most two files run at
 * once, and timeouts are generous because every kubectl call re-discovers the API.
 */
const root = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root,
  resolve: { alias: { '@': root } },
  test: {
    include: ['supervisor/test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    testTimeout: 120_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    // One failure report per test: a flaky retry would hide a real server bug.
    retry: 0,
  },
});

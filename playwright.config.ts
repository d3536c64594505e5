import { defineConfig } from '@playwright/test';
import { e2ePort } from './scripts/lib/e2e-env.mjs';

/**
 * End-to-end tests against the real console and a real embedded supervisor.
 * Playwright starts scripts/e2e-server.mjs (fresh supervisor on a free port + `next start` on
 * GLASSPANE_E2E_PORT, default 3100); specs read its facts through e2e/fixtures.ts.
 * The browser is Debian's Chromium (CHROMIUM_PATH), so nothing is downloaded.
 */
const baseURL = `http://127.0.0.1:${e2ePort()}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Two cores: one browser at a time keeps the supervisor and console responsive.
  workers: 1,
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `${baseURL}/api/healthz`,
    // Includes a `next build` when the build is stale.
    timeout: 240_000,
    reuseExistingServer: process.env.GLASSPANE_E2E_REUSE_SERVER === '1',
    // SIGTERM lets the server stop the supervisor and remove its temporary data dir.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    stdout: process.env.GLASSPANE_E2E_VERBOSE ? 'pipe' : 'ignore',
    stderr: 'pipe',
  },
});

/**
 * The file through which scripts/e2e-server.mjs tells the Playwright specs where everything runs.
 * Shape: { consoleUrl, demoHostUrl, controlUrl, supervisorUrl, kubeconfig, dataDir, pid }.
 */
import path from 'node:path';
import { ROOT, portFromEnv } from './repo.mjs';

/** GLASSPANE_E2E_ENV_FILE, or .data/e2e/env.json in the repository. */
export function e2eEnvFile(env = process.env) {
  return path.resolve(ROOT, env.GLASSPANE_E2E_ENV_FILE || path.join('.data', 'e2e', 'env.json'));
}

/** The console port the e2e server listens on: GLASSPANE_E2E_PORT or 3100. */
export function e2ePort(env = process.env) {
  return portFromEnv(env.GLASSPANE_E2E_PORT, 3100, 'GLASSPANE_E2E_PORT');
}

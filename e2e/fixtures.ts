import { readFileSync } from 'node:fs';
import { test as base } from '@playwright/test';
import { e2eEnvFile, type E2eEnvironment } from '../scripts/lib/e2e-env.mjs';
import { createKubectl, type Kubectl } from './kubectl';

export { expect } from '@playwright/test';
export type { E2eEnvironment, Kubectl };

/** Reads the facts scripts/e2e-server.mjs wrote once the supervisor was ready. */
export function readE2eEnvironment(): E2eEnvironment {
  const file = e2eEnvFile();
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as E2eEnvironment;
  } catch (error) {
    throw new Error(
      `Cannot read ${file} (${error instanceof Error ? error.message : String(error)}). ` +
        'Run the specs with `npm run test:e2e`: Playwright then starts scripts/e2e-server.mjs, which writes it.',
    );
  }
}

interface WorkerFixtures {
  /** Where the console, the supervisor and its kubeconfig are. */
  e2eEnv: E2eEnvironment;
  /** The real kubectl against the test supervisor (admin context unless told otherwise). */
  kubectl: Kubectl;
}

export const test = base.extend<object, WorkerFixtures>({
  e2eEnv: [
    async ({}, provide) => {
      await provide(readE2eEnvironment());
    },
    { scope: 'worker' },
  ],
  kubectl: [
    async ({ e2eEnv }, provide) => {
      await provide(createKubectl(e2eEnv.kubeconfig));
    },
    { scope: 'worker' },
  ],
});

import type { E2eEnvironment } from './fixtures';

/**
 * Stops and restarts the e2e supervisor through scripts/e2e-server.mjs's control endpoint.
 * `stopSupervisor` resolves once the process has exited (the API server no longer answers);
 * `startSupervisor` once it is ready again on the same address with the same data. A spec that
 * stops it must start it again (use try/finally): later specs share the supervisor.
 */
async function control(env: E2eEnvironment, action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(`${env.controlUrl}/supervisor/${action}`, { method: 'POST' });
  if (res.status !== 204) throw new Error(`supervisor ${action} failed (${res.status}): ${await res.text()}`);
}

export const stopSupervisor = (env: E2eEnvironment) => control(env, 'stop');
export const startSupervisor = (env: E2eEnvironment) => control(env, 'start');

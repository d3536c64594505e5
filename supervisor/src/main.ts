import { loadConfig } from './config';
import { startSupervisor } from './server';

/**
 * `npm run supervisor`: starts the embedded supervisor and prints one machine-readable ready
 * line (`supervisor: ready at <url>; kubeconfig: <path>`) that scripts wait for.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`supervisor: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const supervisor = await startSupervisor(config);
  process.stdout.write(`supervisor: ready at ${supervisor.url}; kubeconfig: ${supervisor.kubeconfig}\n`);
  if (config.log !== 'quiet') {
    process.stdout.write(`supervisor: data in ${config.dataDir}; try: kubectl --kubeconfig ${supervisor.kubeconfig} get namespaces\n`);
  }
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void supervisor.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`supervisor: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

// Test double for the supervisor's process contract only (ready line, exit, signals); it serves
// nothing. Used by supervisor.test.ts. FAKE_SUPERVISOR_MODE: ready | crash | silent.
const mode = process.env.FAKE_SUPERVISOR_MODE ?? 'ready';
process.stdout.write(`starting with port=${process.env.SUPERVISOR_PORT} dir=${process.env.SUPERVISOR_DATA_DIR} args=${process.argv.slice(2).join(',')}\n`);
if (mode === 'crash') {
  process.stderr.write('Error: listen EADDRINUSE: address already in use 127.0.0.1:6443\n');
  process.exit(3);
}
if (mode === 'ready') {
  // Split across writes to exercise line reassembly.
  process.stdout.write('supervisor: ready at https://127.0.0.1:');
  setTimeout(() => process.stdout.write('7443; kubeconfig: kc/kubeconfig\n'), 20);
}
setInterval(() => {}, 1000);
process.on('SIGTERM', () => process.exit(0));

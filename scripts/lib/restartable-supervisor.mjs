/**
 * The e2e supervisor as one long-lived member of a process group that specs can stop and start
 * again (e2e/stale-banner.spec.ts: "stop the supervisor, see the stale banner, restart it").
 * The handle looks like a ChildProcess to the group (`kill`, 'close', 'error'); a stop asked
 * for with `stop()` is not a crash, so the group keeps the console running meanwhile. `start()`
 * reuses the same data dir and port, so the kubeconfig, tokens and stored objects stay valid.
 */
import { EventEmitter } from 'node:events';
import { startSupervisor } from './supervisor.mjs';

/**
 * @param {import('./supervisor.mjs').SupervisorOptions} options the first start's options
 *   (port may be 0); restarts use the port the first start got.
 */
export function restartableSupervisor(options) {
  const handle = /** @type {EventEmitter & { kill(signal?: NodeJS.Signals): boolean }} */ (new EventEmitter());
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  /** @type {(() => void) | null} */
  let stopped = null;
  let ended = false;
  let port = options.port;

  /** @param {import('node:child_process').ChildProcess} c */
  const attach = (c) => {
    child = c;
    c.on('error', (error) => handle.emit('error', error));
    c.on('close', (code, signal) => {
      if (child !== c) return;
      child = null;
      if (stopped) {
        const done = stopped;
        stopped = null;
        done();
        return;
      }
      ended = true;
      handle.emit('close', code, signal);
    });
  };

  const launch = () => {
    const started = startSupervisor({ ...options, port });
    attach(started.child);
    return started.ready.then((ready) => {
      port = Number(new URL(ready.url).port);
      return ready;
    });
  };

  handle.kill = (signal = 'SIGTERM') => {
    if (child) return child.kill(signal);
    // Stopped on request when the group ends: end now, as an exited child would.
    if (!ended) {
      ended = true;
      queueMicrotask(() => handle.emit('close', 0, null));
    }
    return true;
  };

  return {
    /** Give this to the process group. */
    handle,
    /** The first start; resolves with `{ url, kubeconfig }` once ready. */
    ready: launch(),
    /** Stops the supervisor (SIGTERM) and resolves once it has exited. */
    stop() {
      if (!child || stopped) return Promise.resolve();
      const c = child;
      return new Promise((resolve) => {
        stopped = () => resolve(undefined);
        c.kill('SIGTERM');
      });
    },
    /** Starts it again on the same port and data dir; resolves once it is ready. */
    async start() {
      if (ended) throw new Error('the e2e server is stopping');
      if (!child) await launch();
    },
    get running() {
      return child !== null;
    },
  };
}

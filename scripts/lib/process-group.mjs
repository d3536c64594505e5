/**
 * Runs child processes as one unit: when any member ends on its own, the others are stopped and
 * the group ends with that member's exit code; SIGINT/SIGTERM to this process stop them all
 * (a second signal kills them at once). Used by `npm start` and the e2e web server.
 */
import os from 'node:os';

/**
 * Exit code a shell would report for a child: its code, or 128 + signal number.
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 */
export function exitCodeOf(code, signal) {
  if (code !== null) return code;
  const number = signal ? os.constants.signals[signal] : undefined;
  return number ? 128 + number : 1;
}

/**
 * @param {{ log?: (message: string) => void, killAfterMs?: number }} [options]
 */
export function createProcessGroup({ log = (message) => console.error(message), killAfterMs = 10_000 } = {}) {
  /** @type {Map<string, import('node:child_process').ChildProcess>} */
  const running = new Map();
  /** @type {{ exitCode: number } | null} */
  let stopping = null;
  /** @type {NodeJS.Signals | null} */
  let receivedSignal = null;
  /** @type {(code: number) => void} */
  let finish = () => {};
  /** @type {Promise<number>} */
  const done = new Promise((resolve) => {
    finish = resolve;
  });

  const finishIfIdle = () => {
    if (stopping && running.size === 0) finish(stopping.exitCode);
  };

  /**
   * Stops every running member with `signal`, escalating to SIGKILL after `killAfterMs`;
   * the group then ends with `exitCode`. A second call kills at once.
   * @param {number} exitCode
   * @param {NodeJS.Signals} [signal]
   */
  const stop = (exitCode, signal = 'SIGTERM') => {
    if (stopping) {
      for (const child of running.values()) child.kill('SIGKILL');
      return;
    }
    stopping = { exitCode };
    for (const child of running.values()) child.kill(signal);
    setTimeout(() => {
      for (const [name, child] of running) {
        log(`${name} did not stop within ${killAfterMs / 1000} s; killing it`);
        child.kill('SIGKILL');
      }
    }, killAfterMs).unref();
    finishIfIdle();
  };

  /**
   * @param {string} name
   * @param {import('node:child_process').ChildProcess} child
   */
  const add = (name, child) => {
    running.set(name, child);
    child.on('error', (error) => log(`${name}: ${error.message}`));
    child.on('close', (code, signal) => {
      if (!running.delete(name)) return;
      if (!stopping) {
        const exitCode = exitCodeOf(code, signal);
        log(`${name} ${signal ? `was killed by ${signal}` : `exited with code ${code}`}; stopping the rest`);
        stop(exitCode);
      }
      finishIfIdle();
    });
  };

  /** Forwards SIGINT and SIGTERM received by this process to the members. */
  const handleSignals = () => {
    for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
      process.on(signal, () => {
        receivedSignal ??= signal;
        stop(0, signal);
      });
    }
  };

  return {
    add,
    stop,
    done,
    handleSignals,
    /** True once the group is stopping, for whatever reason. */
    get stopping() {
      return stopping !== null;
    },
    /** The first SIGINT/SIGTERM this process received, if any: the stop was asked for. */
    get receivedSignal() {
      return receivedSignal;
    },
  };
}

/**
 * `npm test`: runs every check in order and keeps going after a failure, so the summary shows
 * each step; exits non-zero when any failed. `npm test -- lint test:unit` runs only those steps.
 */
import { spawn } from 'node:child_process';
import { exitCodeOf } from './lib/process-group.mjs';
import { ROOT } from './lib/repo.mjs';
import { formatSummary } from './lib/summary.mjs';

const STEPS = ['typecheck', 'lint', 'test:unit', 'test:conformance', 'test:e2e'];

/** The step running now, so that a SIGTERM can be passed on to it. */
let current = null;

/** Runs `npm run <step>` with inherited output. Uses the npm that runs this script when known. */
function runStep(step) {
  const npmCli = process.env.npm_execpath;
  const [command, args] = npmCli && /\.[cm]?js$/.test(npmCli)
    ? [process.execPath, [npmCli, 'run', step]]
    : ['npm', ['run', step]];
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    current = child;
    child.on('error', (error) => {
      console.error(`[test] cannot run ${step}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(exitCodeOf(code, signal)));
  });
}

async function main() {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((step) => !STEPS.includes(step));
  if (unknown.length) {
    console.error(`[test] unknown step(s): ${unknown.join(', ')}; steps are ${STEPS.join(', ')}`);
    return 2;
  }
  const steps = requested.length ? STEPS.filter((step) => requested.includes(step)) : STEPS;

  let interrupted = false;
  // The running step receives Ctrl+C itself (same process group); this only stops the sequence.
  process.on('SIGINT', () => {
    interrupted = true;
  });
  process.on('SIGTERM', () => {
    interrupted = true;
    current?.kill('SIGTERM');
  });

  const results = [];
  for (const step of steps) {
    if (interrupted) {
      results.push({ step, status: 'skipped', durationMs: 0 });
      continue;
    }
    console.log(`\n[test] ── ${step} ${'─'.repeat(Math.max(0, 60 - step.length))}`);
    const started = performance.now();
    const exitCode = await runStep(step);
    const durationMs = performance.now() - started;
    results.push(exitCode === 0 ? { step, status: 'passed', durationMs } : { step, status: 'failed', durationMs, exitCode });
  }

  console.log(`\n[test] Summary\n${formatSummary(results)}\n`);
  if (interrupted) return 130;
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

main().then((code) => process.exit(code));

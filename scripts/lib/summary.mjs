/** The table `npm test` prints at the end. */

/**
 * @typedef {{ step: string, status: 'passed' | 'failed' | 'skipped', durationMs: number, exitCode?: number }} StepResult
 */

/** @param {number} ms */
export function formatDuration(ms) {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/**
 * Renders one row per step plus a total, aligned in columns.
 * @param {readonly StepResult[]} results
 * @returns {string}
 */
export function formatSummary(results) {
  const describe = (result) =>
    result.status === 'failed' && result.exitCode !== undefined ? `failed (exit ${result.exitCode})` : result.status;
  const total = results.reduce((sum, result) => sum + result.durationMs, 0);
  const failed = results.filter((result) => result.status === 'failed').length;
  const rows = [
    ['Step', 'Result', 'Duration'],
    ...results.map((result) => [result.step, describe(result), result.status === 'skipped' ? '-' : formatDuration(result.durationMs)]),
    ['Total', failed ? `${failed} failed` : 'all passed', formatDuration(total)],
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => `  ${row[0].padEnd(widths[0])}  ${row[1].padEnd(widths[1])}  ${row[2].padStart(widths[2])}`;
  const rule = `  ${'-'.repeat(widths[0] + widths[1] + widths[2] + 4)}`;
  return [line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1])].join('\n');
}

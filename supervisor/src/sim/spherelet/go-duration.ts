/**
 * Go's `time.Duration.String()` for whole milliseconds, as the kubelet prints pull times
 * ("2.345s", "512ms", "1m4.5s").
 */
export function goDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  if (total === 0) return '0s';
  if (total < 1000) return `${total}ms`;
  const minutes = Math.floor(total / 60_000);
  const hours = Math.floor(minutes / 60);
  const restMs = total - minutes * 60_000;
  const seconds = `${(restMs / 1000).toFixed(3).replace(/\.?0+$/, '')}s`;
  if (hours > 0) return `${hours}h${minutes % 60}m${seconds}`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}

/**
 * A labelled bar of use against a limit (`meter` semantics): the text says the numbers, the bar
 * turns amber above 80% and red at or above 100%.
 */
export function UsageBar({ label, used, total, text }: { label: string; used: number; total: number; text: string }) {
  const fraction = total > 0 ? used / total : 0;
  const pct = Math.min(100, Math.round(fraction * 100));
  const tone = fraction >= 1 ? 'bg-red-600 dark:bg-red-500' : fraction > 0.8 ? 'bg-amber-500' : 'bg-accent dark:bg-accent-dark';
  return (
    <div className="space-y-0.5">
      <div className="flex justify-between gap-3 text-xs">
        <span className="min-w-0 font-medium break-words">{label}</span>
        <span className="shrink-0 text-muted tabular-nums whitespace-nowrap dark:text-muted-dark">{text}</span>
      </div>
      <div role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={total} aria-valuenow={Math.min(used, total)} aria-valuetext={text} className="h-2 overflow-hidden rounded-full bg-slate-200 dark:bg-white/10">
        <div className={`h-full ${tone}`} style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

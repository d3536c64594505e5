import type { QuotaBar } from '@/lib/self-service/quota-bars';

/**
 * One quota line as a meter: the label, `used / hard (n%)` as text, and a bar (amber above 80%,
 * red when full). The meter's accessible text says it in words, with what is left.
 */
const TONE: Record<QuotaBar['tone'], string> = {
  ok: 'bg-accent dark:bg-accent-dark',
  high: 'bg-amber-500 dark:bg-amber-400',
  full: 'bg-red-600 dark:bg-red-500',
};

export function QuotaMeter({ bar }: { bar: QuotaBar }) {
  return (
    <div className="space-y-0.5">
      <div className="flex justify-between gap-3 text-xs">
        <span className="min-w-0 break-words" title={bar.resource}>
          {bar.label}
        </span>
        <span className={`shrink-0 tabular-nums ${bar.tone === 'ok' ? 'text-muted dark:text-muted-dark' : 'font-semibold text-amber-800 dark:text-amber-300'}`}>{bar.text}</span>
      </div>
      <div role="meter" aria-label={bar.label} aria-valuemin={0} aria-valuemax={bar.hard} aria-valuenow={Math.min(bar.used, bar.hard)} aria-valuetext={bar.spoken} className="h-1.5 overflow-hidden rounded-full bg-slate-200 dark:bg-white/10">
        <div className={`h-full ${TONE[bar.tone]}`} style={{ width: `${Math.min(100, bar.percent)}%` }} />
      </div>
    </div>
  );
}

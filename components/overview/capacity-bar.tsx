import type { Usage } from '@/lib/health/capacity';
import { amountText, capacitySentence, percent, type Resource } from '@/lib/overview/cluster-capacity';

/**
 * One horizontal bar of allocation against capacity. For assistive technology it is an image
 * whose name is the whole sentence ("esxi-01: CPU 12 of 48 cores allocated (25%)"); the short
 * visible figures beside it are hidden from it so nothing is read twice. Amber above 80%, red
 * at or above 100% (over-committed).
 */
export function CapacityBar({ subject, resource, usage, wide = false }: { subject: string; resource: Resource; usage: Usage; wide?: boolean }) {
  const p = percent(usage);
  const fraction = usage.total > 0 ? usage.used / usage.total : 0;
  const tone = fraction >= 1 ? 'bg-red-600 dark:bg-red-500' : fraction > 0.8 ? 'bg-amber-500' : 'bg-accent dark:bg-accent-dark';
  return (
    <div role="img" aria-label={capacitySentence(subject, resource, usage)} className="flex min-w-0 items-center gap-2">
      <div className={`${wide ? 'h-3' : 'h-2'} min-w-16 flex-1 overflow-hidden rounded-sm bg-slate-200 dark:bg-white/10`}>
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, fraction * 100)}%` }} />
      </div>
      <span aria-hidden="true" className="w-44 shrink-0 text-right text-xs tabular-nums whitespace-nowrap text-muted dark:text-muted-dark">
        {amountText(resource, usage)}
        <span className="ml-1.5 inline-block w-9 font-medium text-slate-900 dark:text-slate-100">{p === undefined ? '—' : `${p}%`}</span>
      </span>
    </div>
  );
}

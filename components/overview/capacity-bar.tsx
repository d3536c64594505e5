import type { Usage } from '@/lib/health/capacity';
import { amountText, capacitySentence, percent, type Resource } from '@/lib/overview/cluster-capacity';

/**
 * One horizontal bar of allocation against capacity, its figures above it. For assistive
 * technology it is an image named by the whole sentence ("esxi-01: CPU 12 of 48 cores allocated
 * (25%)"); the visible figures are part of it, so nothing is read twice. Amber above 80%, red at
 * or above 100% (over-committed).
 */
export function CapacityBar({ subject, resource, usage, label, wide = false }: { subject: string; resource: Resource; usage: Usage; label?: string; wide?: boolean }) {
  const p = percent(usage);
  const fraction = usage.total > 0 ? usage.used / usage.total : 0;
  const tone = fraction >= 1 ? 'bg-red-600 dark:bg-red-500' : fraction > 0.8 ? 'bg-amber-500' : 'bg-accent dark:bg-accent-dark';
  return (
    <div role="img" aria-label={capacitySentence(subject, resource, usage)} className="min-w-0">
      <div className="flex items-baseline gap-2 text-xs tabular-nums whitespace-nowrap">
        {label ? <span className="font-semibold">{label}</span> : null}
        <span className="min-w-0 truncate text-muted dark:text-muted-dark">{amountText(resource, usage)}</span>
        <span className="ml-auto font-semibold">{p === undefined ? '—' : `${p}%`}</span>
      </div>
      <div className={`${wide ? 'h-2.5' : 'h-1.5'} mt-0.5 overflow-hidden rounded-sm bg-slate-200 dark:bg-white/10`}>
        <div className={`h-full ${tone}`} style={{ width: `${Math.min(100, fraction * 100)}%` }} />
      </div>
    </div>
  );
}

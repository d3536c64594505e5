import type { Health } from '@/lib/resources/types';

/**
 * A status badge: shape and colour both carry the state (a tick, arrows, a triangle, a cross, a
 * question mark), so it reads without colour vision. Decorative for assistive technology: the
 * tree row's accessible name carries the word.
 */
const STYLE: Record<Health, { color: string; glyph: string; shape: 'circle' | 'triangle' }> = {
  healthy: { color: 'text-emerald-600 dark:text-emerald-400', glyph: 'M5.2 8.2 7.1 10l3.7-4', shape: 'circle' },
  progressing: { color: 'text-sky-600 dark:text-sky-400', glyph: 'M5 8h6 M8.5 5.5 11 8l-2.5 2.5', shape: 'circle' },
  warning: { color: 'text-amber-500 dark:text-amber-400', glyph: 'M8 6v3 M8 11.2v.3', shape: 'triangle' },
  error: { color: 'text-red-600 dark:text-red-400', glyph: 'M5.8 5.8l4.4 4.4 M10.2 5.8l-4.4 4.4', shape: 'circle' },
  unknown: { color: 'text-slate-400 dark:text-slate-500', glyph: 'M6.4 6.3a1.7 1.7 0 1 1 2.3 1.6c-.5.2-.7.6-.7 1.1v.3 M8 11.2v.3', shape: 'circle' },
};

export function HealthBadge({ health, className = '' }: { health: Health; className?: string }) {
  const s = STYLE[health];
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className={`size-3.5 shrink-0 ${s.color} ${className}`} data-health={health}>
      {s.shape === 'circle' ? <circle cx="8" cy="8" r="6.5" fill="currentColor" /> : <path d="M8 1.8 14.6 13.6H1.4Z" fill="currentColor" strokeLinejoin="round" />}
      <path d={s.glyph} fill="none" stroke="white" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export const HEALTH_WORD: Record<Health, string> = {
  healthy: 'healthy',
  progressing: 'progressing',
  warning: 'warning',
  error: 'error',
  unknown: 'unknown',
};

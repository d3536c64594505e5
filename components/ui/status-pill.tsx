export type StatusTone = 'ok' | 'error' | 'warning';

const toneClasses: Record<StatusTone, string> = {
  ok: 'bg-emerald-600 dark:bg-emerald-400',
  error: 'bg-red-600 dark:bg-red-400',
  warning: 'bg-amber-500 dark:bg-amber-400',
};

/** A dot and a word; the word carries the meaning, the colour only reinforces it. */
export function StatusPill({ tone, label }: { tone: StatusTone; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-line px-2 py-0.5 text-xs dark:border-line-dark">
      <span aria-hidden="true" className={`size-2 rounded-full ${toneClasses[tone]}`} />
      {label}
    </span>
  );
}

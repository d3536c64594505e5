import { useId, type ReactNode } from 'react';

/** A prominent error card (role `alert`, named by its title) for a failure the operator must act on. */
export function AlertCard({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const titleId = useId();
  return (
    <div
      role="alert"
      aria-labelledby={titleId}
      className="flex gap-3 rounded-sm border border-l-4 border-red-300 border-l-red-600 bg-red-50 px-3 py-2.5 text-red-950 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40 dark:text-red-100"
    >
      <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0 fill-red-600 dark:fill-red-400" aria-hidden="true">
        <path d="M10 1.5 19 17.5H1L10 1.5Zm-.9 5.5v5.2h1.8V7H9.1Zm0 6.6V15.4h1.8v-1.8H9.1Z" />
      </svg>
      <div className="min-w-0 flex-1 space-y-1.5">
        <h2 id={titleId} className="font-semibold">
          {title}
        </h2>
        {children}
        {actions ? <div className="pt-1">{actions}</div> : null}
      </div>
    </div>
  );
}

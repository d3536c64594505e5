import { useId, type ReactNode } from 'react';

/**
 * A bordered portlet with a small caps title, named by that title for assistive technology
 * (role `region`, accessible name = title).
 */
export function Panel({ title, children, className = '' }: { title: string; children: ReactNode; className?: string }) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className={`rounded-sm border border-line bg-panel dark:border-line-dark dark:bg-panel-dark ${className}`}
    >
      <h2
        id={titleId}
        className="border-b border-line px-3 py-2 text-[11px] font-semibold uppercase tracking-wider text-muted dark:border-line-dark dark:text-muted-dark"
      >
        {title}
      </h2>
      <div className="px-3 py-2">{children}</div>
    </section>
  );
}

import type { TreeIcon } from '@/lib/inventory/types';

/**
 * 16px line icons for tree nodes, drawn in the current text colour with a tinted fill.
 * Decorative: the row's accessible name says what the node is.
 */
const PATHS: Record<TreeIcon, string> = {
  supervisor: 'M8 1.5 14 5v6l-6 3.5L2 11V5Z M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Z',
  hosts: 'M2 2.5h12v4H2Z M2 9.5h12v4H2Z M4.5 4.5h1 M4.5 11.5h1',
  host: 'M2 3h12v10H2Z M2 6.5h12 M2 10h12 M4 4.75h1 M4 8.25h1 M4 11.75h1',
  namespace: 'M2 4.5h4.5l1.5 1.5H14v7H2Z',
  folder: 'M2 4h4.5L8 5.5h6v7.5H2Z',
  vm: 'M2 2.5h12v8.5H2Z M5.5 13.5h5 M8 11v2.5 M4.5 5h4',
  pod: 'M8 1.8 13.5 5v6L8 14.2 2.5 11V5Z M8 8 13.5 5 M8 8 2.5 5 M8 8v6.2',
  workload: 'M2 2.5h5v5H2Z M9 2.5h5v5H9Z M2 9.5h5v4H2Z M9 9.5h5v4H9Z',
  service: 'M3 8a5 5 0 1 0 10 0 5 5 0 1 0-10 0 M8 5v6 M5 8h6',
  database: 'M3 4c0-1.1 2.2-2 5-2s5 .9 5 2v8c0 1.1-2.2 2-5 2s-5-.9-5-2Z M3 4c0 1.1 2.2 2 5 2s5-.9 5-2 M3 8c0 1.1 2.2 2 5 2s5-.9 5-2',
  job: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Z M8 4.5V8l2.5 1.5',
  network: 'M8 2v3 M8 11v3 M3 8h10 M5.5 2h5v3h-5Z M2 11h5v3H2Z M9 11h5v3H9Z M4.5 8v3 M11.5 8v3',
  storage: 'M2 4h12v3H2Z M2 9h12v3H2Z M4 5.5h1 M4 10.5h1',
  config: 'M3 2h7l3 3v9H3Z M10 2v3h3 M5 8h6 M5 10.5h6',
  secret: 'M4 7h8v6.5H4Z M5.5 7V5a2.5 2.5 0 0 1 5 0v2 M8 9.5v1.5',
  event: 'M8 2 14 13H2Z M8 6v3.5 M8 11v.5',
  image: 'M2 3h12v10H2Z M2 11l3.5-3.5 3 3L11 8l3 3 M10.5 5.5h.5',
  class: 'M3 3h10v10H3Z M6 3v10 M3 6h10',
  package: 'M2.5 5 8 2l5.5 3v6L8 14l-5.5-3Z M2.5 5 8 8l5.5-3 M8 8v6',
  cluster: 'M8 2a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z M3.5 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z M12.5 10a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z M7 5.5 4.5 10 M9 5.5l2.5 4.5 M5.5 12h5',
  generic: 'M3 3h10v10H3Z',
  loading: 'M8 2.5a5.5 5.5 0 1 1-5.5 5.5',
  info: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Z M8 7v4 M8 5v.5',
  problem: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Z M8 4.5v4.5 M8 10.75v.5',
};

const TINT: Partial<Record<TreeIcon, string>> = {
  supervisor: 'text-sky-700 dark:text-sky-300',
  hosts: 'text-slate-600 dark:text-slate-300',
  host: 'text-slate-600 dark:text-slate-300',
  namespace: 'text-amber-700 dark:text-amber-300',
  vm: 'text-sky-700 dark:text-sky-300',
  pod: 'text-teal-700 dark:text-teal-300',
  workload: 'text-indigo-700 dark:text-indigo-300',
  job: 'text-indigo-700 dark:text-indigo-300',
  database: 'text-violet-700 dark:text-violet-300',
  problem: 'text-red-700 dark:text-red-300',
};

export function TreeIconView({ icon, className = '' }: { icon: TreeIcon; className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={`size-4 shrink-0 ${TINT[icon] ?? 'text-slate-500 dark:text-slate-400'} ${icon === 'loading' ? 'motion-safe:animate-spin' : ''} ${className}`}
    >
      <path d={PATHS[icon]} fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

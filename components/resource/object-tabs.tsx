'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { ObjectTab } from '@/lib/resources/links';

/**
 * The object page's tabs (WAI-ARIA tabs, automatic activation): the chosen tab is in the URL as
 * `?tab=`, so every tab can be shared and survives a reload. Arrow keys, Home and End move
 * between tabs; only the active tab's panel is rendered, so hidden tabs stream nothing.
 */
export const TAB_LABELS: Record<ObjectTab, string> = { summary: 'Summary', yaml: 'YAML', events: 'Events', related: 'Related', logs: 'Logs' };

export function useActiveTab(tabs: ObjectTab[]): ObjectTab {
  const asked = useSearchParams().get('tab') as ObjectTab | null;
  return asked && tabs.includes(asked) ? asked : tabs[0]!;
}

export function ObjectTabs({ tabs, active, children }: { tabs: ObjectTab[]; active: ObjectTab; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const base = useId();
  const refs = useRef(new Map<ObjectTab, HTMLButtonElement>());

  const select = (tab: ObjectTab, focus = false) => {
    const q = new URLSearchParams(params.toString());
    if (tab === tabs[0]) q.delete('tab');
    else q.set('tab', tab);
    const s = q.toString();
    router.replace(s ? `${pathname}?${s}` : pathname, { scroll: false });
    if (focus) refs.current.get(tab)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(active);
    const to = e.key === 'ArrowRight' ? (i + 1) % tabs.length : e.key === 'ArrowLeft' ? (i - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    select(tabs[to]!, true);
  };

  return (
    <>
      <div role="tablist" aria-label="Object views" onKeyDown={onKeyDown} className="flex gap-1 border-b border-line px-4 dark:border-line-dark">
        {tabs.map((tab) => {
          const selected = tab === active;
          return (
            <button
              key={tab}
              ref={(el) => {
                if (el) refs.current.set(tab, el);
                else refs.current.delete(tab);
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${tab}`}
              aria-selected={selected}
              aria-controls={`${base}-panel`}
              tabIndex={selected ? 0 : -1}
              onClick={() => select(tab)}
              className={`-mb-px border-b-2 px-3 py-1.5 text-[13px] ${selected ? 'border-accent font-semibold text-slate-950 dark:border-accent-dark dark:text-white' : 'border-transparent text-muted hover:text-slate-900 dark:text-muted-dark dark:hover:text-white'}`}
            >
              {TAB_LABELS[tab]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${active}`} tabIndex={-1} className="flex min-h-0 flex-1 flex-col overflow-auto outline-none">
        {children}
      </div>
    </>
  );
}

'use client';

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { markSigningOut } from '@/components/data/session-context';
import { CSRF_HEADER, getCsrfToken } from '@/lib/k8s/client';

/**
 * The signed-in user's name and a menu (menu button pattern) with Sign out. Signing out clears
 * the session cookie and reloads into /login, which drops every cached object of the session.
 */
async function signOut(): Promise<void> {
  markSigningOut();
  try {
    await fetch('/api/auth/logout', { method: 'POST', headers: { [CSRF_HEADER]: getCsrfToken() }, credentials: 'same-origin', cache: 'no-store' });
  } finally {
    // A full navigation on purpose (see above); /login is a fixed, same-origin path.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign('/login');
  }
}

export function UserMenu({ username }: { username: string }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLButtonElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    item.current?.focus();
    const onDown = (e: PointerEvent) => {
      if (!wrapper.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onMenuKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close();
    } else if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      item.current?.focus();
    }
  };

  return (
    <div ref={wrapper} className="relative">
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
        className="flex h-7 items-center gap-1.5 rounded-sm px-2 text-[13px] text-slate-100 hover:bg-white/10 aria-expanded:bg-white/10"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true" className="size-4 text-slate-300">
          <path d="M8 2.5a2.75 2.75 0 1 0 0 5.5 2.75 2.75 0 0 0 0-5.5Z M2.75 14c.5-2.6 2.6-4.2 5.25-4.2s4.75 1.6 5.25 4.2" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
        <span className="max-w-48 truncate">{username}</span>
        <svg viewBox="0 0 10 10" aria-hidden="true" className="size-2.5 text-slate-400">
          <path d="M2 3.5 5 6.5 8 3.5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
        </svg>
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          aria-label={`Signed in as ${username}`}
          onKeyDown={onMenuKey}
          className="absolute right-0 top-full z-30 mt-2 min-w-52 rounded-sm border border-line bg-panel py-1 text-slate-900 shadow-lg dark:border-line-dark dark:bg-panel-dark dark:text-slate-100"
        >
          <p role="presentation" className="border-b border-line px-3 pb-1.5 pt-1 text-xs text-muted dark:border-line-dark dark:text-muted-dark">
            Signed in as <span className="font-medium text-slate-900 dark:text-slate-100">{username}</span>
          </p>
          <button
            ref={item}
            type="button"
            role="menuitem"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void signOut();
            }}
            className="block w-full px-3 py-1.5 text-left hover:bg-slate-100 focus:bg-slate-100 focus:outline-none disabled:opacity-60 dark:hover:bg-white/10 dark:focus:bg-white/10"
          >
            {busy ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

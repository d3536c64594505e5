'use client';

import { useEffect, useRef, useState } from 'react';
import { GlasspaneMark } from '@/components/shell/glasspane-mark';
import { parsePopupMessage, type EmbeddedLogin } from '@/lib/embed/frame-session';
import { EMBED_VIEWS } from '@/lib/embed/routes';

/**
 * Shown in a frame that has no session: the user signs in through a pop-up on the console's own
 * origin (a first-party window, so blocked third-party cookies do not matter), which hands the
 * frame session back with postMessage. Only a message from that pop-up, on this origin, counts.
 */
export function SignInPanel({ problem, waiting, onSignedIn }: { problem?: string; waiting: boolean; onSignedIn(login: EmbeddedLogin): void }) {
  const popup = useRef<Window | null>(null);
  const [blocked, setBlocked] = useState(false);

  useEffect(() => {
    const onMessage = (e: MessageEvent) => {
      if (e.origin !== window.location.origin || !popup.current || e.source !== popup.current) return;
      const login = parsePopupMessage(e.data);
      if (!login) return;
      popup.current = null;
      onSignedIn(login);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onSignedIn]);

  const open = () => {
    const w = window.open(EMBED_VIEWS.signIn, 'glasspane-sign-in', 'popup,width=480,height=640');
    setBlocked(!w);
    popup.current = w;
    w?.focus();
  };

  return (
    <section aria-labelledby="embed-sign-in" className="m-3 max-w-md space-y-3 rounded-sm border border-line bg-panel p-4 dark:border-line-dark dark:bg-panel-dark">
      <div className="flex items-center gap-2">
        <GlasspaneMark className="size-5" />
        <h1 id="embed-sign-in" className="text-sm font-semibold">
          Sign in to Glasspane
        </h1>
      </div>
      {waiting ? (
        <p role="status" className="text-muted dark:text-muted-dark">
          Waiting for the host page to sign you in…
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="rounded-sm border border-red-300 bg-red-50 px-2.5 py-1.5 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">
          {problem}
        </p>
      ) : null}
      <p className="text-muted dark:text-muted-dark">Sign in in a separate window; this view picks the session up when you are done.</p>
      <button type="button" onClick={open} className="h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 dark:bg-accent-dark dark:text-slate-950 dark:hover:bg-sky-300">
        Sign in…
      </button>
      {blocked ? <p role="alert">The browser blocked the sign-in window. Allow pop-ups for this page and try again.</p> : null}
    </section>
  );
}

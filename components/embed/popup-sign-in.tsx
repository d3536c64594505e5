'use client';

import { useId, useState, type FormEvent } from 'react';
import { GlasspaneMark } from '@/components/shell/glasspane-mark';
import { loginErrorMessage } from '@/lib/auth/login-errors';
import { parseEmbeddedLogin, POPUP_MESSAGE } from '@/lib/embed/frame-session';

/**
 * The sign-in pop-up of embedded views (/embed/sign-in): a token, or a demo user on the embedded
 * supervisor. It signs in for a frame session and hands it to the frame that opened it, addressed
 * to the console's own origin only, then closes.
 */
type Credentials = { token: string } | { demoUser: string };

export function PopupSignIn({ demoUsers }: { demoUsers: string[] }) {
  const ids = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  const run = async (credentials: Credentials) => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch('/api/auth/login?embedded=1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials), credentials: 'same-origin', cache: 'no-store' });
      const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
      const login = res.ok ? parseEmbeddedLogin(body) : undefined;
      if (!login) return setError(loginErrorMessage(res.ok ? 500 : res.status, body?.message));
      const opener = window.opener as Window | null;
      if (!opener) return setDone(`Signed in as ${login.username}, but the view that asked is gone. Close this window and try again there.`);
      opener.postMessage({ type: POPUP_MESSAGE, login }, window.location.origin);
      setDone(`Signed in as ${login.username}. You can close this window.`);
      window.close();
    } catch {
      setError(loginErrorMessage(0));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (token.trim()) void run({ token: token.trim() });
    else setError(loginErrorMessage(400));
  };

  return (
    <main className="mx-auto max-w-sm space-y-4 p-5">
      <div className="flex items-center gap-2">
        <GlasspaneMark className="size-6" />
        <h1 className="text-base font-semibold">Sign in to Glasspane</h1>
      </div>
      {done ? (
        <p role="status">{done}</p>
      ) : (
        <>
          <form onSubmit={onSubmit} className="space-y-2" noValidate>
            <label htmlFor={`${ids}-token`} className="block text-xs font-medium text-muted dark:text-muted-dark">
              Bearer token
            </label>
            <input
              id={`${ids}-token`}
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              autoComplete="off"
              className="h-8 w-full rounded-sm border border-line bg-white px-2 font-mono text-xs dark:border-line-dark dark:bg-canvas-dark"
            />
            <button type="submit" disabled={busy} className="h-8 w-full rounded-sm bg-accent px-3 font-medium text-white disabled:opacity-60 dark:bg-accent-dark dark:text-slate-950">
              Sign in
            </button>
          </form>
          {demoUsers.length ? (
            <section aria-label="Demo users" className="space-y-1.5 border-t border-line pt-3 dark:border-line-dark">
              {demoUsers.map((u) => (
                <button key={u} type="button" disabled={busy} onClick={() => void run({ demoUser: u })} className="h-7 w-full rounded-sm border border-line text-xs hover:bg-slate-100 disabled:opacity-60 dark:border-line-dark dark:hover:bg-white/10">
                  Sign in as {u}
                </button>
              ))}
            </section>
          ) : null}
          <div role="alert">{error ? <p className="text-red-800 dark:text-red-200">{error}</p> : null}</div>
        </>
      )}
    </main>
  );
}

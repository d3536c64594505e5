'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { GlasspaneMark } from '@/components/shell/glasspane-mark';
import { loginErrorMessage } from '@/lib/auth/login-errors';
import { landingAfterSignIn } from './landing';

/**
 * The sign-in card: a bearer token (checked by the server with SelfSubjectReview), and on the
 * embedded supervisor one button per demo user. Errors are shown in plain words.
 */
export interface DemoChoice {
  name: string;
  description: string;
}

type Credentials = { token: string } | { demoUser: string };

async function signIn(credentials: Credentials): Promise<string | undefined> {
  let res: Response;
  try {
    res = await fetch('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credentials), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return loginErrorMessage(0);
  }
  if (res.ok) return undefined;
  const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  return loginErrorMessage(res.status, body?.message);
}

export function LoginForm({ next, demoUsers }: { next: string | null; demoUsers: DemoChoice[] }) {
  const router = useRouter();
  const [token, setToken] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | undefined>();
  const ids = useId();

  const run = async (who: string, credentials: Credentials) => {
    setBusy(who);
    setError(undefined);
    const problem = await signIn(credentials);
    if (problem) {
      setError(problem);
      setBusy(undefined);
      return;
    }
    router.replace(await landingAfterSignIn(next));
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!token.trim()) {
      setError(loginErrorMessage(400));
      return;
    }
    void run('token', { token: token.trim() });
  };

  return (
    <main className="flex flex-1 items-start justify-center px-4 py-[12vh]">
      <div className="w-full max-w-[440px] overflow-hidden rounded-sm border border-line bg-panel shadow-sm dark:border-line-dark dark:bg-panel-dark">
        <div className="flex items-center gap-2.5 border-b border-shell-line bg-shell px-5 py-3.5 text-slate-100 dark:bg-[#121c24]">
          <GlasspaneMark className="size-6" />
          <div>
            <p className="text-[15px] font-semibold leading-5 tracking-wide">Glasspane</p>
            <p className="text-xs text-slate-300">Supervisor console</p>
          </div>
        </div>
        <div className="space-y-4 px-5 py-5">
          <h1 className="text-lg font-semibold">Sign in</h1>
          <form onSubmit={onSubmit} className="space-y-3" noValidate>
            <div className="space-y-1">
              <label htmlFor={`${ids}-token`} className="block text-xs font-medium text-muted dark:text-muted-dark">
                Bearer token
              </label>
              <div className="flex gap-1.5">
                <input
                  id={`${ids}-token`}
                  type={show ? 'text' : 'password'}
                  value={token}
                  onChange={(e) => setToken(e.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={error && busy === undefined && token ? true : undefined}
                  aria-describedby={`${ids}-hint`}
                  className="h-8 min-w-0 flex-1 rounded-sm border border-line bg-white px-2 font-mono text-xs dark:border-line-dark dark:bg-canvas-dark"
                />
                <button
                  type="button"
                  aria-pressed={show}
                  aria-controls={`${ids}-token`}
                  onClick={() => setShow((s) => !s)}
                  className="h-8 shrink-0 rounded-sm border border-line px-2.5 text-xs hover:bg-slate-50 dark:border-line-dark dark:hover:bg-white/5"
                >
                  Show token
                </button>
              </div>
              <p id={`${ids}-hint`} className="text-xs text-muted dark:text-muted-dark">
                A token the cluster accepts, e.g. from your kubeconfig. It is kept only in an encrypted session cookie.
              </p>
            </div>
            <div role="alert" aria-live="assertive">
              {error ? <p className="rounded-sm border border-red-300 bg-red-50 px-2.5 py-1.5 text-red-900 dark:border-red-800 dark:bg-red-950/50 dark:text-red-100">{error}</p> : null}
            </div>
            <button
              type="submit"
              disabled={busy !== undefined}
              className="h-8 w-full rounded-sm bg-accent px-3 font-medium text-white hover:bg-sky-800 disabled:opacity-60 dark:bg-accent-dark dark:text-slate-950 dark:hover:bg-sky-300"
            >
              {busy === 'token' ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
          {demoUsers.length ? (
            <section aria-labelledby={`${ids}-demo`} className="space-y-2 border-t border-line pt-4 dark:border-line-dark">
              <h2 id={`${ids}-demo`} className="text-xs font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">
                Embedded supervisor: one-click sign-in
              </h2>
              <ul className="space-y-1.5">
                {demoUsers.map((u) => (
                  <li key={u.name} className="flex items-center gap-3">
                    <button
                      type="button"
                      disabled={busy !== undefined}
                      aria-describedby={`${ids}-${u.name}`}
                      onClick={() => void run(u.name, { demoUser: u.name })}
                      className="h-7 w-40 shrink-0 rounded-sm border border-accent/60 px-2 text-left text-[13px] font-medium text-accent hover:bg-sky-50 disabled:opacity-60 dark:border-accent-dark/60 dark:text-accent-dark dark:hover:bg-white/5"
                    >
                      {busy === u.name ? 'Signing in…' : `Sign in as ${u.name}`}
                    </button>
                    <span id={`${ids}-${u.name}`} className="text-xs leading-4 text-muted dark:text-muted-dark">
                      {u.description}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </main>
  );
}

'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { SessionProvider } from '@/components/data/session-context';
import { WatchHubProvider } from '@/components/data/watch-hub-context';
import { Loading } from '@/components/resource/states';
import { loginErrorMessage } from '@/lib/auth/login-errors';
import { frameSession, installFrameSession, parseEmbeddedLogin, type EmbeddedLogin } from '@/lib/embed/frame-session';
import { useEmbed } from './embed-runtime';
import { SignInPanel } from './sign-in-panel';

/**
 * Signs an embedded view in, then renders it inside the console's session and watch providers.
 * Sources, strongest first: a token the host hands over (`init.token`, or the SDK's session
 * info), a sign-in pop-up, a session cookie the frame already has (a partitioned cookie from an
 * earlier sign-in over HTTPS, or the console's own cookie when framed by itself). The first two
 * yield a frame session held in memory and sent as a header (lib/embed/frame-session.ts). A new
 * identity remounts the view and empties the query cache, so no data of the previous one shows.
 */
type Source = 'cookie' | 'popup' | 'host';
const RANK: Record<Source, number> = { cookie: 1, popup: 2, host: 3 };

interface Signed {
  source: Source;
  username: string;
  key: string;
}

async function embeddedLogin(token: string): Promise<EmbeddedLogin | string> {
  let res: Response;
  try {
    res = await fetch('/api/auth/login?embedded=1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }), credentials: 'same-origin', cache: 'no-store' });
  } catch {
    return loginErrorMessage(0);
  }
  const body = (await res.json().catch(() => undefined)) as { message?: string } | undefined;
  if (!res.ok) return loginErrorMessage(res.status, body?.message);
  return parseEmbeddedLogin(body) ?? loginErrorMessage(500);
}

export function FrameSessionGate({ children }: { children: ReactNode }) {
  const { state } = useEmbed();
  const queryClient = useQueryClient();
  const [signed, setSigned] = useState<Signed | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [checked, setChecked] = useState(false);
  const current = useRef<Signed | undefined>(undefined);
  const usedToken = useRef<string | undefined>(undefined);

  const adopt = useCallback(
    (next: Signed, sealed?: string) => {
      if (current.current && RANK[next.source] < RANK[current.current.source]) return;
      if (sealed !== undefined) frameSession.set(sealed);
      if (current.current?.username !== next.username || current.current.source !== next.source) queryClient.clear();
      current.current = next;
      setProblem(undefined);
      setSigned(next);
    },
    [queryClient],
  );

  useEffect(() => {
    installFrameSession(window);
    let cancelled = false;
    void fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' })
      .then(async (res) => (res.ok ? ((await res.json()) as { username?: unknown }) : undefined))
      .catch(() => undefined)
      .then((body) => {
        if (cancelled) return;
        if (typeof body?.username === 'string' && !frameSession.get()) adopt({ source: 'cookie', username: body.username, key: `cookie:${body.username}` });
        setChecked(true);
      });
    return () => {
      cancelled = true;
    };
  }, [adopt]);

  const { token, tokenSeq } = state;
  useEffect(() => {
    if (!token || token === usedToken.current) return;
    usedToken.current = token;
    let cancelled = false;
    void embeddedLogin(token).then((r) => {
      if (cancelled) return;
      if (typeof r === 'string') {
        usedToken.current = undefined;
        setProblem(`The host’s sign-in was not accepted: ${r}`);
        return;
      }
      adopt({ source: 'host', username: r.username, key: `host:${r.username}:${tokenSeq}` }, r.session);
    });
    return () => {
      cancelled = true;
    };
  }, [token, tokenSeq, adopt]);

  const onPopup = useCallback((login: EmbeddedLogin) => adopt({ source: 'popup', username: login.username, key: `popup:${login.username}:${login.expiresAt}` }, login.session), [adopt]);

  if (signed) {
    return (
      <SessionProvider key={signed.key} fallback={<Loading label="Loading your session…" />}>
        <WatchHubProvider>{children}</WatchHubProvider>
      </SessionProvider>
    );
  }
  if (!checked) return <Loading label="Connecting…" />;
  if (state.token !== undefined && !problem) return <Loading label="Signing in…" />;
  return <SignInPanel problem={problem} waiting={!state.connected} onSignedIn={onPopup} />;
}

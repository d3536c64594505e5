'use client';

import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { onUnauthorized, setCsrfToken } from '@/lib/k8s/client';

/**
 * The signed-in user as the browser knows it (from /api/auth/session): name, expiry, the
 * anti-CSRF token for mutations and streams, and namespace hints. A 401 anywhere sends the user
 * to /login and back to the page they were on afterwards.
 */
export interface SessionInfo {
  username: string;
  expiresAt: number;
  csrfToken: string;
  namespaceHints: string[];
}

const SessionContext = createContext<SessionInfo | null>(null);

let signingOut = false;

/** After an explicit sign-out, 401s of requests still in flight must not add `?next=`. */
export function markSigningOut(): void {
  signingOut = true;
}

export function redirectToLogin(): void {
  if (signingOut) return;
  const next = `${window.location.pathname}${window.location.search}`;
  // A full navigation on purpose: it drops every cached object of the ended session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/login?next=${encodeURIComponent(next)}`);
}

async function fetchSession(): Promise<SessionInfo | null> {
  const res = await fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`session check failed with ${res.status}`);
  return (await res.json()) as SessionInfo;
}

export function SessionProvider({ children, fallback }: { children: ReactNode; fallback?: ReactNode }) {
  const { data, isPending } = useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000, retry: 3 });
  // Set before the children render, so their first mutation or stream already carries it.
  if (data) setCsrfToken(data.csrfToken);
  useEffect(() => onUnauthorized(redirectToLogin), []);
  useEffect(() => {
    if (data === null) redirectToLogin();
    if (!data) return;
    const ms = data.expiresAt * 1000 - Date.now();
    const timer = setTimeout(redirectToLogin, Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [data]);
  if (isPending || !data) return <>{fallback ?? null}</>;
  return <SessionContext.Provider value={data}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionInfo {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession must be used inside SessionProvider');
  return s;
}

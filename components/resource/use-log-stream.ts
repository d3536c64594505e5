'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { CSRF_HEADER, getCsrfToken, notifyUnauthorized, PROXY_PREFIX } from '@/lib/k8s/client';
import { KubeError, statusOf } from '@/lib/k8s/status';
import { appendCapped, splitChunk } from '@/lib/resources/log-lines';

/**
 * A pod log read through the console's proxy with fetch and a stream reader. A follow request
 * is a stream, so it carries the anti-CSRF header like a mutation. Lines are appended in
 * batches (at most every 100 ms); the stream stops when the page is hidden or the tab left
 * (unmount) and starts afresh when visible again.
 */
export type LogState = 'connecting' | 'streaming' | 'ended' | 'paused' | 'error';

function subscribeVisibility(cb: () => void): () => void {
  document.addEventListener('visibilitychange', cb);
  return () => document.removeEventListener('visibilitychange', cb);
}

export function usePageVisible(): boolean {
  return useSyncExternalStore(subscribeVisibility, () => document.visibilityState === 'visible', () => true);
}

export function useLogStream(path: string | undefined, follow: boolean): { lines: string[]; state: LogState; error?: KubeError } {
  const visible = usePageVisible();
  const [result, setResult] = useState<{ key: string; lines: string[]; state: LogState; error?: KubeError }>({ key: '', lines: [], state: 'connecting' });
  const key = `${path}|${visible}`;

  useEffect(() => {
    if (!path || !visible) return;
    const ac = new AbortController();
    let pending: string[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = (state: LogState) => {
      timer = undefined;
      const batch = pending;
      pending = [];
      setResult((r) => ({ key, lines: appendCapped(r.key === key ? r.lines : [], batch), state }));
    };
    (async () => {
      const res = await fetch(`${PROXY_PREFIX}${path}`, {
        headers: { accept: 'text/plain, application/json', ...(follow ? { [CSRF_HEADER]: getCsrfToken() } : {}) },
        signal: ac.signal,
        credentials: 'same-origin',
        cache: 'no-store',
      });
      if (!res.ok) {
        if (res.status === 401) notifyUnauthorized();
        const text = await res.text();
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // not JSON: the fallback message is used
        }
        throw KubeError.fromBody(res.status, body, `reading the log failed with ${res.status}`);
      }
      setResult((r) => ({ ...r, key, state: 'streaming' }));
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let carry = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const split = splitChunk(carry, value);
        carry = split.carry;
        pending.push(...split.lines);
        timer ??= setTimeout(() => flush('streaming'), 100);
      }
      if (carry) pending.push(carry);
      if (timer) clearTimeout(timer);
      flush('ended');
    })().catch((e: unknown) => {
      if (ac.signal.aborted) return;
      const error = e instanceof KubeError ? e : new KubeError(statusOf(503, 'ServiceUnavailable', e instanceof Error ? e.message : String(e)));
      setResult((r) => ({ key, lines: r.key === key ? r.lines : [], state: 'error', error }));
    });
    return () => {
      ac.abort();
      if (timer) clearTimeout(timer);
    };
  }, [path, visible, follow, key]);

  if (!visible) return { lines: result.lines, state: 'paused' };
  return result.key === key ? result : { lines: [], state: 'connecting' };
}

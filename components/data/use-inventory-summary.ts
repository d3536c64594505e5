'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { backoffDelay } from '@/lib/k8s/backoff';
import { CSRF_HEADER, getCsrfToken, notifyUnauthorized } from '@/lib/k8s/client';
import { INVENTORY_PATH, type InventorySummary } from '@/lib/inventory-index/summary-types';

/**
 * The console server's inventory counts (GET /api/inventory), kept current by a long poll: each
 * answer names its generation, and the next request waits on the server until that changes.
 * One poll per tab however many components use it. While the console or the API server is
 * down the last counts stay, and the poll backs off. Undefined until the first answer, and
 * when the console cannot index for this user (then callers count from their own lists).
 */
export const SUMMARY_KEY = ['glasspane', 'inventory-summary'] as const;

async function fetchSummary(after: string | undefined, signal?: AbortSignal): Promise<InventorySummary> {
  const res = await fetch(after ? `${INVENTORY_PATH}?after=${encodeURIComponent(after)}` : INVENTORY_PATH, {
    headers: after ? { [CSRF_HEADER]: getCsrfToken() } : {},
    credentials: 'same-origin',
    cache: 'no-store',
    signal,
  });
  if (res.status === 401) notifyUnauthorized();
  if (!res.ok) throw new Error(`the inventory counts could not be read (${res.status})`);
  return (await res.json()) as InventorySummary;
}

const polls = new WeakMap<QueryClient, { users: number; abort: AbortController }>();

function startPoll(client: QueryClient): AbortController {
  const abort = new AbortController();
  void (async () => {
    let attempt = 0;
    while (!abort.signal.aborted) {
      const current = client.getQueryData<InventorySummary>(SUMMARY_KEY);
      try {
        const next = await fetchSummary(current?.generation, abort.signal);
        attempt = 0;
        if (next.generation !== current?.generation) client.setQueryData(SUMMARY_KEY, next);
      } catch {
        if (abort.signal.aborted) return;
        await new Promise((r) => setTimeout(r, backoffDelay(attempt++)));
      }
    }
  })();
  return abort;
}

/** The counts, and whether the first answer is still awaited (false once answered or failed). */
export function useInventorySummary(enabled = true): { summary?: InventorySummary; pending: boolean } {
  const client = useQueryClient();
  const query = useQuery({ queryKey: SUMMARY_KEY, queryFn: ({ signal }) => fetchSummary(undefined, signal), staleTime: Infinity, retry: 1, enabled });
  const loaded = query.data !== undefined;
  useEffect(() => {
    if (!enabled || !loaded) return;
    let poll = polls.get(client);
    if (!poll) {
      poll = { users: 0, abort: startPoll(client) };
      polls.set(client, poll);
    }
    poll.users++;
    return () => {
      poll.users--;
      if (poll.users === 0) {
        poll.abort.abort();
        polls.delete(client);
      }
    };
  }, [client, enabled, loaded]);
  return enabled ? { summary: query.data, pending: query.isPending && query.fetchStatus !== 'idle' } : { pending: false };
}

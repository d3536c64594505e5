'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useWatchHub } from '@/components/data/watch-hub-context';
import { kubeFetch } from '@/lib/k8s/client';
import { KubeError } from '@/lib/k8s/status';
import { isServerTable, TABLE_ACCEPT, type ServerTable } from '@/lib/resources/server-table';

/**
 * Lists of kinds the registry does not describe (any CRD), as the API server's Table output so
 * their printer columns show. Kept live by a watch per collection on the tab's stream: each
 * event re-reads the table, at most once a second per collection.
 */
const THROTTLE_MS = 1000;

export function tableQueryKey(path: string): readonly unknown[] {
  return ['k8s', 'table', path];
}

async function fetchTable(path: string, signal: AbortSignal): Promise<ServerTable> {
  const { data } = await kubeFetch<unknown>(path, { accept: TABLE_ACCEPT, signal });
  if (!isServerTable(data)) throw new KubeError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 406, reason: 'NotAcceptable', message: 'The API server did not answer with a Table.' });
  return data;
}

export interface ServerTables {
  tables: (ServerTable | undefined)[];
  errors: (KubeError | null)[];
  pending: boolean;
}

function combine(results: { data?: ServerTable; error: Error | null; isPending: boolean }[]): ServerTables {
  return { tables: results.map((r) => r.data), errors: results.map((r) => (r.error as KubeError | null) ?? null), pending: results.some((r) => r.isPending) };
}

export function useServerTables(paths: string[]): ServerTables {
  const client = useQueryClient();
  const hub = useWatchHub();
  const combined = useQueries({
    queries: paths.map((path) => ({
      queryKey: tableQueryKey(path),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchTable(path, signal),
      staleTime: Infinity,
      retry: (count: number, error: KubeError) => error.code >= 500 && count < 100,
      retryDelay: (count: number) => Math.min(30_000, 1000 * 2 ** count),
    })),
    combine,
  });
  // Bumped when a watch expires, so it is re-subscribed from the re-read table.
  const [epoch, setEpoch] = useState(0);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const ready = paths.map((p, i) => (combined.tables[i] ? p : '')).join('\n');
  useEffect(() => {
    const pending = timers.current;
    const stops: (() => void)[] = [];
    for (const path of ready.split('\n')) {
      if (!path) continue;
      const key = tableQueryKey(path);
      const rv = client.getQueryData<ServerTable>(key)?.metadata.resourceVersion;
      if (rv === undefined) continue;
      const refresh = () => {
        if (pending.has(path)) return;
        pending.set(
          path,
          setTimeout(() => {
            pending.delete(path);
            void client.invalidateQueries({ queryKey: key, exact: true });
          }, THROTTLE_MS),
        );
      };
      stops.push(
        hub.watch({
          path,
          resourceVersion: rv,
          onEvent: (event) => event.type !== 'BOOKMARK' && refresh(),
          onExpired: () => {
            void client.invalidateQueries({ queryKey: key, exact: true }).then(() => setEpoch((e) => e + 1));
          },
        }),
      );
    }
    return () => {
      stops.forEach((stop) => stop());
      for (const t of pending.values()) clearTimeout(t);
      pending.clear();
    };
  }, [client, hub, ready, epoch]);

  return combined;
}

'use client';

import { useQueries } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { hasWorkRights } from '@/lib/k8s/access';
import type { KubeObject } from '@/lib/k8s/types';
import { useCanCluster, fetchRules, rulesQueryKey } from './use-access';
import { useKubeList } from './use-kube-list';
import { useSession } from './session-context';

/**
 * The namespaces a user works in. With the right to list namespaces, that list (live). Without
 * it (e.g. `developer`), candidates come from the session's hints (kubeconfig context,
 * configuration) and namespaces the user opened before, each kept only when a
 * SelfSubjectRulesReview shows real rights there — so nothing that answers 403 is shown.
 */
const RECENT_KEY = 'glasspane.recentNamespaces';

function readRecent(): string[] {
  try {
    return JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

const listeners = new Set<() => void>();
let recentCache: string[] | undefined;

export function rememberNamespace(ns: string): void {
  const next = [ns, ...readRecent().filter((x) => x !== ns)].slice(0, 20);
  try {
    window.localStorage.setItem(RECENT_KEY, JSON.stringify(next));
  } catch {
    // Storage can be full, or denied (a third-party frame with third-party storage blocked).
  }
  recentCache = next;
  for (const l of listeners) l();
}

function useRecent(): string[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => (recentCache ??= readRecent()),
    () => [],
  );
}

export interface NamespaceSet {
  /** Namespace names, sorted. */
  names: string[];
  /** Namespace objects when the user may list them. */
  objects?: KubeObject[];
  canListAll: boolean | undefined;
  loading: boolean;
}

export function useNamespaces(): NamespaceSet {
  const canList = useCanCluster('list', '', 'namespaces');
  const session = useSession();
  const recent = useRecent();
  const list = useKubeList(canList ? '/api/v1/namespaces' : undefined);
  const candidates = useMemo(() => [...new Set([...session.namespaceHints, ...recent])].sort(), [session.namespaceHints, recent]);
  const reviews = useQueries({
    queries: (canList === false ? candidates : []).map((ns) => ({ queryKey: rulesQueryKey(ns), queryFn: () => fetchRules(ns), staleTime: 60_000 })),
  });
  if (canList) {
    const objects = list.data?.items ?? [];
    return { names: objects.map((o) => o.metadata.name ?? '').sort(), objects, canListAll: true, loading: list.isPending };
  }
  const names = canList === false ? candidates.filter((_, i) => reviews[i]?.data && hasWorkRights(reviews[i]!.data!)) : [];
  return { names, canListAll: canList, loading: canList === undefined || reviews.some((r) => r.isPending) };
}

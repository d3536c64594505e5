import { landingPath } from '@/lib/auth/next-path';
import { hasWorkRights, type RulesReviewStatus } from '@/lib/k8s/access';
import { kubeFetch, setCsrfToken } from '@/lib/k8s/client';

/**
 * Where a freshly signed-in user lands: the page they asked for; else the Overview when they
 * may list namespaces; else the first namespace (from the session's hints and the namespaces
 * this browser opened before) where a SelfSubjectRulesReview shows real rights.
 */
const RECENT_KEY = 'glasspane.recentNamespaces';

function recentNamespaces(): string[] {
  try {
    const v = JSON.parse(window.localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

async function canListNamespaces(): Promise<boolean> {
  const { data } = await kubeFetch<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'list', resource: 'namespaces' } } },
  });
  return data.status?.allowed === true;
}

async function worksIn(ns: string): Promise<boolean> {
  const { data } = await kubeFetch<{ status?: RulesReviewStatus }>('/apis/authorization.k8s.io/v1/selfsubjectrulesreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectRulesReview', spec: { namespace: ns } },
  });
  return hasWorkRights(data.status?.resourceRules ?? []);
}

export async function landingAfterSignIn(next: string | null): Promise<string> {
  if (next) return landingPath({ next, canListNamespaces: true, usableNamespaces: [] });
  try {
    const res = await fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return '/';
    const session = (await res.json()) as { csrfToken: string; namespaceHints?: string[] };
    setCsrfToken(session.csrfToken);
    if (await canListNamespaces()) return '/';
    const candidates = [...new Set([...(session.namespaceHints ?? []), ...recentNamespaces()])];
    for (const ns of candidates) if (await worksIn(ns)) return landingPath({ next: null, canListNamespaces: false, usableNamespaces: [ns] });
  } catch {
    // Any failure here only changes where the user lands; the Overview always exists.
  }
  return '/';
}

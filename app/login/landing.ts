import { landingPath } from '@/lib/auth/next-path';
import { kubeFetch, setCsrfToken } from '@/lib/k8s/client';

/**
 * Where a freshly signed-in user lands: the page they asked for; else the Overview when they
 * may list namespaces; else the self-service page, which finds the namespaces they work in.
 */
async function canListNamespaces(): Promise<boolean> {
  const { data } = await kubeFetch<{ status?: { allowed?: boolean } }>('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
    method: 'POST',
    body: { apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: { resourceAttributes: { verb: 'list', resource: 'namespaces' } } },
  });
  return data.status?.allowed === true;
}

export async function landingAfterSignIn(next: string | null): Promise<string> {
  if (next) return landingPath({ next, canListNamespaces: true, usableNamespaces: [] });
  try {
    const res = await fetch('/api/auth/session', { credentials: 'same-origin', cache: 'no-store' });
    if (!res.ok) return '/';
    const session = (await res.json()) as { csrfToken: string };
    setCsrfToken(session.csrfToken);
    if (await canListNamespaces()) return '/';
    return landingPath({ next: null, canListNamespaces: false, usableNamespaces: [] });
  } catch {
    // Any failure here only changes where the user lands; the Overview always exists.
  }
  return '/';
}

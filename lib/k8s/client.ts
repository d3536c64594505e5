import { KubeError, statusOf } from './status';

/**
 * The browser's only way to the Kubernetes API: `/api/k8s/<path>` on the console, which forwards
 * with the user's token. Mutations carry the anti-CSRF header. Failures become KubeError with
 * the API's Status (a network failure is a 503 ServiceUnavailable).
 */
export const PROXY_PREFIX = '/api/k8s';
export const CSRF_HEADER = 'x-glasspane-csrf';

let csrfToken = '';
const unauthorizedListeners = new Set<() => void>();

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function getCsrfToken(): string {
  return csrfToken;
}

/** Called when the API answers 401: the session has ended. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export function notifyUnauthorized(): void {
  for (const l of unauthorizedListeners) l();
}

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Defaults to application/json; patches pass their patch media type. */
  contentType?: string;
  accept?: string;
  signal?: AbortSignal;
}

export async function kubeFetch<T = unknown>(path: string, req: KubeRequest = {}): Promise<{ data: T; warnings: string[] }> {
  const method = req.method ?? 'GET';
  const headers: Record<string, string> = { accept: req.accept ?? 'application/json' };
  if (method !== 'GET') headers[CSRF_HEADER] = csrfToken;
  let body: string | undefined;
  if (req.body !== undefined) {
    headers['content-type'] = req.contentType ?? 'application/json';
    body = typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
  }
  let res: Response;
  try {
    res = await fetch(`${PROXY_PREFIX}${path}`, { method, headers, body, signal: req.signal, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    if (req.signal?.aborted) throw e;
    throw new KubeError(statusOf(503, 'ServiceUnavailable', 'The console cannot be reached.'));
  }
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!res.ok) {
    if (res.status === 401) notifyUnauthorized();
    throw KubeError.fromBody(res.status, parsed, `${method} ${path} failed with ${res.status}`);
  }
  const warnings = (res.headers.get('warning') ?? '')
    .split(/,\s*(?=\d{3} )/)
    .map((w) => /^\d{3} \S+ "(.*)"$/.exec(w.trim())?.[1] ?? '')
    .filter(Boolean);
  return { data: parsed as T, warnings };
}

export async function kubeGet<T = unknown>(path: string, signal?: AbortSignal): Promise<T> {
  return (await kubeFetch<T>(path, { signal })).data;
}

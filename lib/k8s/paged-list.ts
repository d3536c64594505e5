import { kubeGet } from './client';
import { KubeError } from './status';
import type { KubeList, KubeObject } from './types';

/**
 * Lists a collection in pages, so a large one shows its first rows long before the whole list
 * has arrived and been parsed. The first page is small (`FIRST_PAGE`); when the collection fits
 * in it, that was the only request. Otherwise the rest follows in larger pages through
 * `continue`, all from the first page's snapshot (the API server serves every page at that
 * resourceVersion), and `onPage` receives the items gathered so far after each page except the
 * last. The result is the whole list at that resourceVersion, ready to be watched from.
 *
 * A continue token the server no longer honours (410 Expired: its snapshot fell out of the
 * history) is answered by one plain list, as client-go's pager does.
 */
export const FIRST_PAGE = 500;
export const NEXT_PAGE = 5000;

export type Lister = <T>(path: string, signal?: AbortSignal) => Promise<T>;

export function withQuery(path: string, params: Record<string, string>): string {
  const [base, query = ''] = path.split('?', 2) as [string, string?];
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(params)) q.set(k, v);
  return `${base}?${q.toString()}`;
}

export async function listInPages<T extends KubeObject = KubeObject>(
  path: string,
  signal: AbortSignal | undefined,
  onPage: (partial: KubeList<T>) => void,
  get: Lister = kubeGet,
): Promise<KubeList<T>> {
  const first = await get<KubeList<T>>(withQuery(path, { limit: String(FIRST_PAGE) }), signal);
  let token = first.metadata.continue;
  if (!token) return first;
  const items = [...first.items];
  const resourceVersion = first.metadata.resourceVersion;
  try {
    while (token) {
      const remaining = first.metadata.remainingItemCount;
      onPage({ ...first, metadata: { resourceVersion, remainingItemCount: remaining === undefined ? undefined : remaining - (items.length - first.items.length) }, items: [...items] });
      const page: KubeList<T> = await get<KubeList<T>>(withQuery(path, { limit: String(NEXT_PAGE), continue: token }), signal);
      items.push(...page.items);
      token = page.metadata.continue;
    }
  } catch (e) {
    if (e instanceof KubeError && e.code === 410) return get<KubeList<T>>(path, signal);
    throw e;
  }
  return { ...first, metadata: { resourceVersion }, items };
}

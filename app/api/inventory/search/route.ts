import { z } from 'zod';
import { guard } from '@/lib/k8s-server/request-guard';
import { statusResponse } from '@/lib/k8s-server/responses';
import { API_SECURITY_HEADERS } from '@/lib/security/proxy-policy';
import { readyIndexFor } from '@/lib/k8s-server/inventory-index/index-registry';
import { treeDescriptors } from '@/lib/resources/registry';
import { searchDescriptors } from '@/lib/search/kinds';
import { parseSearchQuery } from '@/lib/search/query';

/**
 * Search over the inventory index: `q` in the search box's language (lib/search/query.ts),
 * `scope=tree` for the inventory tree's kinds in tree order (the tree's filter), otherwise the
 * search page's kinds; `cap` best hits per kind. Kinds the user may not list everywhere are not
 * in the index: the answer's `kinds` says which were searched.
 */
export const dynamic = 'force-dynamic';

const params = z.object({
  q: z.string().max(500),
  scope: z.enum(['tree', 'search']).default('search'),
  cap: z.coerce.number().int().min(1).max(500).default(25),
});
const ORDER = { tree: treeDescriptors().map((d) => d.id), search: searchDescriptors().map((d) => d.id) };

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = params.safeParse({ q: url.searchParams.get('q') ?? '', scope: url.searchParams.get('scope') ?? undefined, cap: url.searchParams.get('cap') ?? undefined });
  if (!parsed.success) return statusResponse(400, 'BadRequest', 'q (at most 500 characters), scope (tree or search) and cap (1-500) are the parameters');
  const checked = await guard(request, { mutation: false });
  if ('response' in checked) return checked.response;
  const ready = await readyIndexFor(checked.session.token);
  if ('response' in ready) return ready.response;
  const { index } = ready;
  const { q, scope, cap } = parsed.data;
  return Response.json(index.search(parseSearchQuery(q), cap, ORDER[scope]), { headers: { 'cache-control': 'no-store', ...API_SECURITY_HEADERS } });
}

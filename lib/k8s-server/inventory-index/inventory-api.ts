import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { INVENTORY_PATH, INVENTORY_SEARCH_PATH } from '../../inventory-index/summary-types';
import { treeDescriptors } from '../../resources/registry';
import { searchDescriptors } from '../../search/kinds';
import { parseSearchQuery } from '../../search/query';
import { verifyCsrf } from '../../security/csrf';
import { abortOnClose, headersOf, sendJson, sendStatus, sessionOf } from '../node-http';
import { csrfFor } from '../session-core';
import { readyIndexFor } from './index-registry';

/**
 * The inventory index's HTTP API, on Node's own request and response (server.ts), since the tree's
 * filter asks it on every keystroke:
 * - `GET /api/inventory`: the counts (lib/inventory-index/summary-types.ts). With
 *   `after=<generation>` a long poll that answers when the counts change, or after WAIT_MS with
 *   the same generation; like every stream it needs the same-origin and anti-CSRF checks.
 * - `GET /api/inventory/search?q=&scope=tree|search&cap=`: `q` in the search box's language,
 *   `scope=tree` for the tree's kinds in tree order, otherwise the search page's kinds; `cap`
 *   best hits per kind. Kinds the user may not list everywhere are not in the index.
 */
const WAIT_MS = 25_000;
const summaryParams = z.object({ after: z.string().regex(/^\d{1,15}$/).optional() });
const searchParams = z.object({
  q: z.string().max(500),
  scope: z.enum(['tree', 'search']).default('search'),
  cap: z.coerce.number().int().min(1).max(500).default(25),
});
const ORDER = { tree: treeDescriptors().map((d) => d.id), search: searchDescriptors().map((d) => d.id) };

export function isInventoryRequest(url: string | undefined): boolean {
  const path = url?.split('?')[0];
  return path === INVENTORY_PATH || path === INVENTORY_SEARCH_PATH;
}

export async function handleInventory(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://console.invalid');
  if (req.method !== 'GET') return sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed here`, { allow: 'GET' });
  const search = url.pathname === INVENTORY_SEARCH_PATH;
  const parsed = search
    ? searchParams.safeParse({ q: url.searchParams.get('q') ?? '', scope: url.searchParams.get('scope') ?? undefined, cap: url.searchParams.get('cap') ?? undefined })
    : summaryParams.safeParse({ after: url.searchParams.get('after') ?? undefined });
  if (!parsed.success) return sendStatus(res, 400, 'BadRequest', search ? 'q (at most 500 characters), scope (tree or search) and cap (1-500) are the parameters' : 'after must be a generation number');
  const h = headersOf(req);
  const session = sessionOf(h);
  if (!session) return sendStatus(res, 401, 'Unauthorized', 'Your session has ended; sign in again.');
  const after = 'after' in parsed.data ? parsed.data.after : undefined;
  if (after !== undefined) {
    const verdict = verifyCsrf(h, csrfFor(session));
    if (!verdict.ok) return sendStatus(res, 403, 'Forbidden', verdict.reason);
  }
  const ready = await readyIndexFor(session.token);
  if ('unavailable' in ready) return sendStatus(res, 503, 'ServiceUnavailable', ready.unavailable, { 'retry-after': '2' });
  const { index } = ready;
  if ('q' in parsed.data) {
    const { q, scope, cap } = parsed.data;
    return sendJson(res, 200, index.search(parseSearchQuery(q), cap, ORDER[scope]));
  }
  if (after !== undefined) {
    const signal = abortOnClose(res);
    await index.waitForChange(after, WAIT_MS, signal);
    if (signal.aborted) return;
  }
  sendJson(res, 200, index.summary());
}

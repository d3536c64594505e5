import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { INVENTORY_HOST_PATH, INVENTORY_PATH, INVENTORY_SEARCH_PATH } from '../../inventory-index/summary-types';
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
 * - `GET /api/inventory/host?name=&cap=`: the VMs and pods placed on a host, `cap` of each.
 */
const WAIT_MS = 25_000;
const summaryParams = z.object({ after: z.string().regex(/^\d{1,15}$/).optional() });
const searchParams = z.object({
  q: z.string().max(500),
  scope: z.enum(['tree', 'search']).default('search'),
  cap: z.coerce.number().int().min(1).max(500).default(25),
});
const hostParams = z.object({
  name: z.string().min(1).max(253).regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/),
  cap: z.coerce.number().int().min(1).max(2000).default(500),
});
const ORDER = { tree: treeDescriptors().map((d) => d.id), search: searchDescriptors().map((d) => d.id) };

export function isInventoryRequest(url: string | undefined): boolean {
  const path = url?.split('?')[0];
  return path === INVENTORY_PATH || path === INVENTORY_SEARCH_PATH || path === INVENTORY_HOST_PATH;
}

export async function handleInventory(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://console.invalid');
  if (req.method !== 'GET') return sendStatus(res, 405, 'MethodNotAllowed', `${req.method} is not allowed here`, { allow: 'GET' });
  const q = (name: string) => url.searchParams.get(name) ?? undefined;
  const parsed =
    url.pathname === INVENTORY_SEARCH_PATH
      ? searchParams.safeParse({ q: q('q') ?? '', scope: q('scope'), cap: q('cap') })
      : url.pathname === INVENTORY_HOST_PATH
        ? hostParams.safeParse({ name: q('name'), cap: q('cap') })
        : summaryParams.safeParse({ after: q('after') });
  if (!parsed.success) {
    const wanted = { [INVENTORY_SEARCH_PATH]: 'q (at most 500 characters), scope (tree or search) and cap (1-500)', [INVENTORY_HOST_PATH]: 'name (a host name) and cap (1-2000)' }[url.pathname];
    return sendStatus(res, 400, 'BadRequest', wanted ? `${wanted} are the parameters` : 'after must be a generation number');
  }
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
    const { q: text, scope, cap } = parsed.data;
    return sendJson(res, 200, index.search(parseSearchQuery(text), cap, ORDER[scope]));
  }
  if ('name' in parsed.data) return sendJson(res, 200, index.placed(parsed.data.name, parsed.data.cap));
  if (after !== undefined) {
    const signal = abortOnClose(res);
    await index.waitForChange(after, WAIT_MS, signal);
    if (signal.aborted) return;
  }
  sendJson(res, 200, index.summary());
}

import { z } from 'zod';
import { guard } from '@/lib/k8s-server/request-guard';
import { statusResponse } from '@/lib/k8s-server/responses';
import { API_SECURITY_HEADERS } from '@/lib/security/proxy-policy';
import { readyIndexFor } from '@/lib/k8s-server/inventory-index/index-registry';

/**
 * The inventory's counts (see lib/inventory-index/summary-types.ts). With `after=<generation>`
 * it is a long poll: it answers when the counts have changed, or after WAIT_MS with the same
 * generation; like every stream it needs the same-origin and anti-CSRF checks.
 */
export const dynamic = 'force-dynamic';

const WAIT_MS = 25_000;
const params = z.object({ after: z.string().regex(/^\d{1,15}$/).optional() });

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const parsed = params.safeParse({ after: url.searchParams.get('after') ?? undefined });
  if (!parsed.success) return statusResponse(400, 'BadRequest', 'after must be a generation number');
  const { after } = parsed.data;
  const checked = await guard(request, { mutation: after !== undefined });
  if ('response' in checked) return checked.response;
  const ready = await readyIndexFor(checked.session.token);
  if ('response' in ready) return ready.response;
  const { index } = ready;
  if (after !== undefined) await index.waitForChange(after, WAIT_MS, request.signal);
  if (request.signal.aborted) return new Response(null, { status: 499 });
  return Response.json(index.summary(), { headers: { 'cache-control': 'no-store', ...API_SECURITY_HEADERS } });
}

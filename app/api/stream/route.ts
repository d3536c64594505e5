import { z } from 'zod';
import { MAX_SUBSCRIPTIONS } from '@/lib/k8s/stream-protocol';
import { guard } from '@/lib/k8s-server/request-guard';
import { statusResponse } from '@/lib/k8s-server/responses';
import { multiplex, validateSubscriptions } from '@/lib/k8s-server/watch-multiplexer';
import { API_SECURITY_HEADERS } from '@/lib/security/proxy-policy';

/** The one watch stream per browser tab (see lib/k8s/stream-protocol.ts). */
export const dynamic = 'force-dynamic';

const body = z.object({
  subscriptions: z
    .array(z.object({ id: z.string().min(1).max(200), path: z.string().min(1).max(2048), resourceVersion: z.string().max(40) }))
    .max(MAX_SUBSCRIPTIONS),
});

export async function POST(request: Request): Promise<Response> {
  const checked = await guard(request, { mutation: true });
  if ('response' in checked) return checked.response;
  const parsed = body.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return statusResponse(400, 'BadRequest', 'invalid stream request');
  const problem = validateSubscriptions(parsed.data.subscriptions);
  if (problem) return statusResponse(403, 'Forbidden', problem);
  return new Response(multiplex(checked.session.token, parsed.data.subscriptions, request.signal), {
    headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store', 'x-accel-buffering': 'no', ...API_SECURITY_HEADERS },
  });
}

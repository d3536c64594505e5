import { cookies } from 'next/headers';
import { guard } from '@/lib/k8s-server/request-guard';
import { SESSION_COOKIE } from '@/lib/k8s-server/session';

/** Sign-out: the cookie is cleared; the token itself stays valid at the API server, as with kubectl. */
export const dynamic = 'force-dynamic';

export async function POST(request: Request): Promise<Response> {
  const checked = await guard(request, { mutation: true });
  if ('response' in checked && checked.response.status !== 401) return checked.response;
  (await cookies()).delete(SESSION_COOKIE);
  return new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } });
}

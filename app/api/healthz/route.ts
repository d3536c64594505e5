/** Liveness of the console process itself; says nothing about the cluster. */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

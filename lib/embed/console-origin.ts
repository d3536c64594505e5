/**
 * The console's public origin as the browser sees it: the request URL, corrected by a
 * TLS-terminating proxy's X-Forwarded-Proto/-Host when present (the same headers the
 * same-origin check trusts). Only well-formed host names and schemes are taken from headers.
 */
export function consoleOrigin(request: Request): string {
  const url = new URL(request.url);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = (request.headers.get('x-forwarded-host') ?? request.headers.get('host'))?.split(',')[0]?.trim();
  const scheme = proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1);
  const authority = host && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : url.host;
  return `${scheme}://${authority}`;
}

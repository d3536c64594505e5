/**
 * The CSP nonce of the document as it was loaded, read from the scripts Next.js rendered with
 * it (browsers hide the attribute's value from getAttribute, but the `nonce` property keeps
 * it). This is the nonce that counts: a server component's `x-nonce` is only the document's own
 * on a full page load — after a client-side navigation it belongs to the RSC request, whose
 * CSP header the browser never applies. The `nonce` prop is the fallback.
 */
export function pageNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const el = document.querySelector<HTMLScriptElement | HTMLStyleElement>('script[nonce], style[nonce]');
  return el?.nonce || el?.getAttribute('nonce') || undefined;
}

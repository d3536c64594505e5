/**
 * The page's CSP nonce in the browser. Server components should pass the `x-nonce` request
 * header down (the edit pages do); this fallback reads it from the scripts Next.js
 * rendered with it — browsers hide the nonce attribute's value from getAttribute, but the
 * `nonce` property keeps it for the page's own scripts.
 */
export function pageNonce(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const el = document.querySelector<HTMLScriptElement | HTMLStyleElement>('script[nonce], style[nonce]');
  return el?.nonce || el?.getAttribute('nonce') || undefined;
}

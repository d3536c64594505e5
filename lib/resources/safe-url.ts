/**
 * Links from cluster data (annotation values) are offered only for absolute http(s) URLs with a
 * host; anything else — `javascript:`, `data:`, relative paths, protocol-relative `//x` — stays
 * plain text. Returns the normalised href, or undefined.
 */
export function safeHttpUrl(value: string): string | undefined {
  const v = value.trim();
  if (!/^https?:\/\//i.test(v) || /[\s<>"'`]/.test(v)) return undefined;
  try {
    const u = new URL(v);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

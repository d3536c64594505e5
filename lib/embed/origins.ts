import { sanitizeSources } from '../security/csp';

/**
 * Which origins may embed Glasspane and talk to its embedded pages. One list decides both: the
 * CSP `frame-ancestors` sources from GLASSPANE_FRAME_ANCESTORS (default `'self'`). The browser
 * enforces framing from the header; this module applies the same list to `postMessage`, where
 * the page itself must check `event.origin`.
 *
 * Matching is stricter than CSP's on purpose: an explicit source matches exactly one origin
 * (scheme, host and port; no http→https upgrade), and `https://*.example.com` matches any
 * subdomain of example.com over https on the default port, but not example.com itself.
 */
export type OriginRule = { type: 'exact'; origin: string } | { type: 'wildcard'; scheme: 'https:'; suffix: string };

/** Parses the configured sources; `'self'` becomes `selfOrigin`, `'none'` and junk are dropped. */
export function originRules(frameAncestors: string, selfOrigin: string): OriginRule[] {
  const rules: OriginRule[] = [];
  for (const source of sanitizeSources(frameAncestors).split(' ')) {
    if (source === "'self'") {
      const self = normalizeOrigin(selfOrigin);
      if (self) rules.push({ type: 'exact', origin: self });
    } else if (source.startsWith('https://*.')) {
      rules.push({ type: 'wildcard', scheme: 'https:', suffix: `.${source.slice('https://*.'.length).toLowerCase()}` });
    } else if (source !== "'none'") {
      const origin = normalizeOrigin(source);
      if (origin) rules.push({ type: 'exact', origin });
    }
  }
  return dedupe(rules);
}

/** The serialised origin of a URL-like string (lower-case host, default port omitted), or undefined. */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

export function originAllowed(origin: string, rules: readonly OriginRule[]): boolean {
  // Opaque origins ("null": sandboxed frames, file:) never match anything.
  const o = origin === 'null' ? undefined : normalizeOrigin(origin);
  if (!o || o !== origin) return false;
  const url = new URL(o);
  return rules.some((r) => (r.type === 'exact' ? r.origin === o : url.protocol === r.scheme && url.port === '' && url.hostname.endsWith(r.suffix)));
}

/** The origins a message may be addressed to (wildcards cannot be a postMessage target). */
export function exactOrigins(rules: readonly OriginRule[]): string[] {
  return rules.flatMap((r) => (r.type === 'exact' ? [r.origin] : []));
}

/**
 * The embedding page's origin, if the browser or the URL says which it is and the list allows
 * it: `location.ancestorOrigins[0]` (Chromium, WebKit) first, then the `hostOrigin` query
 * parameter the host module adds, then the referrer's origin. Used only to address `ready`;
 * every message received is checked on its own.
 */
export function hostOriginCandidate(
  hints: { ancestorOrigin?: string; hostOriginParam?: string | null; referrer?: string },
  rules: readonly OriginRule[],
): string | undefined {
  for (const hint of [hints.ancestorOrigin, hints.hostOriginParam ?? undefined, hints.referrer]) {
    const origin = hint ? normalizeOrigin(hint) : undefined;
    if (origin && originAllowed(origin, rules)) return origin;
  }
  return undefined;
}

function dedupe(rules: OriginRule[]): OriginRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const key = r.type === 'exact' ? r.origin : `*${r.suffix}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

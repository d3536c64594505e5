/**
 * The session of an embedded view, held in the frame's memory only (never in storage, never in
 * a URL, never posted to the host) and sent as the x-glasspane-session header on the console's
 * own API requests. The console's data layer calls `fetch` directly in several places, so the
 * header is added by wrapping the page's `fetch` once, for same-origin `/api/` requests only:
 * nothing else (the host, other origins, static files) ever sees the value.
 */
export const FRAME_SESSION_HEADER = 'x-glasspane-session';

export interface FrameSessionStore {
  get(): string | undefined;
  set(value: string | undefined): void;
}

export function createFrameSessionStore(): FrameSessionStore {
  let value: string | undefined;
  return {
    get: () => value,
    set: (v) => {
      value = v;
    },
  };
}

/** Whether a request goes to the console's own API (same origin, path under /api/). */
export function isConsoleApi(input: RequestInfo | URL, origin: string): boolean {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  try {
    const url = new URL(raw, origin);
    return url.origin === origin && url.pathname.startsWith('/api/');
  } catch {
    return false;
  }
}

/** `fetch` that adds the frame session header to console API requests while a session is held. */
export function withFrameSession(fetchImpl: typeof fetch, store: FrameSessionStore, origin: string): typeof fetch {
  return (input, init) => {
    const value = store.get();
    if (!value || !isConsoleApi(input, origin)) return fetchImpl(input, init);
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    headers.set(FRAME_SESSION_HEADER, value);
    return fetchImpl(input, { ...init, headers });
  };
}

/** The page's one store; `installFrameSession` wraps `window.fetch` the first time only. */
export const frameSession = createFrameSessionStore();
let installed = false;

export function installFrameSession(win: Window & typeof globalThis): void {
  if (installed) return;
  installed = true;
  win.fetch = withFrameSession(win.fetch.bind(win), frameSession, win.location.origin);
}

/** What /api/auth/login?embedded=1 answers. */
export interface EmbeddedLogin {
  username: string;
  expiresAt: number;
  session: string;
}

export function parseEmbeddedLogin(body: unknown): EmbeddedLogin | undefined {
  const b = body as Partial<EmbeddedLogin> | null | undefined;
  return b && typeof b.username === 'string' && typeof b.expiresAt === 'number' && typeof b.session === 'string' && b.session.length > 0 ? { username: b.username, expiresAt: b.expiresAt, session: b.session } : undefined;
}

/**
 * The message a sign-in pop-up sends its opener (the frame, same origin) once signed in. The
 * receiver checks the origin is its own and the source is the pop-up it opened.
 */
export const POPUP_MESSAGE = 'glasspane.embed.signed-in';

export function parsePopupMessage(data: unknown): EmbeddedLogin | undefined {
  const d = data as { type?: unknown; login?: unknown } | null | undefined;
  return d && d.type === POPUP_MESSAGE ? parseEmbeddedLogin(d.login) : undefined;
}

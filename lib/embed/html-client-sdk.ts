import { normalizeOrigin, originAllowed, type OriginRule } from './origins';
import { contextSchema, type EmbedContext, type KubeRef, type ModalResult, type Theme } from './protocol';

/**
 * The part of the vSphere Client's `htmlClientSdk` (remote plug-in JavaScript API) that Glasspane
 * uses, and an adapter from it to what the generic contract carries. When a view finds the SDK
 * (the vSphere Client, or a host emulating it, provides it to the plug-in frame), it takes its
 * context objects, theme, locale and session from the SDK and uses its navigation and modal
 * calls instead of posting the generic messages. Everything read from the SDK is validated like
 * a host message: the SDK is the host speaking.
 */
export interface SdkContextObject {
  id: string;
}

export interface SdkModalConfig {
  url: string;
  title: string;
  accessibilityTitle?: string;
  size?: { width: number; height: number };
  closable?: boolean;
  contextObjects?: SdkContextObject[];
  customData?: unknown;
  onClosed?: (result?: unknown) => void;
}

export interface HtmlClientSdk {
  initialize(callback: () => void): void;
  isInitialized?(): boolean;
  app: {
    getContextObjects(): SdkContextObject[] | undefined;
    getTheme?(): { name?: string } | undefined;
    getClientLocale?(): string | undefined;
    getSessionInfo?(callback: (info: { sessionToken?: string } | undefined) => void): void;
    getNavigationData?(): unknown;
    navigateTo(options: { targetViewId: string; objectId?: string; customData?: unknown }): void;
  };
  event?: { onThemeChanged?(callback: (theme: { name?: string } | undefined) => void): void };
  modal?: { open(config: SdkModalConfig): void; close(data?: unknown): void };
}

/**
 * Where a view opened with `host=vsphere` loads the SDK from. The vSphere Client serves plug-in
 * pages through its reverse proxy and the SDK from that same origin at a fixed path; a host that
 * frames the console from its own origin names that origin with `sdkOrigin`, which must be an
 * allowed frame ancestor: the script runs with the view's rights, which only a trusted host may have.
 */
export const SDK_PATH = '/api/ui/htmlClientSdk.js';

export function sdkScriptUrl(params: URLSearchParams, selfOrigin: string, rules: readonly OriginRule[]): string | undefined {
  const asked = params.get('sdkOrigin');
  if (!asked) return `${selfOrigin}${SDK_PATH}`;
  const origin = normalizeOrigin(asked);
  return origin && originAllowed(origin, rules) ? `${origin}${SDK_PATH}` : undefined;
}

/** The global view's navigation id in plugin.json; `navigate` becomes `app.navigateTo` to it. */
export const GLOBAL_VIEW_ID = 'glasspane.global';

/** What `app.navigateTo` carries as customData, and what the global view reads back. */
export interface NavigationData {
  /** A console path (`/namespaces/team-a/r/<descriptor id>/<name>`). */
  href: string;
  target?: KubeRef;
}

function isFunction(v: unknown): v is (...args: never[]) => unknown {
  return typeof v === 'function';
}

/** The SDK, if `win.htmlClientSdk` has the documented shape (initialize, app.getContextObjects, app.navigateTo). */
export function findHtmlClientSdk(win: unknown): HtmlClientSdk | undefined {
  const sdk = (win as { htmlClientSdk?: unknown } | null | undefined)?.htmlClientSdk as Partial<HtmlClientSdk> | undefined;
  if (!sdk || typeof sdk !== 'object' || !isFunction(sdk.initialize) || !sdk.app || !isFunction(sdk.app.getContextObjects) || !isFunction(sdk.app.navigateTo)) return undefined;
  return sdk as HtmlClientSdk;
}

export function sdkTheme(theme: { name?: string } | undefined): Theme {
  return theme?.name === 'dark' ? 'dark' : 'light';
}

/** The SDK's context objects as a contract context; anything malformed yields an empty context. */
export function sdkContext(objects: unknown): EmbedContext {
  const list = Array.isArray(objects) ? objects.map((o) => ({ id: (o as { id?: unknown } | null)?.id })) : [];
  const parsed = contextSchema.safeParse({ objects: list });
  return parsed.success ? parsed.data : { objects: [] };
}

export function sdkLocale(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(value) && value.length <= 35 ? value.replace(/_/g, '-') : undefined;
}

export function navigationData(value: unknown): NavigationData | undefined {
  const href = (value as { href?: unknown } | null | undefined)?.href;
  return typeof href === 'string' && href.startsWith('/') && !href.startsWith('//') && href.length <= 2048 ? { href } : undefined;
}

/** A modal's result as the contract carries it (a small flat record), from whatever the SDK passed. */
export function modalResult(value: unknown): ModalResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out: NonNullable<ModalResult> = {};
  for (const [k, v] of Object.entries(value).slice(0, 32)) {
    if (k.length <= 64 && (v === null || typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 1024))) out[k] = v;
  }
  return out;
}

export interface SdkInitial {
  context: EmbedContext;
  theme: Theme;
  locale?: string;
  token?: string;
  navigation?: NavigationData;
}

/**
 * Initialises the SDK and reads what the view needs. Resolves once `initialize` has called back
 * and the session info (if the SDK offers it) has arrived.
 */
export function readSdk(sdk: HtmlClientSdk): Promise<SdkInitial> {
  return new Promise((resolve) => {
    const done = () => {
      const base = {
        context: sdkContext(sdk.app.getContextObjects()),
        theme: sdkTheme(sdk.app.getTheme?.()),
        locale: sdkLocale(sdk.app.getClientLocale?.()),
        navigation: navigationData(sdk.app.getNavigationData?.()),
      };
      if (!sdk.app.getSessionInfo) return resolve(base);
      sdk.app.getSessionInfo((info) => {
        const token = typeof info?.sessionToken === 'string' && info.sessionToken.trim() && info.sessionToken.length <= 16 * 1024 ? info.sessionToken.trim() : undefined;
        resolve({ ...base, ...(token ? { token } : {}) });
      });
    };
    if (sdk.isInitialized?.()) done();
    else sdk.initialize(done);
  });
}

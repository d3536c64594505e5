import type { NavigationData } from './html-client-sdk';
import { originAllowed, type OriginRule } from './origins';
import { parseHostMessage, type EmbedContext, type HostMessage, type ModalResult, type Theme } from './protocol';

/**
 * What an embedded view knows from its host, and how messages change it. `connected` turns
 * true once the host has spoken (an `init`, or the SDK initialised) or when there is no host.
 * A token handed over again is a new sign-in request, counted by `tokenSeq`.
 */
export type HostMode = 'vsphere' | 'generic' | 'standalone';

export interface HostState {
  mode: HostMode;
  connected: boolean;
  theme?: Theme;
  context: EmbedContext;
  locale?: string;
  token?: string;
  tokenSeq: number;
  navigation: 'host' | 'frame';
  navigationData?: NavigationData;
  /** How many links the frame has followed itself (a way back to the inventory makes sense then). */
  followed: number;
}

export type HostEvent =
  | { type: 'message'; message: HostMessage }
  | { type: 'sdk'; context: EmbedContext; theme: Theme; locale?: string; token?: string; navigationData?: NavigationData }
  | { type: 'sdk-theme'; theme: Theme }
  | { type: 'mode'; mode: HostMode }
  | { type: 'followed' };

export function initialHostState(mode: HostMode): HostState {
  return { mode, connected: mode === 'standalone', context: { objects: [] }, tokenSeq: 0, navigation: 'frame', followed: 0 };
}

export function hostReducer(state: HostState, event: HostEvent): HostState {
  switch (event.type) {
    case 'mode':
      return { ...state, mode: event.mode, connected: state.connected || event.mode === 'standalone' };
    case 'sdk':
      return {
        ...state,
        mode: 'vsphere',
        connected: true,
        theme: event.theme,
        context: event.context,
        locale: event.locale,
        navigation: 'host',
        navigationData: event.navigationData,
        ...(event.token ? { token: event.token, tokenSeq: state.tokenSeq + 1 } : {}),
      };
    case 'sdk-theme':
      return { ...state, theme: event.theme };
    case 'followed':
      return { ...state, followed: state.followed + 1 };
    case 'message':
      return applyMessage(state, event.message);
  }
}

function applyMessage(state: HostState, m: HostMessage): HostState {
  if (state.mode !== 'generic') return state;
  switch (m.type) {
    case 'init':
      return {
        ...state,
        connected: true,
        theme: m.theme ?? state.theme,
        context: m.context ?? state.context,
        locale: m.locale ?? state.locale,
        navigation: m.navigation ?? 'frame',
        ...(m.token ? { token: m.token, tokenSeq: state.tokenSeq + 1 } : {}),
      };
    case 'context':
      return { ...state, context: m.context };
    case 'theme':
      return { ...state, theme: m.theme };
    case 'modalClosed':
      return state;
  }
}

export interface IncomingMessage {
  origin: string;
  source: unknown;
  data: unknown;
}

/**
 * A host message is taken only from the window that embeds the view (`parent`), from an allowed
 * origin, and (once a host has spoken) from that same origin; and only if it validates.
 */
export function acceptHostMessage(e: IncomingMessage, opts: { parent: unknown; rules: readonly OriginRule[]; lockedOrigin?: string }): HostMessage | undefined {
  if (e.source !== opts.parent || !opts.parent) return undefined;
  if (!originAllowed(e.origin, opts.rules)) return undefined;
  if (opts.lockedOrigin && e.origin !== opts.lockedOrigin) return undefined;
  return parseHostMessage(e.data);
}

/** The result a `modalClosed` carries for the modal `id`, if this is that message. */
export function modalClosedFor(m: HostMessage, id: string): { result: ModalResult } | undefined {
  return m.type === 'modalClosed' && m.id === id ? { result: m.result } : undefined;
}

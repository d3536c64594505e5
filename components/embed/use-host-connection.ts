'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { GLOBAL_VIEW_ID, modalResult, readSdk, sdkScriptUrl, type HtmlClientSdk } from '@/lib/embed/html-client-sdk';
import { acceptHostMessage, hostReducer, initialHostState, type HostState } from '@/lib/embed/host-state';
import { hostOriginCandidate, originRules } from '@/lib/embed/origins';
import { guestMessage, type EmbedContext, type GuestMessageBody, type ModalResult } from '@/lib/embed/protocol';
import { embedHrefFor, refForConsolePath } from '@/lib/embed/routes';
import { loadHtmlClientSdk } from './sdk-loader';

/**
 * The view's connection to its host. With `host=vsphere` it looks for `htmlClientSdk` and takes
 * everything from it; otherwise, in a frame, it speaks the generic contract (sends `ready`, then
 * takes `init`, `context` and `theme` from the parent window on an allowed origin); opened on
 * its own, it has no host. The channel turns the view's intents (follow a link, open or close a
 * modal, report its height, notify) into whatever the host understands.
 */
export interface ModalRequest {
  /** A path under /embed on the console. */
  path: string;
  title: string;
  size?: { width: number; height: number };
  context?: EmbedContext;
  onClosed?(result: ModalResult): void;
}

export interface HostChannel {
  follow(consoleHref: string): void;
  openModal(request: ModalRequest): void;
  closeModal(result?: ModalResult): void;
  notify(level: 'info' | 'success' | 'warning' | 'error', message: string): void;
  resize(height: number): void;
}

type Win = Window & typeof globalThis;

export function useHostConnection(frameAncestors: string): { state: HostState; channel: HostChannel } {
  const router = useRouter();
  const [state, dispatch] = useReducer(hostReducer, 'generic', initialHostState);
  const live = useRef(state);
  const sdk = useRef<HtmlClientSdk | undefined>(undefined);
  const hostOrigin = useRef<string | undefined>(undefined);
  const modals = useRef(new Map<string, (result: ModalResult) => void>());
  const seq = useRef(0);
  const lastHeight = useRef(-1);
  useEffect(() => {
    live.current = state;
  }, [state]);

  useEffect(() => {
    const win = window as Win;
    const params = new URLSearchParams(win.location.search);
    const rules = originRules(frameAncestors, win.location.origin);
    const framed = win.parent !== win;
    // The view the host mounted: a new selection brings the frame back to it from a page it followed a link to.
    const mounted = `${win.location.pathname}${win.location.search}`;
    let disposed = false;
    let locked: string | undefined;

    const onMessage = (e: MessageEvent) => {
      const m = acceptHostMessage({ origin: e.origin, source: e.source, data: e.data }, { parent: framed ? win.parent : undefined, rules, lockedOrigin: locked });
      if (!m) return;
      locked = e.origin;
      hostOrigin.current = e.origin;
      if (m.type === 'modalClosed') {
        modals.current.get(m.id)?.(m.result);
        modals.current.delete(m.id);
      }
      if (m.type === 'context' && `${win.location.pathname}${win.location.search}` !== mounted) router.push(mounted);
      dispatch({ type: 'message', message: m });
    };
    const startGeneric = () => {
      if (!framed) return dispatch({ type: 'mode', mode: 'standalone' });
      dispatch({ type: 'mode', mode: 'generic' });
      win.addEventListener('message', onMessage);
      const candidate = hostOriginCandidate({ ancestorOrigin: win.location.ancestorOrigins?.[0], hostOriginParam: params.get('hostOrigin'), referrer: win.document.referrer }, rules);
      if (!candidate) return;
      hostOrigin.current = candidate;
      win.parent.postMessage(guestMessage({ type: 'ready', view: win.location.pathname, url: win.location.href }), candidate);
    };

    if (params.get('host') === 'vsphere') {
      void loadHtmlClientSdk(win, sdkScriptUrl(params, win.location.origin, rules)).then(async (found) => {
        if (disposed) return;
        if (!found) return startGeneric();
        sdk.current = found;
        const initial = await readSdk(found);
        if (disposed) return;
        dispatch({ type: 'sdk', context: initial.context, theme: initial.theme, locale: initial.locale, token: initial.token, navigationData: initial.navigation });
        found.event?.onThemeChanged?.((t) => dispatch({ type: 'sdk-theme', theme: t?.name === 'dark' ? 'dark' : 'light' }));
      });
    } else {
      startGeneric();
    }
    return () => {
      disposed = true;
      win.removeEventListener('message', onMessage);
    };
  }, [frameAncestors, router]);

  /** Posts to the host's origin only (never '*'); false when there is no generic host to post to. */
  const post = useCallback((body: GuestMessageBody): boolean => {
    if (!hostOrigin.current || live.current.mode !== 'generic') return false;
    window.parent.postMessage(guestMessage(body), hostOrigin.current);
    return true;
  }, []);

  const channel = useMemo<HostChannel>(
    () => ({
      follow(consoleHref) {
        const url = new URL(consoleHref, window.location.origin);
        if (url.origin !== window.location.origin) return void window.open(url.href, '_blank', 'noopener,noreferrer');
        const path = `${url.pathname}${url.search}`;
        const ref = refForConsolePath(url.pathname);
        const embed = embedHrefFor(path);
        const s = live.current;
        if (s.mode === 'vsphere' && sdk.current && ref) return sdk.current.app.navigateTo({ targetViewId: GLOBAL_VIEW_ID, customData: { href: path, target: ref } });
        if (s.mode === 'generic' && ref) {
          post({ type: 'navigate', target: ref, href: url.href, ...(embed ? { embedHref: new URL(embed, url).href } : {}) });
          if (s.navigation === 'host') return;
        }
        if (!embed) return void window.open(url.href, '_blank', 'noopener');
        dispatch({ type: 'followed' });
        router.push(embed);
      },
      openModal({ path, title, size, context, onClosed }) {
        const url = new URL(path, window.location.origin);
        const s = live.current;
        if (s.mode === 'vsphere' && sdk.current?.modal) {
          const here = new URLSearchParams(window.location.search);
          for (const k of ['host', 'sdkOrigin']) if (here.get(k)) url.searchParams.set(k, here.get(k)!);
          const contextObjects = (context ?? s.context).objects.flatMap((o) => ('id' in o ? [{ id: o.id }] : []));
          return sdk.current.modal.open({ url: url.href, title, size, contextObjects, onClosed: (r) => onClosed?.(modalResult(r)) });
        }
        if (s.mode === 'generic' && hostOrigin.current) {
          const id = `modal-${++seq.current}`;
          if (onClosed) modals.current.set(id, onClosed);
          post({ type: 'openModal', id, url: url.href, title, ...(size ? { size } : {}), ...(context ? { context } : {}) });
          return;
        }
        window.open(url.href, '_blank', `popup,width=${size?.width ?? 560},height=${size?.height ?? 400}`);
      },
      closeModal(result) {
        const s = live.current;
        if (s.mode === 'vsphere' && sdk.current?.modal) return sdk.current.modal.close(result);
        if (s.mode === 'generic') {
          post({ type: 'closeModal', ...(result ? { result } : {}) });
          return;
        }
        window.close();
      },
      notify(level, message) {
        post({ type: 'notify', level, message: message.slice(0, 500) });
      },
      resize(height) {
        if (height !== lastHeight.current && post({ type: 'resize', height })) lastHeight.current = height;
      },
    }),
    [post, router],
  );

  return { state, channel };
}

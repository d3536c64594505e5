'use client';

import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { HostState } from '@/lib/embed/host-state';
import { EMBED_PREFIX } from '@/lib/embed/routes';
import { useHostConnection, type HostChannel } from './use-host-connection';

/**
 * Every embedded view runs inside this: the host connection (generic contract or
 * htmlClientSdk), the host's theme on <html data-theme>, links that leave the embedded views
 * routed through the host, and the content's height reported to the host (the wrapper is
 * measured, not the document, so a frame the host sized to the content can shrink again).
 */
interface EmbedValue {
  state: HostState;
  channel: HostChannel;
}

const EmbedContext = createContext<EmbedValue | null>(null);

export function useEmbed(): EmbedValue {
  const v = useContext(EmbedContext);
  if (!v) throw new Error('useEmbed must be used inside EmbedRuntime');
  return v;
}

/** The console link a click lands on, if it should go through the host rather than the browser. */
function interceptedLink(e: MouseEvent): { anchor: HTMLAnchorElement; href: string } | undefined {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return undefined;
  const a = (e.target as Element | null)?.closest?.('a[href]');
  if (!(a instanceof HTMLAnchorElement) || a.hasAttribute('download') || (a.target && a.target !== '_self')) return undefined;
  const url = new URL(a.href, window.location.href);
  if (url.origin !== window.location.origin) return undefined;
  if (url.pathname === EMBED_PREFIX || url.pathname.startsWith(`${EMBED_PREFIX}/`) || url.pathname.startsWith('/api/')) return undefined;
  return { anchor: a, href: `${url.pathname}${url.search}` };
}

export function EmbedRuntime({ frameAncestors, children }: { frameAncestors: string; children: ReactNode }) {
  const { state, channel } = useHostConnection(frameAncestors);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = document.documentElement;
    if (state.theme) root.dataset.theme = state.theme;
    else delete root.dataset.theme;
    if (state.locale) root.lang = state.locale;
  }, [state.theme, state.locale]);

  useEffect(() => {
    // A console link is taken over at the link itself: after every capturing listener on the way
    // down (the YAML editor's "leave unsaved changes?" guard stops the click there when the user
    // stays) and before React's handlers on the document (Next's <Link> skips a prevented click).
    let armed: { anchor: HTMLAnchorElement; take(e: MouseEvent): void } | undefined;
    const disarm = () => {
      armed?.anchor.removeEventListener('click', armed.take);
      armed = undefined;
    };
    const onCapture = (e: MouseEvent) => {
      disarm();
      const link = interceptedLink(e);
      if (!link) return;
      const take = (ev: MouseEvent) => {
        disarm();
        ev.preventDefault();
        channel.follow(link.href);
      };
      link.anchor.addEventListener('click', take);
      armed = { anchor: link.anchor, take };
    };
    window.addEventListener('click', onCapture, true);
    return () => {
      disarm();
      window.removeEventListener('click', onCapture, true);
    };
  }, [channel]);

  useEffect(() => {
    const el = wrapper.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const report = () => channel.resize(Math.ceil(el.getBoundingClientRect().height));
    const observer = new ResizeObserver(report);
    observer.observe(el);
    report();
    return () => observer.disconnect();
  }, [channel, state.connected]);

  return (
    <EmbedContext.Provider value={{ state, channel }}>
      <div ref={wrapper} className="flow-root" data-embed-mode={state.mode} data-embed-connected={state.connected || undefined}>
        {children}
      </div>
    </EmbedContext.Provider>
  );
}

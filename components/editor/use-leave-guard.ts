'use client';

import { useEffect, useRef } from 'react';

/**
 * Asks before leaving a dirty editor: the browser's own prompt on reload, close and external
 * navigation (beforeunload), and a confirm() before in-app navigation started from a link or
 * from activating an inventory tree item (click, Enter or Space). The App Router has no way to
 * cancel other programmatic navigations; the draft in the browser covers those.
 */
const ACTIVATING_KEYS = new Set(['Enter', ' ']);

function isInternalLink(a: HTMLAnchorElement, e: MouseEvent): boolean {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return false;
  if (a.target && a.target !== '_self') return false;
  if (a.hasAttribute('download')) return false;
  const url = new URL(a.href, window.location.href);
  return url.origin === window.location.origin && (url.pathname !== window.location.pathname || url.search !== window.location.search);
}

export function useLeaveGuard(active: boolean, message: string): void {
  const state = useRef({ active, message });
  useEffect(() => {
    state.current = { active, message };
  });

  useEffect(() => {
    const ask = (e: Event): void => {
      if (!state.current.active) return;
      if (!window.confirm(state.current.message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    const onClick = (e: MouseEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      const a = el?.closest('a[href]');
      if (a instanceof HTMLAnchorElement) {
        if (isInternalLink(a, e)) ask(e);
        return;
      }
      const item = el?.closest('[role="treeitem"]');
      // The expand chevron is aria-hidden inside the item: it only expands.
      if (item && !el?.closest('[aria-hidden="true"]') && !(e.ctrlKey || e.metaKey || e.shiftKey)) ask(e);
    };
    const onKey = (e: KeyboardEvent) => {
      const el = e.target instanceof Element ? e.target : null;
      if (ACTIVATING_KEYS.has(e.key) && el?.getAttribute('role') === 'treeitem') ask(e);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!state.current.active) return;
      e.preventDefault();
      e.returnValue = '';
    };
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}

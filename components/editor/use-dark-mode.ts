'use client';

import { useSyncExternalStore } from 'react';

/**
 * Whether the page is dark: a `data-theme` on <html> wins (embedded views pin it), otherwise the
 * system preference — the same rule as the `dark:` variant in app/globals.css.
 */
function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia('(prefers-color-scheme: dark)');
  mq.addEventListener('change', onChange);
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    mq.removeEventListener('change', onChange);
    mo.disconnect();
  };
}

function snapshot(): boolean {
  const pinned = document.documentElement.dataset.theme;
  if (pinned === 'dark') return true;
  if (pinned === 'light') return false;
  return window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export function useDarkMode(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}

import { findHtmlClientSdk, type HtmlClientSdk } from '@/lib/embed/html-client-sdk';

/**
 * Loads the vSphere Client's `htmlClientSdk` from `url` (see `sdkScriptUrl`), unless the page
 * already has it. Resolves undefined when there is none (the script fails to load or does not
 * define the SDK), and the view falls back to the generic contract.
 */

export function loadHtmlClientSdk(win: Window & typeof globalThis, url: string | undefined): Promise<HtmlClientSdk | undefined> {
  const present = findHtmlClientSdk(win);
  if (present || !url) return Promise.resolve(present);
  return new Promise((resolve) => {
    const script = win.document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = () => resolve(findHtmlClientSdk(win));
    script.onerror = () => {
      script.remove();
      resolve(undefined);
    };
    win.document.head.appendChild(script);
  });
}

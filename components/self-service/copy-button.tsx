'use client';

import { useEffect, useState } from 'react';

/**
 * Copies a value to the clipboard with one click and says so ("Copied" for a moment, announced
 * politely). The value never goes anywhere else (no logging); when the clipboard is not
 * available (an insecure origin, a denied permission) the button says that instead.
 */
export function CopyButton({ value, label, className = '' }: { value: string | (() => Promise<string | undefined>); label: string; className?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(t);
  }, [state]);
  const copy = async () => {
    try {
      const text = typeof value === 'string' ? value : await value();
      if (text === undefined) return setState('failed');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <button
      type="button"
      onClick={() => void copy()}
      aria-label={label}
      className={`h-6 shrink-0 rounded-sm border border-line px-2 text-[11px] font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10 ${className}`}
    >
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
    </button>
  );
}

/** A value shown as code with its copy button, e.g. an ssh command or a DNS name. */
export function CopyableCode({ value, label }: { value: string; label: string }) {
  return (
    <div className="flex min-w-0 items-center gap-2">
      <code className="min-w-0 flex-1 overflow-x-auto rounded-sm border border-line bg-panel px-2 py-1 font-mono text-xs whitespace-nowrap dark:border-transparent dark:bg-white/10">{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}

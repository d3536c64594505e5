'use client';

import { useState } from 'react';
import { maskUri } from '@/lib/self-service/connect';
import { CopyButton } from './copy-button';

/**
 * A secret value (a connection string) masked until the user asks to see it: a URI shows its
 * user and host with the password hidden, anything else is dots. "Reveal" toggles it; "Copy"
 * copies the real value either way. Nothing is logged or stored.
 */
export function SecretValue({ value, label }: { value: string; label: string }) {
  const [shown, setShown] = useState(false);
  const masked = maskUri(value);
  const display = shown ? value : masked !== value ? masked : '•'.repeat(12);
  return (
    <div className="flex min-w-0 items-center gap-2">
      <code className="min-w-0 flex-1 overflow-x-auto rounded-sm border border-line bg-panel px-2 py-1 font-mono text-xs whitespace-nowrap dark:border-transparent dark:bg-white/10">
        {display}
        {shown ? null : <span className="sr-only"> (the {label} is hidden)</span>}
      </code>
      <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)} className="h-6 shrink-0 rounded-sm border border-line px-2 text-[11px] font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10">
        {shown ? 'Hide' : 'Reveal'}
      </button>
      <CopyButton value={value} label={`Copy the ${label}`} />
    </div>
  );
}

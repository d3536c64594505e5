'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';

/** Re-renders the current server page, e.g. to retry reaching the cluster. */
export function RefreshButton({ label = 'Try again' }: { label?: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => startTransition(() => router.refresh())}
      className="rounded-sm border border-current px-2.5 py-1 text-xs font-medium disabled:opacity-60"
    >
      {pending ? 'Retrying…' : label}
    </button>
  );
}

'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { searchHref } from '@/lib/resources/links';

/** The header's global search: submits to /search?q=…, and shows the current query there. */
export function SearchBox() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const current = pathname === '/search' ? (params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  const [shownFor, setShownFor] = useState(current);
  if (current !== shownFor) {
    // Navigating to another search (or away) resets the box to what the page shows.
    setShownFor(current);
    setText(current);
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    if (q) router.push(searchHref(q));
  };

  return (
    <form role="search" action="/search" onSubmit={submit} className="relative w-full max-w-md">
      <svg viewBox="0 0 16 16" aria-hidden="true" className="pointer-events-none absolute left-2 top-1/2 size-3.5 -translate-y-1/2 text-slate-400">
        <path d="M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9Z M10.3 10.3 13.5 13.5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        name="q"
        aria-label="Search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Search VMs, pods, services, namespaces, hosts"
        autoComplete="off"
        spellCheck={false}
        className="h-7 w-full rounded-sm border border-white/15 bg-white/10 pl-7 pr-2 text-[13px] text-white placeholder:text-slate-400 focus:bg-white/15"
      />
    </form>
  );
}

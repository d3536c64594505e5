'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { searchHref } from '@/lib/resources/links';

/**
 * The search page's own query box: results follow every keystroke (`onText`), while the URL is
 * replaced debounced, so the page stays shareable without filling the history. A query arriving
 * from elsewhere (the header's box) replaces the text; the echo of the user's own typing never
 * does. Arrow Down moves into the results.
 */
const DEBOUNCE_MS = 250;

export function SearchField({ q, onText, onArrowDown }: { q: string; onText(text: string): void; onArrowDown(): void }) {
  const router = useRouter();
  const [text, setText] = useState(q);
  const [shownFor, setShownFor] = useState(q);
  const [echo, setEcho] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (q !== shownFor) {
    setShownFor(q);
    if (q !== echo) setText(q);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => onText(text.trim()), [text, onText]);

  const onChange = (value: string) => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const next = value.trim();
      setEcho(next);
      router.replace(next ? searchHref(next) : '/search', { scroll: false });
    }, DEBOUNCE_MS);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      onArrowDown();
    }
  };

  return (
    <form role="search" aria-label="Search the supervisor" onSubmit={(e) => e.preventDefault()} className="flex items-center gap-2">
      <input
        type="search"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-label="Search query"
        aria-describedby="search-syntax"
        placeholder="Name, label key or value, app=web, tier!=db"
        autoComplete="off"
        spellCheck={false}
        className="h-8 w-full max-w-xl rounded-sm border border-line bg-panel px-2.5 text-[13px] dark:border-line-dark dark:bg-panel-dark"
      />
    </form>
  );
}

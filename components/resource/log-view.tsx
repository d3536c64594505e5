'use client';

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { highlightParts } from '@/lib/resources/log-lines';

/**
 * Log lines in a virtualised, monospace view (text only). It keeps scrolling to the newest line
 * while the reader is at the bottom; scrolling up holds the view until they return.
 */
const LINE_HEIGHT = 18;

export function LogView({ lines, indexes, query, label }: { lines: readonly string[]; indexes: readonly number[] | undefined; query: string; label: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [atBottom, setAtBottom] = useState(true);
  const count = indexes ? indexes.length : lines.length;
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => LINE_HEIGHT, overscan: 30 });

  useEffect(() => {
    if (atBottom && count > 0) virtualizer.scrollToIndex(count - 1, { align: 'end' });
  }, [count, atBottom, virtualizer]);

  const onScroll = () => {
    const el = scrollRef.current;
    if (!el) return;
    setAtBottom(el.scrollTop + el.clientHeight >= el.scrollHeight - LINE_HEIGHT);
  };

  return (
    <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} onScroll={onScroll} role="log" aria-live="off" aria-label={label} tabIndex={0} className="absolute inset-0 overflow-auto bg-slate-950 font-mono text-xs text-slate-100">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((v) => {
            const lineNo = indexes ? indexes[v.index]! : v.index;
            const line = lines[lineNo] ?? '';
            return (
              <div key={v.key} style={{ transform: `translateY(${v.start}px)`, height: LINE_HEIGHT }} className="absolute top-0 left-0 flex w-full whitespace-pre">
                <span aria-hidden="true" className="w-14 shrink-0 pr-3 text-right text-slate-500 select-none">
                  {lineNo + 1}
                </span>
                <span>
                  {highlightParts(line, query).map((p, i) =>
                    p.match ? (
                      <mark key={i} className="rounded-sm bg-amber-300 text-slate-950">
                        {p.text}
                      </mark>
                    ) : (
                      <span key={i}>{p.text}</span>
                    ),
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      {!atBottom ? (
        <button
          type="button"
          onClick={() => {
            setAtBottom(true);
            virtualizer.scrollToIndex(count - 1, { align: 'end' });
          }}
          className="absolute right-4 bottom-3 rounded-full bg-accent px-3 py-1 text-xs text-white shadow dark:bg-sky-600"
        >
          Jump to newest
        </button>
      ) : null}
    </div>
  );
}

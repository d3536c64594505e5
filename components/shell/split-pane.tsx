'use client';

import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';

/**
 * Two panes side by side with a splitter between them (WAI-ARIA window splitter): drag it, or
 * focus it and use the arrow keys (Shift for bigger steps), Home and End. The width is
 * remembered per browser.
 */
const KEY = 'glasspane.inventoryWidth';
const MIN = 200;
const MAX = 640;
const DEFAULT = 300;
const STEP = 16;

const clamp = (w: number, max: number) => Math.round(Math.min(Math.max(w, MIN), Math.max(MIN, max)));

export function SplitPane({ left, right, leftLabel }: { left: ReactNode; right: ReactNode; leftLabel: string }) {
  const container = useRef<HTMLDivElement>(null);
  // The shell renders only in the browser (after the session is known), so storage is readable.
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? DEFAULT : Number(window.localStorage.getItem(KEY)) || DEFAULT));
  const [max, setMax] = useState(MAX);
  const dragging = useRef(false);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    // Leaves the page at least 480 px, whatever the window size.
    const observer = new ResizeObserver(() => setMax(Math.min(MAX, el.clientWidth - 480)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const shown = clamp(width, max);
  const set = (w: number) => {
    const next = clamp(w, max);
    setWidth(next);
    window.localStorage.setItem(KEY, String(next));
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.shiftKey ? STEP * 4 : STEP;
    const to = e.key === 'ArrowLeft' ? shown - step : e.key === 'ArrowRight' ? shown + step : e.key === 'Home' ? MIN : e.key === 'End' ? max : undefined;
    if (to === undefined) return;
    e.preventDefault();
    set(to);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const leftEdge = container.current?.getBoundingClientRect().left ?? 0;
    set(e.clientX - leftEdge);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <div ref={container} className="flex min-h-0 flex-1">
      <nav id="inventory-pane" aria-label={leftLabel} style={{ width: shown }} className="flex min-h-0 shrink-0 flex-col border-r border-line bg-panel dark:border-line-dark dark:bg-panel-dark">
        {left}
      </nav>
      <div
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label="Resize the inventory pane"
        aria-controls="inventory-pane"
        aria-valuenow={shown}
        aria-valuemin={MIN}
        aria-valuemax={Math.max(MIN, max)}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        className="group relative z-10 -mx-[3px] w-[6px] shrink-0 cursor-col-resize touch-none outline-none"
      >
        <span aria-hidden="true" className="absolute inset-y-0 left-1/2 w-0.5 -translate-x-1/2 bg-transparent group-hover:bg-accent/50 group-focus-visible:bg-accent dark:group-focus-visible:bg-accent-dark" />
      </div>
      <main id="main" className="min-h-0 min-w-0 flex-1 overflow-auto">
        {right}
      </main>
    </div>
  );
}

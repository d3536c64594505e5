'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native `<dialog>` element (focus is kept inside, Escape closes, the
 * page behind is inert), named by its title. Rendered only while open.
 */
export interface ModalProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
  /** Escape and the backdrop do not close it while an operation runs. */
  busy?: boolean;
  wide?: boolean;
}

export function Modal({ title, onClose, children, footer, busy, wide }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] ${wide ? 'max-w-2xl' : 'max-w-lg'} rounded-sm border border-line bg-panel p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-line-dark dark:bg-panel-dark dark:text-slate-100`}
    >
      <div className="flex max-h-[80dvh] flex-col">
        <h2 id={titleId} className="border-b border-line px-4 py-2.5 text-sm font-semibold dark:border-line-dark">
          {title}
        </h2>
        <div className="min-h-0 flex-1 space-y-3 overflow-auto px-4 py-3">{children}</div>
        <div className="flex justify-end gap-2 border-t border-line px-4 py-2.5 dark:border-line-dark">{footer}</div>
      </div>
    </dialog>
  );
}

const BASE = 'h-7 rounded-sm px-3 text-xs font-medium disabled:cursor-not-allowed disabled:opacity-50';

export function PrimaryButton({ children, danger, ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement> & { danger?: boolean }) {
  return (
    <button type="button" {...rest} className={`${BASE} text-white ${danger ? 'bg-red-700 hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500' : 'bg-accent hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500'}`}>
      {children}
    </button>
  );
}

export function SecondaryButton({ children, ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" {...rest} className={`${BASE} border border-line hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10`}>
      {children}
    </button>
  );
}

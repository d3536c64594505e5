'use client';

import Link from 'next/link';
import { useId, useState } from 'react';

/**
 * The list's controls: a text filter (applied as you type), a label selector in Kubernetes
 * syntax (applied on Enter or when the box loses focus; the API checks it, and its error shows
 * under the box), and the bulk delete button for the selected rows.
 */
export interface ListToolbarProps {
  /** What is listed, for the controls' names, e.g. "ConfigMaps". */
  what: string;
  filter: string;
  onFilter(text: string): void;
  labelSelector: string;
  onLabelSelector(selector: string): void;
  selectorError?: string;
  selectedCount: number;
  /** The kind can be deleted at all (its descriptor offers the action). */
  deletable: boolean;
  canDelete: boolean | undefined;
  onDelete(): void;
  /** The create page of the kind, when the user may create it ("Create Virtual machine"). */
  create?: { href: string; label: string };
}

export function ListToolbar({ what, filter, onFilter, labelSelector, onLabelSelector, selectorError, selectedCount, deletable, canDelete, onDelete, create }: ListToolbarProps) {
  const [draft, setDraft] = useState(labelSelector);
  const errorId = useId();
  const apply = () => {
    if (draft.trim() !== labelSelector) onLabelSelector(draft.trim());
  };
  const deleteReason = canDelete === false ? 'You may not delete these objects.' : selectedCount === 0 ? 'Select rows to delete them.' : undefined;
  return (
    <div className="flex flex-wrap items-start gap-2 px-4 py-2">
      <label className="flex items-center gap-1.5">
        <input
          type="search"
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
          placeholder="Filter by name, status, …"
          aria-label={`Filter ${what}`}
          className="h-7 w-56 rounded-sm border border-line bg-panel px-2 dark:border-line-dark dark:bg-panel-dark"
        />
      </label>
      <div className="flex flex-col">
        <input
          type="text"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              apply();
            }
          }}
          onBlur={apply}
          placeholder="Label selector, e.g. app=web,tier!=db"
          aria-label="Label selector"
          aria-invalid={selectorError ? true : undefined}
          aria-describedby={selectorError ? errorId : undefined}
          spellCheck={false}
          className={`h-7 w-72 rounded-sm border bg-panel px-2 font-mono text-xs dark:bg-panel-dark ${selectorError ? 'border-red-500' : 'border-line dark:border-line-dark'}`}
        />
        {selectorError ? (
          <p id={errorId} role="alert" className="mt-1 max-w-md text-xs text-red-700 dark:text-red-300">
            {selectorError}
          </p>
        ) : null}
      </div>
      {create ? (
        <Link href={create.href} aria-label={create.label} className="ml-auto inline-flex h-7 items-center rounded-sm bg-accent px-2.5 text-xs font-medium text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500">
          Create
        </Link>
      ) : null}
      <div className={`${create ? '' : 'ml-auto'} flex items-center gap-2 ${deletable ? '' : 'hidden'}`}>
        {selectedCount > 0 ? <span className="text-xs text-muted dark:text-muted-dark">{selectedCount} selected</span> : null}
        <button
          type="button"
          aria-disabled={deleteReason ? true : undefined}
          title={deleteReason}
          onClick={() => !deleteReason && onDelete()}
          className="h-7 rounded-sm border border-red-300 px-2.5 text-xs font-medium text-red-700 hover:bg-red-50 aria-disabled:cursor-not-allowed aria-disabled:border-line aria-disabled:text-muted aria-disabled:hover:bg-transparent dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950/40 dark:aria-disabled:border-line-dark dark:aria-disabled:text-muted-dark"
        >
          Delete{selectedCount > 0 ? ` (${selectedCount})` : ''}
        </button>
      </div>
    </div>
  );
}

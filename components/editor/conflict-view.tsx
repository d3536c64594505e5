'use client';

import { useId, useMemo, useState } from 'react';
import { describeChange, objectChanges } from '@/lib/editor/changes';
import { diffLines } from '@/lib/editor/diff';
import { editableObject, editText } from '@/lib/editor/edit-object';
import { merge3, type MergeConflict, type Side } from '@/lib/editor/merge3';
import type { KubeObject } from '@/lib/k8s/types';

/**
 * The 409 view: the object as the user started from it, as the server has it now, and as the
 * user edited it — side by side, lines that differ from the start highlighted — with what
 * changed on each side, the conflicting fields with a choice per field, and "Rebase", which
 * rewrites the user's text on top of the server's version. Nothing typed is lost: cancelling
 * returns to the edit unchanged.
 */
export interface ConflictViewProps {
  base: KubeObject;
  theirs: KubeObject;
  mineText: string;
  /** My edit as an object (undefined when my text does not parse). */
  mine: unknown;
  onRebase(choices: Record<string, Side>): void;
  onBack(): void;
}

function short(v: unknown): string {
  if (v === undefined) return '(not set)';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}

function Column({ title, text, base }: { title: string; text: string; base?: string }) {
  const changed = useMemo(() => {
    if (base === undefined) return new Set<number>();
    return new Set(diffLines(base, text).flatMap((l) => (l.op === 'add' && l.newNo ? [l.newNo] : [])));
  }, [base, text]);
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <section aria-label={title} className="flex min-h-0 min-w-0 flex-col">
      <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wider text-muted dark:text-muted-dark">{title}</h3>
      <pre tabIndex={0} className="min-h-0 flex-1 overflow-auto rounded-sm border border-line bg-panel py-1 font-mono text-[11px] leading-[18px] dark:border-line-dark dark:bg-panel-dark">
        {lines.map((l, i) => (
          <span key={i} className={`block whitespace-pre px-2 ${changed.has(i + 1) ? 'bg-amber-100 dark:bg-amber-900/40' : ''}`}>
            {l || ' '}
          </span>
        ))}
      </pre>
    </section>
  );
}

function ConflictChoice({ c, choice, onChoose }: { c: MergeConflict; choice: Side; onChoose(s: Side): void }) {
  const name = useId();
  return (
    <fieldset className="rounded-sm border border-line px-3 py-2 dark:border-line-dark">
      <legend className="px-1 font-mono text-xs font-semibold">{c.id}</legend>
      <p className="text-xs text-muted dark:text-muted-dark">Started from: {short(c.base)}</p>
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-xs">
        <label className="flex items-center gap-1.5">
          <input type="radio" name={name} checked={choice === 'mine'} onChange={() => onChoose('mine')} className="accent-accent" />
          Keep yours: <span className="font-mono">{short(c.mine)}</span>
        </label>
        <label className="flex items-center gap-1.5">
          <input type="radio" name={name} checked={choice === 'theirs'} onChange={() => onChoose('theirs')} className="accent-accent" />
          Take the server’s: <span className="font-mono">{short(c.theirs)}</span>
        </label>
      </div>
    </fieldset>
  );
}

export function ConflictView({ base, theirs, mineText, mine, onRebase, onBack }: ConflictViewProps) {
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const baseObj = useMemo(() => editableObject(base), [base]);
  const theirsObj = useMemo(() => editableObject(theirs), [theirs]);
  const baseText = useMemo(() => editText(base), [base]);
  const theirsText = useMemo(() => editText(theirs), [theirs]);
  const serverChanges = useMemo(() => objectChanges(baseObj, theirsObj).filter((c) => !String(c.path.join('.')).startsWith('metadata.resourceVersion') && c.path.join('.') !== 'metadata.generation'), [baseObj, theirsObj]);
  const myChanges = useMemo(() => (mine === undefined ? [] : objectChanges(baseObj, mine)), [baseObj, mine]);
  const conflicts = useMemo(() => (mine === undefined ? [] : merge3(baseObj, theirsObj, mine, choices).conflicts.filter((c) => !c.id.startsWith('metadata.resourceVersion'))), [baseObj, theirsObj, mine, choices]);
  const kind = theirs.kind ?? 'object';
  return (
    <div className="flex min-h-0 flex-1 flex-col gap-3">
      <div role="alert" className="rounded-sm border border-l-4 border-amber-300 border-l-amber-500 bg-amber-50 px-3 py-2 text-xs text-amber-950 dark:border-amber-900 dark:border-l-amber-500 dark:bg-amber-950/40 dark:text-amber-100">
        <h2 className="text-sm font-semibold">
          {kind} {theirs.metadata.name} changed on the server while you were editing
        </h2>
        <p className="mt-0.5">
          You started from version {base.metadata.resourceVersion}; the server now has version {theirs.metadata.resourceVersion}. Your edit is kept: rebase it on the server’s version, then review and save again.
        </p>
      </div>
      <div className="grid gap-3 text-xs md:grid-cols-2">
        <section aria-label="Changes on the server">
          <h3 className="mb-1 font-semibold">Changed on the server ({serverChanges.length})</h3>
          <ul className="space-y-0.5 font-mono">{serverChanges.length ? serverChanges.map((c, i) => <li key={i}>{describeChange(c)}</li>) : <li className="font-sans text-muted">Only server-managed fields.</li>}</ul>
        </section>
        <section aria-label="Your changes">
          <h3 className="mb-1 font-semibold">Your changes ({myChanges.length})</h3>
          <ul className="space-y-0.5 font-mono">{mine === undefined ? <li className="font-sans">Your text does not parse; fix it first.</li> : myChanges.map((c, i) => <li key={i}>{describeChange(c)}</li>)}</ul>
        </section>
      </div>
      {conflicts.length > 0 ? (
        <section aria-label="Conflicts" className="space-y-2">
          <h3 className="text-xs font-semibold">
            {conflicts.length} {conflicts.length === 1 ? 'field was' : 'fields were'} changed on both sides — choose which to keep
          </h3>
          {conflicts.map((c) => (
            <ConflictChoice key={c.id} c={c} choice={choices[c.id] ?? 'mine'} onChoose={(s) => setChoices((prev) => ({ ...prev, [c.id]: s }))} />
          ))}
        </section>
      ) : (
        <p className="text-xs">No field was changed on both sides: the two edits combine cleanly.</p>
      )}
      <div className="grid min-h-64 flex-1 grid-cols-3 gap-2">
        <Column title="What you started from" text={baseText} />
        <Column title="The server now" text={theirsText} base={baseText} />
        <Column title="Your edit" text={mineText} base={baseText} />
      </div>
      <div className="flex gap-2">
        <button type="button" disabled={mine === undefined} onClick={() => onRebase(choices)} className="h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 disabled:opacity-50 dark:bg-sky-600 dark:hover:bg-sky-500">
          Rebase my edit on the server’s version
        </button>
        <button type="button" onClick={onBack} className="h-7 rounded-sm border border-line px-3 text-xs font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10">
          Back to my edit
        </button>
      </div>
    </div>
  );
}

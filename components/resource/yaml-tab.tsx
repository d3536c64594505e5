'use client';

import { useMemo, useState } from 'react';
import type { KubeObject } from '@/lib/k8s/types';
import { highlightYaml, objectYaml, type YamlTokenKind } from '@/lib/resources/object-yaml';

/**
 * The object as YAML, read-only, with syntax colours from a small tokenizer (no editor):
 * managedFields hidden unless asked for, and a copy button. Live: it follows the object.
 */
const TOKEN_CLASS: Record<YamlTokenKind, string> = {
  key: 'text-sky-800 dark:text-sky-300',
  string: 'text-emerald-800 dark:text-emerald-300',
  number: 'text-violet-700 dark:text-violet-300',
  boolean: 'text-amber-700 dark:text-amber-300',
  null: 'text-slate-500 dark:text-slate-400',
  comment: 'text-slate-500 italic dark:text-slate-400',
  punctuation: 'text-slate-500 dark:text-slate-400',
  block: 'text-emerald-800 dark:text-emerald-300',
  plain: '',
};

export function YamlTab({ obj }: { obj: KubeObject }) {
  const [managed, setManaged] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = useMemo(() => objectYaml(obj, { managedFields: managed }), [obj, managed]);
  const lines = useMemo(() => highlightYaml(text.replace(/\n$/, '')), [text]);
  const copy = async () => {
    await navigator.clipboard.writeText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-3 px-4 py-2">
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={managed} onChange={(e) => setManaged(e.target.checked)} className="accent-accent" />
          Show managed fields
        </label>
        <span className="text-xs text-muted dark:text-muted-dark">{lines.length} lines · read-only</span>
        <button type="button" onClick={copy} className="ml-auto h-7 rounded-sm border border-line px-2.5 text-xs hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10">
          {copied ? 'Copied' : 'Copy YAML'}
        </button>
      </div>
      <pre aria-label="Object as YAML" tabIndex={0} className="mx-4 mb-4 min-h-0 flex-1 overflow-auto rounded-sm border border-line bg-panel p-3 font-mono text-xs leading-5 dark:border-line-dark dark:bg-panel-dark">
        <code>
          {lines.map((tokens, i) => (
            <span key={i} className="block min-h-5 whitespace-pre">
              {tokens.map((t, j) => (
                <span key={j} className={TOKEN_CLASS[t.kind]}>
                  {t.text}
                </span>
              ))}
            </span>
          ))}
        </code>
      </pre>
    </div>
  );
}

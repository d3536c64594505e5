'use client';

import { useId, useState, type ChangeEvent } from 'react';
import { useNamespaces } from '@/components/data/use-namespaces';
import { DEFAULT_MAX_BYTES, formatBytes } from '@/lib/editor/yaml-limits';
import { YamlEditor } from '../yaml-editor';
import { ImportResults } from './import-results';
import { useImport } from './use-import';

/**
 * "Import YAML": paste or upload a file of one or more objects (separated by ---), choose the
 * namespace for objects that name none, and apply them the way `kubectl apply` does — each
 * object's result listed. A dry run checks everything on the server without saving. The text
 * goes through the same limits as the editor (size, aliases, depth, duplicate keys).
 */
const FIELD = 'h-7 rounded-sm border border-line bg-white px-2 text-xs dark:border-line-dark dark:bg-canvas-dark';

export function ImportPage({ nonce }: { nonce?: string }) {
  const [text, setText] = useState('');
  const [namespace, setNamespace] = useState('default');
  const [dryRun, setDryRun] = useState(false);
  const [force, setForce] = useState(false);
  const [fileError, setFileError] = useState<string>();
  const ns = useNamespaces();
  const imp = useImport();
  const fileId = useId();
  const nsId = useId();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    if (file.size > DEFAULT_MAX_BYTES) {
      setFileError(`The file is ${formatBytes(file.size)}; the limit is ${formatBytes(DEFAULT_MAX_BYTES)}`);
      return;
    }
    setFileError(undefined);
    setText(await file.text());
  };

  const names = ns.names.includes(namespace) ? ns.names : [namespace, ...ns.names];
  return (
    <div className="flex h-full min-h-0 flex-col gap-3 overflow-auto px-4 pt-3 pb-4">
      <header>
        <h1 className="text-lg font-semibold">Import YAML</h1>
        <p className="text-xs text-muted dark:text-muted-dark">Paste or upload objects separated by “---”. Each is applied like kubectl apply (server-side apply as “glasspane”): created when new, updated when it exists.</p>
      </header>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-xs">
        <span className="flex items-center gap-1.5">
          <label htmlFor={fileId}>Upload a file</label>
          <input id={fileId} type="file" accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json" onChange={(e) => void onFile(e)} className="text-xs file:mr-2 file:h-7 file:rounded-sm file:border file:border-line file:bg-panel file:px-2 dark:file:border-line-dark dark:file:bg-panel-dark dark:file:text-slate-100" />
        </span>
        <span className="flex items-center gap-1.5">
          <label htmlFor={nsId}>Namespace for objects without one</label>
          <select id={nsId} value={namespace} onChange={(e) => setNamespace(e.target.value)} className={FIELD}>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </span>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} className="accent-accent" />
          Dry run (check on the server, save nothing)
        </label>
        <label className="flex items-center gap-1.5" title="Take over fields another manager (e.g. kubectl) set, like kubectl apply --force-conflicts">
          <input type="checkbox" checked={force} onChange={(e) => setForce(e.target.checked)} className="accent-accent" />
          Override conflicts
        </label>
      </div>
      {fileError ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {fileError}
        </p>
      ) : null}
      <YamlEditor value={text} onChange={setText} label="YAML to import" single={false} nonce={nonce} minHeight="18rem" />
      {imp.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          Nothing was applied: {imp.error.message}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          disabled={!text.trim() || imp.busy || !imp.ready}
          onClick={() => void imp.run(text, { namespace, dryRun, force })}
          className="h-7 rounded-sm bg-accent px-3 text-xs font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 dark:bg-sky-600 dark:hover:bg-sky-500"
        >
          {imp.busy ? 'Applying…' : dryRun ? 'Check (dry run)' : 'Apply'}
        </button>
      </div>
      <ImportResults rows={imp.rows} dryRun={imp.lastRun?.dryRun ?? false} />
    </div>
  );
}

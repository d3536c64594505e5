'use client';

import { useId, useState } from 'react';
import { YamlEditor } from '@/components/editor/yaml-editor';
import type { SyncModel } from '@/components/forms/use-sync-model';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';
import type { KubeObject } from '@/lib/k8s/types';

/**
 * "View YAML": exactly the objects Create will send, as one multi-document text, editable —
 * what is typed there is what gets applied, and the form follows it while it parses. Closed,
 * it lists the objects; the editor's code loads only once it is opened.
 */
export function YamlPanel({ model, label, diagnostics }: { model: SyncModel; label: string; diagnostics: EditorDiagnostic[] }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const objects = model.state.values.filter((v): v is KubeObject => typeof v === 'object' && v !== null);
  return (
    <div className="min-w-0">
      <div className="flex items-center gap-2">
        <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} className="h-7 rounded-sm border border-line px-2.5 text-xs font-medium hover:bg-slate-100 dark:border-line-dark dark:hover:bg-white/10">
          <span aria-hidden="true" className="mr-1 inline-block w-2">
            {open ? '▾' : '▸'}
          </span>
          {open ? 'Hide YAML' : 'View YAML'}
        </button>
        {diagnostics.length && !open ? <span className="text-xs text-red-700 dark:text-red-300">The server marked problems in the YAML.</span> : null}
      </div>
      {!open ? (
        <p className="mt-1.5 text-xs text-muted dark:text-muted-dark">
          Will be applied: {objects.map((o) => `${o.kind ?? '?'} ${o.metadata?.name ?? ''}`.trim()).join(', ') || 'nothing yet'}. Open the YAML to see or change exactly what is sent.
        </p>
      ) : null}
      <div id={id} hidden={!open} className="mt-1.5">
        {open ? <YamlEditor value={model.state.text} onChange={model.setText} label={label} single={false} diagnostics={diagnostics} minHeight="22rem" /> : null}
      </div>
    </div>
  );
}

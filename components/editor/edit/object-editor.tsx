'use client';

import Link from 'next/link';
import { useMemo } from 'react';
import type { ServedResource } from '@/components/data/use-discovery';
import { deepEqual } from '@/lib/editor/changes';
import { draftKey } from '@/lib/editor/drafts';
import { cleanForExport } from '@/lib/editor/export';
import type { KubeObject } from '@/lib/k8s/types';
import { listHref, namespaceHref, objectHref } from '@/lib/resources/links';
import { objectPath } from '@/lib/resources/paths';
import { ConflictView } from '../conflict-view';
import { DraftBanner } from '../draft-banner';
import { useLeaveGuard } from '../use-leave-guard';
import { YamlEditor } from '../yaml-editor';
import { EditToolbar } from './edit-toolbar';
import { ReviewPanel } from './review-panel';
import { useEditSession, type Notice } from './use-edit-session';

/**
 * "Edit YAML" for any object: the editor (schema from the cluster's OpenAPI for the object's
 * group and version, CRDs included), then Review (server dry run + diff), Save (PUT with the
 * resourceVersion the edit started from), and the three-way view when someone else saved first.
 * Drafts are kept as you type; leaving with unsaved changes asks first.
 */
export interface ObjectEditorProps {
  served: ServedResource;
  /** The object as the server has it (live). */
  live: KubeObject;
  canWrite: boolean;
  nonce?: string;
}

const NOTICE: Record<Notice['tone'], string> = {
  error: 'border-red-300 border-l-red-600 bg-red-50 text-red-950 dark:border-red-900 dark:border-l-red-500 dark:bg-red-950/40 dark:text-red-100',
  info: 'border-sky-300 border-l-sky-600 bg-sky-50 text-sky-950 dark:border-sky-900 dark:border-l-sky-500 dark:bg-sky-950/40 dark:text-sky-100',
  success: 'border-emerald-300 border-l-emerald-600 bg-emerald-50 text-emerald-950 dark:border-emerald-900 dark:border-l-emerald-500 dark:bg-emerald-950/40 dark:text-emerald-100',
};

export function ObjectEditor({ served, live, canWrite, nonce }: ObjectEditorProps) {
  const d = served.descriptor;
  const ns = d.namespaced ? live.metadata.namespace : undefined;
  const name = live.metadata.name ?? '';
  const path = objectPath(d, served.version, ns, name);
  const key = draftKey({ group: d.group, kind: live.kind ?? d.kind, namespace: ns, name });
  const session = useEditSession({ object: live, path, draftKey: key });
  const gvk = useMemo(() => ({ group: d.group, version: served.version, kind: live.kind ?? d.kind }), [d.group, d.kind, served.version, live.kind]);
  useLeaveGuard(session.dirty && session.phase !== 'saved', 'Leave the editor? Your unsaved edit stays as a draft in this browser and comes back when you return.');

  const baseRv = session.baseline.object.metadata.resourceVersion;
  const liveRv = live.metadata.resourceVersion;
  // Only a change beyond what the server owns (status, resourceVersion, …) is worth a word.
  const base = session.baseline.object;
  const moved = useMemo(() => session.phase !== 'conflict' && session.dirty && liveRv !== baseRv && !deepEqual(cleanForExport(live), cleanForExport(base)), [session.phase, session.dirty, liveRv, baseRv, live, base]);
  const hidden = session.phase === 'review' || session.phase === 'saving' || session.phase === 'conflict';

  return (
    <div className="flex h-full min-h-0 flex-col gap-2 px-4 pt-3 pb-3">
      <header className="space-y-1">
        <nav aria-label="Breadcrumb" className="flex items-center gap-1.5 text-xs text-muted dark:text-muted-dark">
          <Link href={listHref(d, ns)} className="hover:underline">
            {d.labelPlural}
          </Link>
          {ns ? (
            <>
              <span aria-hidden="true">·</span>
              <Link href={namespaceHref(ns)} className="hover:underline">
                {ns}
              </Link>
            </>
          ) : null}
          <span aria-hidden="true">·</span>
          <Link href={objectHref(d, ns, name)} className="hover:underline">
            {name}
          </Link>
        </nav>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <h1 className="min-w-0 truncate text-lg font-semibold">
            Edit {d.label} {name}
          </h1>
          <span className="text-xs text-muted dark:text-muted-dark">
            version {baseRv}
            {session.dirty ? ' · unsaved changes' : ''}
          </span>
          <div className="ml-auto">
            <EditToolbar session={session} canWrite={canWrite} />
          </div>
        </div>
      </header>
      {!canWrite ? <p className="text-xs text-amber-800 dark:text-amber-300">You may read this object but not change it; the editor is read-only.</p> : null}
      {session.restored ? <DraftBanner savedAt={session.restored.savedAt} note={session.restored.note} onDiscard={session.discard} /> : null}
      {moved ? (
        <p role="status" className="text-xs text-amber-800 dark:text-amber-300">
          Someone changed this object on the server (version {liveRv}) since you started. You can keep editing; Review will let you merge.
        </p>
      ) : null}
      {session.notice ? (
        <div role={session.notice.tone === 'error' ? 'alert' : 'status'} className={`rounded-sm border border-l-4 px-3 py-1.5 text-xs ${NOTICE[session.notice.tone]}`}>
          {session.notice.text}{' '}
          {session.phase === 'saved' ? (
            <Link href={objectHref(d, ns, name)} className="font-medium underline">
              Back to {name}
            </Link>
          ) : null}
        </div>
      ) : null}
      {session.phase === 'conflict' && session.theirs ? (
        <ConflictView base={session.baseline.object} theirs={session.theirs} mineText={session.text} mine={session.mine} onRebase={session.rebase} onBack={session.backToEdit} />
      ) : null}
      {session.review && hidden && session.phase !== 'conflict' ? <ReviewPanel review={session.review} /> : null}
      <div className={hidden ? 'hidden' : 'flex min-h-0 flex-1 flex-col'}>
        <YamlEditor
          value={session.text}
          onChange={session.setText}
          label={`YAML of ${d.label} ${name}`}
          readOnly={!canWrite || session.phase === 'checking'}
          gvk={gvk}
          diagnostics={session.serverDiagnostics}
          nonce={nonce}
          minHeight="12rem"
          className="min-h-0 flex-1"
        />
      </div>
    </div>
  );
}

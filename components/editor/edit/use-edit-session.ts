'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { deepEqual, describeChange, objectChanges } from '@/lib/editor/changes';
import { dryRun, saveObject, type WriteOutcome } from '@/lib/editor/dry-run';
import { diffForSave, type DiffLine } from '@/lib/editor/diff';
import { clearDraft, loadDraft, saveDraft } from '@/lib/editor/drafts';
import { editableObject, editText, identityOf, prepareUpdate } from '@/lib/editor/edit-object';
import { cleanForExport } from '@/lib/editor/export';
import { rebase, type Side } from '@/lib/editor/merge3';
import { problemDiagnostics } from '@/lib/editor/server-errors';
import { parseYamlSafe } from '@/lib/editor/yaml-model';
import { locate } from '@/lib/editor/yaml-paths';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';
import { kubeGet } from '@/lib/k8s/client';
import type { KubeObject } from '@/lib/k8s/types';

/**
 * One object's edit, from opening to saved: the baseline (the server's object the edit started
 * from, and its resourceVersion), the text, a draft in the browser on every pause in typing, a
 * review (server dry run with Strict field validation + the diff of what will change), the save
 * (PUT with the baseline's resourceVersion) and, on 409, the three-way conflict and rebase.
 * Every failure leaves the text as typed.
 */
export type Phase = 'edit' | 'checking' | 'review' | 'saving' | 'conflict' | 'saved';

export interface Baseline {
  object: KubeObject;
  text: string;
}

export interface Review {
  text: string;
  body: KubeObject;
  lines: DiffLine[];
  changes: string[];
  warnings: string[];
}

export interface Notice {
  tone: 'error' | 'info' | 'success';
  text: string;
}

const DRAFT_DELAY_MS = 400;

function baselineOf(object: KubeObject): Baseline {
  return { object, text: editText(object) };
}

function forDraft(object: KubeObject): KubeObject {
  return editableObject(object, { status: false });
}

/**
 * The opening state: the server's object, or a draft kept in this browser. A draft made against
 * an older version brings its own baseline, so saving it meets the 409 and the three-way merge.
 * Runs in the browser only (the object arrives from the client's query).
 */
function opening(object: KubeObject, draftKey: string): { baseline: Baseline; text: string; restored?: { savedAt: number; note?: string } } {
  const server = baselineOf(object);
  const d = loadDraft(draftKey);
  if (!d || d.text === server.text) return { baseline: server, text: server.text };
  const live = object.metadata.resourceVersion;
  const moved = !!d.resourceVersion && d.resourceVersion !== live;
  const base = d.base as KubeObject | undefined;
  return {
    baseline: moved && base?.metadata ? baselineOf(base) : server,
    text: d.text,
    restored: { savedAt: d.savedAt, note: moved ? 'The object has changed on the server since; saving will let you merge.' : undefined },
  };
}

export function useEditSession(opts: { object: KubeObject; path: string; draftKey: string }) {
  const { path, draftKey } = opts;
  const [start] = useState(() => opening(opts.object, draftKey));
  const [baseline, setBaseline] = useState<Baseline>(start.baseline);
  const [text, setTextState] = useState(start.text);
  const [phase, setPhase] = useState<Phase>('edit');
  const [notice, setNotice] = useState<Notice>();
  const [serverDiagnostics, setServerDiagnostics] = useState<EditorDiagnostic[]>([]);
  const [review, setReview] = useState<Review>();
  const [theirs, setTheirs] = useState<KubeObject>();
  const [restored, setRestored] = useState(start.restored);
  const draftTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const dirty = text !== baseline.text;

  const writeDraft = useCallback(
    (next: string, base: Baseline) => {
      clearTimeout(draftTimer.current);
      draftTimer.current = setTimeout(() => {
        if (next === base.text) clearDraft(draftKey);
        else saveDraft(draftKey, { text: next, resourceVersion: base.object.metadata.resourceVersion, base: forDraft(base.object) });
      }, DRAFT_DELAY_MS);
    },
    [draftKey],
  );
  useEffect(() => () => clearTimeout(draftTimer.current), []);

  const setText = useCallback(
    (next: string) => {
      setTextState(next);
      setServerDiagnostics([]);
      setPhase((p) => (p === 'review' || p === 'saved' ? 'edit' : p));
      setNotice((n) => (n?.tone === 'success' ? undefined : n));
      writeDraft(next, baseline);
    },
    [baseline, writeDraft],
  );

  const fail = useCallback((outcome: Extract<WriteOutcome, { ok: false }>, forText: string) => {
    const parsed = parseYamlSafe(forText);
    setServerDiagnostics(problemDiagnostics(outcome.problems, parsed.ok ? parsed.doc : undefined, forText));
    setNotice({ tone: 'error', text: outcome.message });
    setPhase('edit');
  }, []);

  /** The server's object now, after a 409; undefined (with a notice) when it cannot be read. */
  const readTheirs = useCallback(async (): Promise<KubeObject | undefined> => {
    try {
      return await kubeGet<KubeObject>(path);
    } catch (e) {
      setNotice({ tone: 'error', text: `The object changed on the server, and its current version could not be read: ${e instanceof Error ? e.message : String(e)}` });
      setPhase('edit');
      return undefined;
    }
  }, [path]);

  /**
   * After a 409: when the server's object differs from the baseline only in fields the server
   * owns (status, resourceVersion, managedFields — a controller's status update), the edit moves
   * onto it without asking and the caller retries; otherwise the three-way view opens.
   */
  const afterConflict = useCallback(
    async (forText: string, base: Baseline, quiet: boolean): Promise<{ text: string; base: Baseline } | undefined> => {
      const now = await readTheirs();
      if (!now) return undefined;
      const parsed = parseYamlSafe(forText);
      if (quiet && parsed.ok && deepEqual(cleanForExport(base.object), cleanForExport(now))) {
        const r = rebase(parsed.doc, editableObject(base.object), editableObject(now));
        const next = baselineOf(now);
        setBaseline(next);
        setTextState(r.text);
        writeDraft(r.text, next);
        return { text: r.text, base: next };
      }
      setTheirs(now);
      setPhase('conflict');
      setNotice(undefined);
      return undefined;
    },
    [readTheirs, writeDraft],
  );

  /** Checks the text locally, then with a server dry run; on success shows what will change. */
  const startReview = useCallback(async () => {
    let forText = text;
    let base = baseline;
    for (let round = 0; round < 2; round++) {
      const parsed = parseYamlSafe(forText);
      if (!parsed.ok) {
        setNotice({ tone: 'error', text: `Fix the YAML first: ${parsed.error.message}` });
        return;
      }
      const prepared = prepareUpdate(parsed.value, identityOf(base.object), base.object.metadata.resourceVersion);
      if (!prepared.ok) {
        const at = locate(parsed.doc, prepared.path, 'value');
        setServerDiagnostics([{ from: at.from, to: at.to, severity: 'error', message: prepared.message, source: 'server' }]);
        setNotice({ tone: 'error', text: prepared.message });
        return;
      }
      setPhase('checking');
      setNotice(undefined);
      const outcome = await dryRun({ mode: 'update', path }, prepared.object);
      if (outcome.ok) {
        const lines = diffForSave(base.object, prepared.object);
        const changes = objectChanges(editableObject(base.object), editableObject(prepared.object)).map(describeChange);
        setReview({ text: forText, body: prepared.object, lines, changes, warnings: outcome.warnings });
        setPhase('review');
        return;
      }
      if (!outcome.conflict) return fail(outcome, forText);
      // One quiet retry at most; a second 409 always shows the three-way view.
      const moved = await afterConflict(forText, base, round === 0);
      if (!moved) return;
      ({ text: forText, base } = moved);
    }
  }, [text, baseline, path, afterConflict, fail]);

  const save = useCallback(async () => {
    if (!review || review.text !== text) return;
    setPhase('saving');
    let body = review.body;
    let forText = review.text;
    let base = baseline;
    for (let round = 0; round < 2; round++) {
      const outcome = await saveObject({ mode: 'update', path }, body);
      if (outcome.ok) {
        clearTimeout(draftTimer.current);
        clearDraft(draftKey);
        const next = baselineOf(outcome.object);
        setBaseline(next);
        setTextState(next.text);
        setReview(undefined);
        setRestored(undefined);
        setPhase('saved');
        setNotice({ tone: 'success', text: `Saved. The server now has version ${outcome.object.metadata.resourceVersion}.${outcome.warnings.length ? ` Warnings: ${outcome.warnings.join('; ')}` : ''}` });
        return;
      }
      if (!outcome.conflict) return fail(outcome, forText);
      // One quiet retry at most; a second 409 always shows the three-way view.
      const moved = await afterConflict(forText, base, round === 0);
      if (!moved) return;
      ({ text: forText, base } = moved);
      body = { ...body, metadata: { ...body.metadata, resourceVersion: base.object.metadata.resourceVersion } };
    }
  }, [review, text, baseline, path, draftKey, afterConflict, fail]);

  const doRebase = useCallback(
    (choices: Record<string, Side>) => {
      if (!theirs) return;
      const parsed = parseYamlSafe(text);
      if (!parsed.ok) return;
      const r = rebase(parsed.doc, editableObject(baseline.object), editableObject(theirs), choices);
      const next = baselineOf(theirs);
      setBaseline(next);
      setTextState(r.text);
      writeDraft(r.text, next);
      setTheirs(undefined);
      setPhase('edit');
      setNotice({ tone: 'info', text: `Your edit now sits on the server’s version ${theirs.metadata.resourceVersion}. Review and save it.` });
    },
    [theirs, text, baseline, writeDraft],
  );

  const discard = useCallback(() => {
    clearTimeout(draftTimer.current);
    clearDraft(draftKey);
    setTextState(baseline.text);
    setServerDiagnostics([]);
    setRestored(undefined);
    setReview(undefined);
    setPhase('edit');
    setNotice(undefined);
  }, [baseline, draftKey]);

  const mine = useMemo(() => {
    if (phase !== 'conflict') return undefined;
    const p = parseYamlSafe(text);
    return p.ok ? p.value : undefined;
  }, [phase, text]);

  return {
    baseline, text, setText, dirty, phase, notice, serverDiagnostics, review, theirs, mine, restored,
    startReview, save, rebase: doRebase, discard,
    backToEdit: () => setPhase('edit'),
    dismissRestored: () => setRestored(undefined),
  };
}

export type EditSession = ReturnType<typeof useEditSession>;

/**
 * Unsaved edits kept in the browser (localStorage), one per object, so a reload, an ended
 * session or a crash gives the text back. Key: the cluster (optional), group, kind, namespace and
 * name of the object — or `new:<kind>:<namespace>` for an object being created. A draft holds
 * the text, the resourceVersion and object the edit started from (so a save after a reload can
 * still merge three ways) and when it was written. Drafts older than MAX_AGE_MS are dropped when read; texts larger than
 * MAX_DRAFT_CHARS are not kept (the browser's quota is a few MiB for the whole console).
 */
export interface Draft {
  text: string;
  resourceVersion?: string;
  /** The object the edit started from (without managedFields), for a three-way merge after a reload. */
  base?: unknown;
  /** Epoch milliseconds. */
  savedAt: number;
}

export interface DraftTarget {
  cluster?: string;
  group: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** The part of Storage drafts need (localStorage in the browser, a Map-backed fake in tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly length?: number; key?(index: number): string | null };

const PREFIX = 'glasspane.draft:';
export const MAX_AGE_MS = 7 * 24 * 3600_000;
export const MAX_DRAFT_CHARS = 1_600_000;

export function draftKey(t: DraftTarget): string {
  return `${PREFIX}${[t.cluster ?? '', t.group, t.kind, t.namespace ?? '', t.name].map(encodeURIComponent).join('/')}`;
}

export function newDraftKey(kind: string, namespace?: string, cluster?: string): string {
  return `${PREFIX}${cluster ? `${encodeURIComponent(cluster)}/` : ''}new:${encodeURIComponent(kind)}:${encodeURIComponent(namespace ?? '')}`;
}

function defaultStorage(): DraftStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(key: string, storage = defaultStorage(), now = Date.now()): Draft | undefined {
  if (!storage) return undefined;
  try {
    const raw = storage.getItem(key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (typeof d.text !== 'string' || typeof d.savedAt !== 'number' || now - d.savedAt > MAX_AGE_MS) {
      storage.removeItem(key);
      return undefined;
    }
    return {
      text: d.text,
      savedAt: d.savedAt,
      ...(typeof d.resourceVersion === 'string' ? { resourceVersion: d.resourceVersion } : {}),
      ...(d.base && typeof d.base === 'object' ? { base: d.base } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Writes the draft; false when it is too large or the browser refuses (quota, private mode). */
export function saveDraft(key: string, draft: Omit<Draft, 'savedAt'> & { savedAt?: number }, storage = defaultStorage()): boolean {
  if (!storage || draft.text.length > MAX_DRAFT_CHARS) return false;
  try {
    const json = JSON.stringify({ ...draft, savedAt: draft.savedAt ?? Date.now() });
    storage.setItem(key, json.length > 2 * MAX_DRAFT_CHARS ? JSON.stringify({ ...draft, base: undefined, savedAt: draft.savedAt ?? Date.now() }) : json);
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(key: string, storage = defaultStorage()): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

/** "14:02" today, "3 Mar, 14:02" on another day. */
export function draftTime(savedAt: number, now = Date.now()): string {
  const d = new Date(savedAt);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return new Date(now).toDateString() === d.toDateString() ? time : `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time}`;
}

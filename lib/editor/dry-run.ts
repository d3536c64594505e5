import { kubeFetch } from '../k8s/client';
import { KubeError } from '../k8s/status';
import type { KubeObject } from '../k8s/types';
import { statusProblems, type ServerProblem } from './server-errors';

/**
 * Server-side dry runs and saves of one object. Create is a POST to the collection, update a
 * PUT to the object carrying the resourceVersion the edit started from (optimistic
 * concurrency: a stale version is a 409). Both send `fieldValidation=Strict`, so unknown and
 * duplicate fields are refused rather than silently dropped. Never a strategic-merge patch.
 * Failures come back as values (not exceptions) with field-level problems for the editor.
 */
export type WriteMode = 'create' | 'update';

export interface WriteTarget {
  mode: WriteMode;
  /** create: the collection path; update: the object path (both without query). */
  path: string;
}

export type WriteOutcome =
  | { ok: true; object: KubeObject; warnings: string[] }
  | { ok: false; error: KubeError; problems: ServerProblem[]; conflict: boolean; message: string };

function query(dryRun: boolean): string {
  return dryRun ? '?dryRun=All&fieldValidation=Strict' : '?fieldValidation=Strict';
}

async function write(target: WriteTarget, obj: KubeObject, dryRun: boolean, signal?: AbortSignal): Promise<WriteOutcome> {
  try {
    const { data, warnings } = await kubeFetch<KubeObject>(`${target.path}${query(dryRun)}`, { method: target.mode === 'create' ? 'POST' : 'PUT', body: obj, signal });
    return { ok: true, object: data, warnings };
  } catch (e) {
    if (!(e instanceof KubeError)) throw e;
    return { ok: false, error: e, problems: statusProblems(e.status), conflict: e.code === 409 && target.mode === 'update', message: plainMessage(e) };
  }
}

/** Runs admission, validation and defaulting on the server without persisting anything. */
export function dryRun(target: WriteTarget, obj: KubeObject, signal?: AbortSignal): Promise<WriteOutcome> {
  return write(target, obj, true, signal);
}

/** Creates or replaces the object for real. */
export function saveObject(target: WriteTarget, obj: KubeObject, signal?: AbortSignal): Promise<WriteOutcome> {
  return write(target, obj, false, signal);
}

/** An API error in plain words for the line next to the editor. */
export function plainMessage(e: KubeError): string {
  switch (e.code) {
    case 401:
      return 'Your session has ended. Sign in again; your edit is kept as a draft.';
    case 403:
      return `You may not make this change: ${e.message}`;
    case 404:
      return 'The object no longer exists on the server (it may have been deleted). Your edit is kept as a draft.';
    case 409:
      return e.reason === 'AlreadyExists'
        ? `An object with this name already exists: ${e.message}`
        : 'Someone changed the object on the server since you started editing.';
    case 413:
      return 'The object is too large for the server.';
    case 422:
      return `The server refused the object: ${e.message}`;
    case 400:
      return `The server could not accept the object: ${e.message}`;
    case 503:
      return 'The supervisor cannot be reached right now. Your edit is kept as a draft; try again shortly.';
    default:
      return e.message || `The request failed (${e.code}).`;
  }
}

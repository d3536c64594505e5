'use client';

import { useState } from 'react';
import { kubeFetch } from '@/lib/k8s/client';
import type { KubeError } from '@/lib/k8s/status';

/**
 * Sends one JSON merge patch (custom resources understand no strategic merge) and keeps the
 * API's error, whole, for the dialog to show.
 */
export const MERGE_PATCH = 'application/merge-patch+json';

export function usePatch(): { send(path: string, patch: unknown): Promise<boolean>; busy: boolean; error: KubeError | undefined; clear(): void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<KubeError | undefined>();
  const send = async (path: string, patch: unknown) => {
    setBusy(true);
    setError(undefined);
    try {
      await kubeFetch(path, { method: 'PATCH', body: patch, contentType: MERGE_PATCH });
      return true;
    } catch (e) {
      setError(e as KubeError);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { send, busy, error, clear: () => setError(undefined) };
}

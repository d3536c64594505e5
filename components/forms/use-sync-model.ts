'use client';

import { useCallback, useMemo, useState } from 'react';
import { addDocument, applyFieldValue, applyFormValue, applyText, removeDocument, syncFromText, syncFromValues, type SyncState } from '@/lib/forms/sync-model';
import type { ValuePath } from '@/lib/forms/value-diff';

/**
 * React state over lib/forms/sync-model: one model, two views. The setters are stable, so
 * forms and the YAML editor can be memoised.
 */
export interface SyncModel {
  state: SyncState;
  setText(text: string): void;
  setValue(index: number, value: unknown): void;
  setField(index: number, path: ValuePath, value: unknown): void;
  addDoc(value: unknown): void;
  removeDoc(index: number): void;
  /** Replaces everything (e.g. starting over with other objects). */
  reset(values: unknown[]): void;
}

export function useSyncModel(initial: () => unknown[] | string): SyncModel {
  const [state, setState] = useState<SyncState>(() => {
    const start = initial();
    return typeof start === 'string' ? syncFromText(start) : syncFromValues(start);
  });
  const setText = useCallback((text: string) => setState((s) => applyText(s, text)), []);
  const setValue = useCallback((index: number, value: unknown) => setState((s) => applyFormValue(s, index, value)), []);
  const setField = useCallback((index: number, path: ValuePath, value: unknown) => setState((s) => applyFieldValue(s, index, path, value)), []);
  const addDoc = useCallback((value: unknown) => setState((s) => addDocument(s, value)), []);
  const removeDoc = useCallback((index: number) => setState((s) => removeDocument(s, index)), []);
  const reset = useCallback((values: unknown[]) => setState(syncFromValues(values)), []);
  return useMemo(() => ({ state, setText, setValue, setField, addDoc, removeDoc, reset }), [state, setText, setValue, setField, addDoc, removeDoc, reset]);
}

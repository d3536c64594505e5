'use client';

import { useCallback, useState } from 'react';
import type { EditorDiagnostic } from '@/lib/editor/yaml-schema';

/**
 * A dry run's or create's problems as editor diagnostics, kept with the text they were found
 * in: once the text changes they are no longer shown (their positions would be wrong).
 */
export function useServerDiagnostics(text: string): [EditorDiagnostic[], (d: EditorDiagnostic[], forText: string) => void] {
  const [found, setFound] = useState<{ items: EditorDiagnostic[]; text: string }>({ items: [], text: '' });
  const set = useCallback((items: EditorDiagnostic[], forText: string) => setFound({ items, text: forText }), []);
  return [found.text === text ? found.items : [], set];
}

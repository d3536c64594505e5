'use client';

import { useCallback, useMemo, useState } from 'react';
import { useDiscovery } from '@/components/data/use-discovery';
import { applyItem, planImport, type ApplyResult, type ImportItem, type ResolveKind } from '@/lib/editor/import';
import type { YamlError } from '@/lib/editor/yaml-model';

/**
 * Import's state: the plan of the pasted text (one item per object) and each object's result as
 * it is applied, one after another in document order (a Namespace before what goes in it).
 */
export interface ImportRow {
  item: ImportItem;
  result?: ApplyResult;
  running?: boolean;
}

export function useResolveKind(): ResolveKind | undefined {
  const { data } = useDiscovery();
  return useMemo(() => {
    if (!data) return undefined;
    const byKind = new Map(data.resources.map((r) => [`${r.discovered.group}/${r.discovered.kind}`, { resource: r.discovered.resource, namespaced: r.discovered.namespaced }]));
    return (group: string, kind: string) => byKind.get(`${group}/${kind}`);
  }, [data]);
}

export function useImport() {
  const resolve = useResolveKind();
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [error, setError] = useState<YamlError>();
  const [busy, setBusy] = useState(false);
  const [lastRun, setLastRun] = useState<{ dryRun: boolean }>();

  const run = useCallback(
    async (text: string, opts: { namespace: string; dryRun: boolean; force: boolean }) => {
      if (!resolve) return;
      const plan = planImport(text, opts.namespace, resolve);
      if (!plan.ok) {
        setError(plan.error);
        setRows([]);
        return;
      }
      setError(undefined);
      setBusy(true);
      setLastRun({ dryRun: opts.dryRun });
      const current: ImportRow[] = plan.items.map((item) => ({ item }));
      setRows([...current]);
      for (let i = 0; i < current.length; i++) {
        current[i] = { ...current[i]!, running: true };
        setRows([...current]);
        let result: ApplyResult;
        try {
          result = await applyItem(current[i]!.item, opts);
        } catch (e) {
          result = { outcome: 'error', message: e instanceof Error ? e.message : String(e) };
        }
        current[i] = { item: current[i]!.item, result };
        setRows([...current]);
      }
      setBusy(false);
    },
    [resolve],
  );

  return { rows, error, busy, ready: !!resolve, run, lastRun };
}

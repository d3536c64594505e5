'use client';

import { useCallback, useRef, useState } from 'react';
import { useDiscovery } from '@/components/data/use-discovery';
import { dryRun, saveObject } from '@/lib/editor/dry-run';
import type { ServerProblem } from '@/lib/editor/server-errors';
import { planCreate, type PlannedObject } from '@/lib/forms/create-plan';
import type { KubeObject } from '@/lib/k8s/types';
import { collectionPath } from '@/lib/resources/paths';

/**
 * Sends a create screen's objects: first a server-side dry run of every one (admission,
 * validation and defaulting, nothing stored), and only when all pass, the real creates in
 * dependency order. A failure stops there and says which object failed and why, with the
 * server's field problems for the editor; objects already created are listed.
 */
export type ItemPhase = 'pending' | 'checked' | 'created' | 'failed' | 'skipped';

export interface ItemResult {
  item: PlannedObject;
  phase: ItemPhase;
  message?: string;
  problems?: ServerProblem[];
  created?: KubeObject;
  warnings?: string[];
}

export type RunPhase = 'idle' | 'checking' | 'checked' | 'creating' | 'created' | 'failed';

export interface CreateRun {
  phase: RunPhase;
  results: ItemResult[];
  /** Problems found before anything was sent (no kind, no name…). */
  planProblems: string[];
}

const IDLE: CreateRun = { phase: 'idle', results: [], planProblems: [] };

export function useCreateObjects() {
  const discovery = useDiscovery();
  const [run, setRun] = useState<CreateRun>(IDLE);
  const busy = useRef(false);

  const resolve = useCallback(
    (group: string, _version: string, kind: string) => {
      const r = discovery.data?.resources.find((x) => x.descriptor.group === group && x.discovered.kind === kind);
      return r ? { resource: r.descriptor.resource, namespaced: r.descriptor.namespaced } : undefined;
    },
    [discovery.data],
  );

  const execute = useCallback(
    async (values: readonly unknown[], namespace: string | undefined, create: boolean): Promise<CreateRun> => {
      if (busy.current) return IDLE;
      busy.current = true;
      try {
        const plan = planCreate(values, namespace, resolve);
        if (plan.problems.length) {
          const out: CreateRun = { phase: 'failed', results: [], planProblems: plan.problems };
          setRun(out);
          return out;
        }
        const results: ItemResult[] = plan.items.map((item) => ({ item, phase: 'pending' }));
        const target = (i: PlannedObject) => ({ mode: 'create' as const, path: collectionPath({ group: i.group, resource: i.resource, namespaced: i.namespaced }, i.version, i.namespace) });
        const publish = (phase: RunPhase) => {
          const out = { phase, results: results.map((r) => ({ ...r })), planProblems: [] };
          setRun(out);
          return out;
        };
        publish('checking');
        for (const r of results) {
          if (!r.item.dryRunnable) {
            r.phase = 'skipped';
            r.message = 'Checked when its namespace exists.';
            continue;
          }
          const outcome = await dryRun(target(r.item), r.item.obj);
          if (!outcome.ok) {
            r.phase = 'failed';
            r.message = outcome.message;
            r.problems = outcome.problems;
            return publish('failed');
          }
          r.phase = 'checked';
          r.warnings = outcome.warnings;
        }
        if (!create) return publish('checked');
        publish('creating');
        for (const r of results) {
          const outcome = await saveObject(target(r.item), r.item.obj);
          if (!outcome.ok) {
            r.phase = 'failed';
            r.message = outcome.message;
            r.problems = outcome.problems;
            return publish('failed');
          }
          r.phase = 'created';
          r.created = outcome.object;
          r.warnings = outcome.warnings;
        }
        return publish('created');
      } finally {
        busy.current = false;
      }
    },
    [resolve],
  );

  const check = useCallback((values: readonly unknown[], namespace: string | undefined) => execute(values, namespace, false), [execute]);
  const create = useCallback((values: readonly unknown[], namespace: string | undefined) => execute(values, namespace, true), [execute]);
  const reset = useCallback(() => setRun(IDLE), []);
  return { run, check, create, reset, ready: !!discovery.data };
}

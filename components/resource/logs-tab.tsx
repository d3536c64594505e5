'use client';

import { useDeferredValue, useMemo, useState } from 'react';
import { useCan } from '@/components/data/use-access';
import type { ServedResource } from '@/components/data/use-discovery';
import type { KubeObject } from '@/lib/k8s/types';
import { logPath, matchingLines } from '@/lib/resources/log-lines';
import { objectPath } from '@/lib/resources/paths';
import { podContainers } from '@/lib/resources/pod-containers';
import { LogView } from './log-view';
import { ApiErrorText, Loading, NoAccess } from './states';
import { useLogStream, type LogState } from './use-log-stream';

/**
 * A pod's logs: container picker, follow (a live stream), how many lines back, the previous
 * instance, timestamps, and a search box that highlights matches or keeps only matching lines.
 */
const TAILS: { label: string; value: number | undefined }[] = [
  { label: 'Last 100 lines', value: 100 },
  { label: 'Last 500 lines', value: 500 },
  { label: 'Last 2,000 lines', value: 2000 },
  { label: 'All lines', value: undefined },
];

const STATE_TEXT: Record<LogState, string> = { connecting: 'Connecting…', streaming: 'Streaming', ended: 'End of log', paused: 'Paused while the page is hidden', error: 'Failed' };

function defaultContainer(pod: KubeObject): string {
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const all = podContainers(pod);
  if (annotated && all.some((c) => c.name === annotated)) return annotated;
  return all.find((c) => !c.init)?.name ?? all[0]?.name ?? '';
}

export function LogsTab({ served, pod }: { served: ServedResource; pod: KubeObject }) {
  const ns = pod.metadata.namespace ?? '';
  const may = useCan('get', '', 'pods/log', ns);
  const containers = podContainers(pod);
  const [container, setContainer] = useState(() => defaultContainer(pod));
  const [follow, setFollow] = useState(true);
  const [previous, setPrevious] = useState(false);
  const [timestamps, setTimestamps] = useState(false);
  const [tail, setTail] = useState<number | undefined>(500);
  const [query, setQuery] = useState('');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const deferredQuery = useDeferredValue(query);
  const path = may && container ? logPath(objectPath(served.descriptor, served.version, ns, pod.metadata.name ?? ''), { container, follow: follow && !previous, previous, timestamps, tailLines: tail }) : undefined;
  const { lines, state, error } = useLogStream(path, follow && !previous);
  const matches = useMemo(() => (deferredQuery ? matchingLines(lines, deferredQuery) : undefined), [lines, deferredQuery]);

  if (may === undefined) return <Loading label="Checking access…" />;
  if (!may) return <NoAccess what="this pod’s logs" />;
  const control = 'h-7 rounded-sm border border-line bg-panel px-1.5 dark:border-line-dark dark:bg-panel-dark';
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
        <label className="flex items-center gap-1.5">
          Container
          <select value={container} onChange={(e) => setContainer(e.target.value)} className={control}>
            {containers.map((c) => (
              <option key={`${c.init}-${c.name}`} value={c.name}>
                {c.init ? `${c.name} (init)` : c.name}
              </option>
            ))}
          </select>
        </label>
        <select aria-label="Lines" value={tail === undefined ? 'all' : String(tail)} onChange={(e) => setTail(e.target.value === 'all' ? undefined : Number(e.target.value))} className={control}>
          {TAILS.map((t) => (
            <option key={t.label} value={t.value === undefined ? 'all' : String(t.value)}>
              {t.label}
            </option>
          ))}
        </select>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={follow} disabled={previous} onChange={(e) => setFollow(e.target.checked)} className="accent-accent" />
          Follow
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={previous} onChange={(e) => setPrevious(e.target.checked)} className="accent-accent" />
          Previous instance
        </label>
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} className="accent-accent" />
          Timestamps
        </label>
        <input type="search" aria-label="Search the log" placeholder="Search…" value={query} onChange={(e) => setQuery(e.target.value)} className={`${control} w-48 px-2`} />
        <label className="flex items-center gap-1.5">
          <input type="checkbox" checked={onlyMatches} onChange={(e) => setOnlyMatches(e.target.checked)} className="accent-accent" />
          Only matching lines
        </label>
        <span role="status" className="ml-auto text-xs text-muted tabular-nums dark:text-muted-dark">
          {matches ? `${matches.length} matching · ` : ''}
          {`${lines.length} lines · ${STATE_TEXT[state]}`}
        </span>
      </div>
      {error ? (
        <div role="alert" className="mx-4 mb-2 rounded-sm border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950 dark:border-amber-900 dark:bg-amber-950/30 dark:text-amber-100">
          <ApiErrorText error={error} />
        </div>
      ) : null}
      <LogView lines={lines} indexes={onlyMatches ? matches : undefined} query={deferredQuery} label={`Log of container ${container}`} />
    </div>
  );
}

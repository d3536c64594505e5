'use client';

import { memo } from 'react';
import { useKubeList } from '@/components/data/use-kube-list';

/**
 * Keeps the tree's lists live: one `useKubeList` per path (list, then watch on the tab's one
 * stream). Renders nothing; the tree reads the same cache entries through `useQueries`.
 */
function Watcher({ path }: { path: string }) {
  useKubeList(path);
  return null;
}

export const ListWatchers = memo(function ListWatchers({ paths }: { paths: readonly string[] }) {
  return (
    <>
      {paths.map((p) => (
        <Watcher key={p} path={p} />
      ))}
    </>
  );
});

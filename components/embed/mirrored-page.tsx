'use client';

import Link from 'next/link';
import { Suspense } from 'react';
import { ObjectPage } from '@/components/resource/object-page';
import { ResourceList } from '@/components/resource/resource-list';
import { Empty } from '@/components/resource/states';
import { EMBED_VIEWS, type WorkLocation } from '@/lib/embed/routes';
import type { ConsoleLocation } from '@/lib/resources/links';
import { useEmbed } from './embed-runtime';
import { WorkPage } from './work-page';

/**
 * A console page shown embedded (/embed + the console path): the same object page or list,
 * under a thin bar that leads to the inventory (when the frame came from there; never through
 * history.back(), which a frame shares with its host page) and out to the full console.
 */
function EmbedBar({ consoleHref }: { consoleHref: string }) {
  const { state } = useEmbed();
  return (
    <nav aria-label="Embedded view" className="flex items-center justify-between gap-2 border-b border-line px-3 py-1 text-xs dark:border-line-dark">
      {state.followed > 0 || state.navigationData ? (
        <Link href={EMBED_VIEWS.inventory} className="text-accent hover:underline dark:text-accent-dark">
          ← Inventory
        </Link>
      ) : (
        <span />
      )}
      <a href={consoleHref} target="_blank" rel="noopener" className="text-accent hover:underline dark:text-accent-dark">
        Open in Glasspane ↗
      </a>
    </nav>
  );
}

export interface MirroredPageProps {
  location: ConsoleLocation;
  /** Set for the editing pages (YAML editor, import, create), which `location` does not describe. */
  work?: WorkLocation;
  consoleHref: string;
  kind?: string;
  nonce?: string;
}

export function MirroredPage({ location, work, consoleHref, kind, nonce }: MirroredPageProps) {
  if (work) {
    return (
      <>
        <EmbedBar consoleHref={consoleHref} />
        <WorkPage location={work} kind={kind} nonce={nonce} />
      </>
    );
  }
  let page;
  switch (location.page) {
    case 'host':
      page = <ObjectPage key={location.node} descriptorId="nodes" name={location.node} />;
      break;
    case 'namespace':
      page = <ObjectPage key={location.namespace} descriptorId="namespaces" name={location.namespace} />;
      break;
    case 'object':
      page = <ObjectPage key={`${location.namespace ?? ''}/${location.descriptorId}/${location.name}`} descriptorId={location.descriptorId} namespace={location.namespace} name={location.name} />;
      break;
    case 'list':
      page = <ResourceList key={`${location.namespace ?? ''}/${location.descriptorId}`} descriptorId={location.descriptorId} namespace={location.namespace} />;
      break;
    case 'hosts':
      page = <ResourceList descriptorId="nodes" />;
      break;
    default:
      page = <Empty>There is no embedded view here.</Empty>;
  }
  return (
    <>
      <EmbedBar consoleHref={consoleHref} />
      <Suspense>{page}</Suspense>
    </>
  );
}

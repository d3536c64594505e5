import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ContextObjectView } from '@/components/embed/context-object-view';

export const metadata: Metadata = { title: 'Selected object' };

/** The host's selected object: its page (`?tab=`), or a summary card (`?card=1`). */
export default function EmbeddedObjectPage() {
  return (
    <Suspense>
      <ContextObjectView />
    </Suspense>
  );
}

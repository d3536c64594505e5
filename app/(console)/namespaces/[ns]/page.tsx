import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ObjectPage } from '@/components/resource/object-page';
import { param } from '@/components/resource/route-params';

type Params = Promise<{ ns: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Namespace ${param((await params).ns)}` };
}

/** A namespace's summary: quota use, what it holds, its events. */
export default async function NamespacePage({ params }: { params: Params }) {
  const ns = param((await params).ns);
  return (
    <Suspense>
      <ObjectPage key={ns} descriptorId="namespaces" name={ns} />
    </Suspense>
  );
}

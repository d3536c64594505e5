import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ObjectPage } from '@/components/resource/object-page';
import { param } from '@/components/resource/route-params';

type Params = Promise<{ node: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: param((await params).node) };
}

/** A host: capacity against allocation, its VMs and pods, conditions and events. */
export default async function HostPage({ params }: { params: Params }) {
  const node = param((await params).node);
  return (
    <Suspense>
      <ObjectPage key={node} descriptorId="nodes" name={node} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { ObjectEditPage } from '@/components/editor/edit/object-edit-page';
import { param } from '@/components/resource/route-params';

type Params = Promise<{ id: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Edit ${param((await params).name)}` };
}

/** A cluster-scoped object's YAML editor (hosts and namespaces included). */
export default async function ClusterObjectEditPage({ params }: { params: Params }) {
  const p = await params;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <Suspense>
      <ObjectEditPage key={`${p.id}/${p.name}`} descriptorId={param(p.id)} name={param(p.name)} nonce={nonce} />
    </Suspense>
  );
}

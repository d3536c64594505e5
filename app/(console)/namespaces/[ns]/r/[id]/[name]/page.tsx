import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ObjectPage } from '@/components/resource/object-page';
import { param } from '@/components/resource/route-params';

type Params = Promise<{ ns: string; id: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: param((await params).name) };
}

/** A namespaced object's page. */
export default async function NamespacedObjectPage({ params }: { params: Params }) {
  const p = await params;
  const ns = param(p.ns);
  const id = param(p.id);
  const name = param(p.name);
  return (
    <Suspense>
      <ObjectPage key={`${ns}/${id}/${name}`} descriptorId={id} namespace={ns} name={name} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { Suspense } from 'react';
import { ObjectEditPage } from '@/components/editor/edit/object-edit-page';
import { param } from '@/components/resource/route-params';

type Params = Promise<{ ns: string; id: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Edit ${param((await params).name)}` };
}

/** A namespaced object's YAML editor; the CSP nonce is passed to CodeMirror's styles. */
export default async function NamespacedObjectEditPage({ params }: { params: Params }) {
  const p = await params;
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <Suspense>
      <ObjectEditPage key={`${p.ns}/${p.id}/${p.name}`} descriptorId={param(p.id)} namespace={param(p.ns)} name={param(p.name)} nonce={nonce} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { ObjectPage } from '@/components/resource/object-page';
import { param } from '@/components/resource/route-params';
import { hostHref, namespaceHref } from '@/lib/resources/links';

type Params = Promise<{ id: string; name: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: param((await params).name) };
}

/** A cluster-scoped object's page; hosts and namespaces have their own addresses. */
export default async function ClusterObjectPage({ params, searchParams }: { params: Params; searchParams: Promise<{ tab?: string }> }) {
  const p = await params;
  const id = param(p.id);
  const name = param(p.name);
  const tab = (await searchParams).tab;
  const suffix = tab ? `?tab=${encodeURIComponent(tab)}` : '';
  if (id === 'nodes') redirect(`${hostHref(name)}${suffix}`);
  if (id === 'namespaces') redirect(`${namespaceHref(name)}${suffix}`);
  return (
    <Suspense>
      <ObjectPage key={`${id}/${name}`} descriptorId={id} name={name} />
    </Suspense>
  );
}

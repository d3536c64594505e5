import type { Metadata } from 'next';
import { GenericCreatePage } from '@/components/forms/generic-create';
import { param } from '@/components/resource/route-params';
import { descriptorById } from '@/lib/resources/registry';

type Params = Promise<{ ns: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const id = param(p.id);
  return { title: `New ${descriptorById(id)?.label ?? id} in ${param(p.ns)}` };
}

/** The generic create page of a namespaced kind in a namespace. */
export default async function NamespaceCreateKindPage({ params }: { params: Params }) {
  const p = await params;
  const ns = param(p.ns);
  const id = param(p.id);
  return <GenericCreatePage key={`${ns}/${id}`} descriptorId={id} namespace={ns} />;
}

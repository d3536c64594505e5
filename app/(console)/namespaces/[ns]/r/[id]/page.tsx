import type { Metadata } from 'next';
import { ResourceList } from '@/components/resource/resource-list';
import { param } from '@/components/resource/route-params';
import { descriptorById } from '@/lib/resources/registry';

type Params = Promise<{ ns: string; id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  const id = param(p.id);
  return { title: `${descriptorById(id)?.labelPlural ?? id} in ${param(p.ns)}` };
}

/** A kind's list in one namespace. */
export default async function NamespacedListPage({ params }: { params: Params }) {
  const p = await params;
  const id = param(p.id);
  const ns = param(p.ns);
  return <ResourceList key={`${ns}/${id}`} descriptorId={id} namespace={ns} />;
}

import type { Metadata } from 'next';
import { GenericCreatePage } from '@/components/forms/generic-create';
import { param } from '@/components/resource/route-params';
import { descriptorById } from '@/lib/resources/registry';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = param((await params).id);
  return { title: `New ${descriptorById(id)?.label ?? id}` };
}

/** The generic create page of any kind (cluster-scoped, or namespaced with the namespace chosen in the form). */
export default async function CreateKindPage({ params }: { params: Params }) {
  const id = param((await params).id);
  return <GenericCreatePage key={id} descriptorId={id} />;
}

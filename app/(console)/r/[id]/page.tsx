import type { Metadata } from 'next';
import { ResourceList } from '@/components/resource/resource-list';
import { param } from '@/components/resource/route-params';
import { descriptorById } from '@/lib/resources/registry';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const id = param((await params).id);
  return { title: descriptorById(id)?.labelPlural ?? id };
}

/** A kind's list across all namespaces (or a cluster-scoped kind's list). */
export default async function KindListPage({ params }: { params: Params }) {
  const id = param((await params).id);
  return <ResourceList key={id} descriptorId={id} />;
}

import type { Metadata } from 'next';
import { param } from '@/components/resource/route-params';
import { CreateChooser } from '@/components/wizards/create-chooser';

type Params = Promise<{ ns: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Create in ${param((await params).ns)}` };
}

/** What to create in a namespace. */
export default async function NamespaceCreatePage({ params }: { params: Params }) {
  const ns = param((await params).ns);
  return <CreateChooser key={ns} namespace={ns} />;
}

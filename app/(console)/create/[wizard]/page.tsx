import type { Metadata } from 'next';
import { param } from '@/components/resource/route-params';
import { WizardRoute } from '@/components/wizards/wizard-route';

type Params = Promise<{ wizard: string }>;
type Search = Promise<{ kind?: string | string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `New ${param((await params).wizard)}` };
}

/** A create wizard; the namespace is chosen in it. */
export default async function WizardPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const wizard = param((await params).wizard);
  const kind = (await searchParams).kind;
  return <WizardRoute key={wizard} wizard={wizard} kind={typeof kind === 'string' ? kind : undefined} />;
}

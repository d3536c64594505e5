import type { Metadata } from 'next';
import { param } from '@/components/resource/route-params';
import { WizardRoute } from '@/components/wizards/wizard-route';

type Params = Promise<{ ns: string; wizard: string }>;
type Search = Promise<{ kind?: string | string[] }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = await params;
  return { title: `New ${param(p.wizard)} in ${param(p.ns)}` };
}

/** A create wizard with the namespace chosen. */
export default async function NamespaceWizardPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const p = await params;
  const ns = param(p.ns);
  const wizard = param(p.wizard);
  const kind = (await searchParams).kind;
  return <WizardRoute key={`${ns}/${wizard}`} wizard={wizard} namespace={ns} kind={typeof kind === 'string' ? kind : undefined} />;
}

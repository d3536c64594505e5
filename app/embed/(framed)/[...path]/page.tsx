import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MirroredPage } from '@/components/embed/mirrored-page';
import { param } from '@/components/resource/route-params';
import { embedHrefFor } from '@/lib/embed/routes';
import { parseConsolePath } from '@/lib/resources/links';

type Params = Promise<{ path: string[] }>;
type Search = Promise<Record<string, string | string[] | undefined>>;

function consolePath(segments: string[]): string {
  return `/${segments.map((s) => encodeURIComponent(param(s))).join('/')}`;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const segments = (await params).path;
  return { title: param(segments.at(-1) ?? 'Glasspane') };
}

/** A console page without the console's chrome: /embed/hosts/<node>, /embed/namespaces/<ns>[/r/<id>[/<name>]], /embed/r/<id>[/<name>]. */
export default async function MirroredEmbedPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const path = consolePath((await params).path);
  if (!embedHrefFor(path)) notFound();
  const tab = (await searchParams).tab;
  const href = typeof tab === 'string' ? `${path}?tab=${encodeURIComponent(tab)}` : path;
  return <MirroredPage location={parseConsolePath(path)} consoleHref={href} />;
}

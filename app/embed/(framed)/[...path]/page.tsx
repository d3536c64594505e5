import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { MirroredPage } from '@/components/embed/mirrored-page';
import { param } from '@/components/resource/route-params';
import { embedHrefFor, parseWorkPath } from '@/lib/embed/routes';
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

/**
 * A console page without the console's chrome: /embed/hosts/<node>, /embed/namespaces/<ns>[/r/<id>[/<name>]],
 * /embed/r/<id>[/<name>], and the editing pages (…/<name>/edit, /import, …/create[/<wizard> | /r/<id>]).
 */
export default async function MirroredEmbedPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const path = consolePath((await params).path);
  if (!embedHrefFor(path)) notFound();
  const search = await searchParams;
  const tab = typeof search.tab === 'string' ? search.tab : undefined;
  const kind = typeof search.kind === 'string' ? search.kind : undefined;
  const query = new URLSearchParams({ ...(tab ? { tab } : {}), ...(kind ? { kind } : {}) }).toString();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <MirroredPage location={parseConsolePath(path)} work={parseWorkPath(path)} consoleHref={query ? `${path}?${query}` : path} kind={kind} nonce={nonce} />;
}

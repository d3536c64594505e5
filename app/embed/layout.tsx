import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { EmbedRuntime } from '@/components/embed/embed-runtime';
import { readSecurityEnv } from '@/lib/env';
import { sanitizeSources } from '@/lib/security/csp';

export const metadata: Metadata = { title: { default: 'Glasspane', template: '%s · Glasspane' }, robots: { index: false } };

/**
 * Embedded views: the console's pages without its chrome, for host panels. The frame ancestors
 * the CSP allows (GLASSPANE_FRAME_ANCESTORS, read per request) are also the only origins whose
 * messages the views accept.
 */
export default async function EmbedLayout({ children }: { children: ReactNode }) {
  await connection();
  const frameAncestors = sanitizeSources(readSecurityEnv().frameAncestors);
  return <EmbedRuntime frameAncestors={frameAncestors}>{children}</EmbedRuntime>;
}

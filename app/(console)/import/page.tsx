import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { ImportPage } from '@/components/editor/import/import-page';

export const metadata: Metadata = { title: 'Import YAML' };

/** Import YAML: apply a multi-document file like `kubectl apply -f`. */
export default async function Import() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return <ImportPage nonce={nonce} />;
}

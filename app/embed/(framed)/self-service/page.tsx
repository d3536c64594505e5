import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { SelfServicePage } from '@/components/self-service/self-service-page';
import { clusterName } from '../../../(console)/self-service/cluster-name';

export const metadata: Metadata = { title: 'Self-service' };

/** The self-service page embedded (no console chrome; the frame is sized to its content). */
export default async function EmbeddedSelfService() {
  await connection();
  const name = await clusterName();
  return (
    <Suspense>
      <SelfServicePage clusterName={name} />
    </Suspense>
  );
}

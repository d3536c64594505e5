import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { SelfServicePage } from '@/components/self-service/self-service-page';
import { clusterName } from '@/lib/k8s-server/cluster-name';

export const metadata: Metadata = { title: 'Self-service' };

/** The developer's page: quotas, catalogue, My resources, kubectl access (`?ns=` selects the namespace). */
export default async function SelfService() {
  await connection();
  const name = await clusterName('supervisor');
  return (
    <Suspense>
      <SelfServicePage clusterName={name} />
    </Suspense>
  );
}

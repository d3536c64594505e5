import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { EmbedInventory } from '@/components/embed/embed-inventory';
import { clusterName } from '@/lib/k8s-server/cluster-name';

export const metadata: Metadata = { title: 'Inventory' };

/** The inventory tree alone (the vSphere global view, or a portal's side panel). */
export default async function EmbeddedInventoryPage() {
  await connection();
  return (
    <Suspense>
      <EmbedInventory clusterName={await clusterName()} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { EmbedInventory } from '@/components/embed/embed-inventory';
import { readServerEnv } from '@/lib/env';
import { loadClusterConfig } from '@/lib/k8s-server/cluster-config';

export const metadata: Metadata = { title: 'Inventory' };

/** The inventory tree alone (the vSphere global view, or a portal's side panel). */
async function clusterName(): Promise<string> {
  try {
    return (await loadClusterConfig(readServerEnv().kubeconfigPath)).clusterName || 'Supervisor';
  } catch {
    return 'Supervisor';
  }
}

export default async function EmbeddedInventoryPage() {
  await connection();
  return (
    <Suspense>
      <EmbedInventory clusterName={await clusterName()} />
    </Suspense>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Overview } from '@/components/overview/overview';
import { readServerEnv } from '@/lib/env';
import { loadClusterConfig } from '@/lib/k8s-server/cluster-config';

export const metadata: Metadata = { title: 'Overview' };

/** The supervisor's name and whether `npm start` runs it; the rest of the Overview is live data. */
async function clusterFacts(): Promise<{ clusterName: string; embedded: boolean }> {
  try {
    const env = readServerEnv();
    return { clusterName: (await loadClusterConfig(env.kubeconfigPath)).clusterName || 'Supervisor', embedded: env.embedded };
  } catch {
    return { clusterName: 'Supervisor', embedded: false };
  }
}

export default async function OverviewPage() {
  await connection();
  return <Overview {...await clusterFacts()} />;
}

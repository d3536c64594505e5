import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/shell/console-shell';
import { readServerEnv } from '@/lib/env';
import { loadClusterConfig } from '@/lib/k8s-server/cluster-config';

/** The shell of every signed-in page; the tree's root is named after the kubeconfig's cluster. */
async function clusterName(): Promise<string> {
  try {
    return (await loadClusterConfig(readServerEnv().kubeconfigPath)).clusterName || 'Supervisor';
  } catch {
    return 'Supervisor';
  }
}

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection();
  return <ConsoleShell clusterName={await clusterName()}>{children}</ConsoleShell>;
}

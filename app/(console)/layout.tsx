import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/shell/console-shell';
import { clusterName } from '@/lib/k8s-server/cluster-name';

/** The shell of every signed-in page; the tree's root is named after the kubeconfig's cluster. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  await connection();
  return <ConsoleShell clusterName={await clusterName()}>{children}</ConsoleShell>;
}

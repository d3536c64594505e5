import 'server-only';
import { readServerEnv } from '@/lib/env';
import { loadClusterConfig } from '@/lib/k8s-server/cluster-config';

/** The cluster's name as the console's kubeconfig names it (for the kubeconfig file's name). */
export async function clusterName(): Promise<string> {
  try {
    return (await loadClusterConfig(readServerEnv().kubeconfigPath)).clusterName || 'supervisor';
  } catch {
    return 'supervisor';
  }
}
